package org.callsforinput.publication.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.callsforinput.platform.work.LeasedWork;
import org.callsforinput.publication.webhook.WebhookAttempt.Outcome;
import org.callsforinput.publication.webhook.WebhookDelivery.Status;
import org.eclipse.microprofile.context.ManagedExecutor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries: claims them with a lease ({@code FOR UPDATE SKIP LOCKED}, so replicas never send the same
 * one at once and a crash frees them after the lease), sends each signed POST outside any transaction, then records
 * the attempt and schedules the next one. Redirects are never followed; the target's addresses are checked again
 * before every attempt. A {@link LeasedWork} loop; its retries follow the documented schedule of {@link RetryPolicy}
 * (a promise to receivers), not the platform's exponential back-off. Every failed attempt is counted by what follows
 * it ({@code platform_webhook_attempts_failed_total}, {@code outcome} retry, failed or gone; the alert in
 * docs/operations.md).
 */
@ApplicationScoped
public class WebhookSender {

    private static final String USER_AGENT = "calls-for-input-webhooks/1.0";
    private static final int MAX_ERROR = 500;

    /** A delivery reserved for this worker, with what sending it needs. */
    record Claimed(UUID id, UUID subscriptionId, String url, String messageId, String body, List<String> secrets,
            String problem) {
    }

    /** What one attempt brought back: a status code (and Retry-After), or an error. */
    record Result(Instant at, long durationMs, Integer statusCode, Optional<Duration> retryAfter, String error) {
    }

    private final WebhookConfig config;
    private final WebhookTarget target;
    private final SecretBox secrets;
    private final ManagedExecutor deliveries;
    private final RetryPolicy retries;
    private final Duration lease;
    private final HttpClient client;
    private final LeasedWork work;
    private final Map<Outcome, Counter> failedAttempts = new EnumMap<>(Outcome.class);

    public WebhookSender(WebhookConfig config, WebhookTarget target, SecretBox secrets, MeterRegistry registry) {
        this.config = config;
        for (Outcome outcome : List.of(Outcome.RETRY, Outcome.FAILED, Outcome.GONE)) {
            failedAttempts.put(outcome, Counter.builder("platform.webhook.attempts.failed")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Webhook attempts that failed, by what follows: a retry, FAILED, or gone (410)")
                    .register(registry));
        }
        this.target = target;
        this.secrets = secrets;
        // The deliveries of a batch are sent in parallel, each on a thread of its own that carries no context over.
        this.deliveries = LeasedWork.noContextExecutor(config.batchSize());
        this.work = new LeasedWork("Webhook", config.batchSize(), this::sendBatch);
        this.retries = RetryPolicy.of(config);
        // Renewed by a heartbeat while the attempt runs, so it need not outlast the attempt, only a missed beat or two.
        this.lease = config.lease().compareTo(Duration.ofSeconds(3)) < 0 ? Duration.ofSeconds(3) : config.lease();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(config.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @PreDestroy
    void shutdown() {
        work.close();
        deliveries.shutdown();
    }

    /** After a commit that enqueued deliveries, send at once (coalesced) instead of waiting for the next poll. */
    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Webhooks.Enqueued enqueued) {
        work.wakeUp();
    }

    @Scheduled(every = "${publication.webhooks.interval}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        sendDue();
    }

    void sendDue() {
        work.runPass();
    }

    /** One batch: claim, send every claimed delivery in parallel, record each result; returns how many were claimed. */
    private int sendBatch() {
        List<Claimed> claimed = claim();
        try (LeasedWork.Heartbeat<UUID> heartbeat = LeasedWork.heartbeat("Webhook",
                claimed.stream().map(Claimed::id).toList(), lease, WebhookSender::renew)) {
            List<CompletableFuture<Result>> results = new ArrayList<>(claimed.size());
            for (Claimed delivery : claimed) {
                results.add(CompletableFuture.supplyAsync(() -> attempt(delivery), deliveries));
            }
            for (int i = 0; i < claimed.size(); i++) {
                record(claimed.get(i), await(results.get(i)));
                heartbeat.done(claimed.get(i).id());
            }
        }
        return claimed.size();
    }

    /** Only deliveries still being sent (SENDING): one recorded meanwhile keeps its schedule. */
    private static void renew(List<UUID> ids, Instant until) {
        WebhookDelivery.update("nextAttemptAt = ?1 where id in ?2 and status = ?3", until, ids, Status.SENDING);
    }

    /** Delivered and failed deliveries, with their attempts, are kept for {@code publication.webhooks.retention}. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeFinished() {
        long purged = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.delete(
                "status in ?1 and createdAt < ?2", List.of(Status.DELIVERED, Status.FAILED),
                Instant.now().minus(config.retention())));
        if (purged > 0) {
            Log.infof("Webhooks: purged %d finished deliveries older than %s", purged, config.retention());
        }
    }

    /** Claims due deliveries: SENDING until the lease ends, so that the slow part happens outside any transaction. */
    List<Claimed> claim() {
        return LeasedWork.claim(now -> {
            Map<UUID, WebhookSubscription> subscriptions = new HashMap<>();
            List<Claimed> claimed = new ArrayList<>();
            for (WebhookDelivery delivery : WebhookDelivery.lockDue(now, config.batchSize())) {
                delivery.status = Status.SENDING;
                delivery.nextAttemptAt = now.plus(lease);
                delivery.attempts++;
                WebhookSubscription subscription = subscriptions.computeIfAbsent(delivery.subscriptionId,
                        id -> WebhookSubscription.findById(id));
                List<String> keys = new ArrayList<>(2);
                String problem = null;
                try {
                    keys.add(secrets.open(subscription.id, subscription.secret));
                    if (subscription.previousSecretValid(now)) {
                        keys.add(secrets.open(subscription.id, subscription.previousSecret));
                    }
                } catch (IllegalStateException e) {
                    problem = e.getMessage();
                }
                claimed.add(new Claimed(delivery.id, subscription.id, subscription.url, delivery.messageId,
                        delivery.body, keys, problem));
            }
            return claimed;
        });
    }

    /** One attempt: check where the URL leads now, then POST the signed body. Never throws. */
    Result attempt(Claimed delivery) {
        Instant start = Instant.now();
        long started = System.nanoTime();
        if (delivery.problem() != null) {
            return failure(start, started, delivery.problem());
        }
        URI uri;
        try {
            uri = target.check(delivery.url());
        } catch (WebhookTarget.RefusedException e) {
            return failure(start, started, "Refused before sending: " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.header(delivery.secrets(), delivery.messageId(), timestamp,
                        delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            // The request timeout covers the answer's headers; this bound covers a body that never ends, too.
            HttpResponse<Void> response = call.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            return new Result(start, elapsedMs(started), response.statusCode(), retryAfter, null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return failure(start, started, "No answer within " + config.requestTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return failure(start, started, "Interrupted while sending");
        } catch (ExecutionException e) {
            return failure(start, started, describe(e.getCause()));
        }
    }

    /** Records the attempt and decides what happens next. */
    void record(Claimed claimed, Result result) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(claimed.id());
            if (delivery == null) {
                return null; // its subscription was deleted meanwhile
            }
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.id = UUID.randomUUID();
            attempt.deliveryId = delivery.id;
            attempt.number = WebhookAttempt.nextNumber(delivery.id);
            attempt.attemptedAt = result.at();
            attempt.durationMs = result.durationMs();
            attempt.statusCode = result.statusCode();
            attempt.error = truncate(result.error() != null ? result.error() : describeStatus(result.statusCode()));
            Integer status = result.statusCode();
            Instant now = Instant.now();
            if (status != null && status >= 200 && status < 300) {
                attempt.outcome = Outcome.DELIVERED;
                attempt.error = null;
                delivery.status = Status.DELIVERED;
                delivery.deliveredAt = now;
                Log.debugf("Webhook %s delivered to subscription %s (%d)", delivery.messageId, delivery.subscriptionId, status);
            } else if (status != null && status == 410) {
                attempt.outcome = Outcome.GONE;
                delivery.status = Status.FAILED;
                WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
                if (subscription != null && subscription.active) {
                    subscription.active = false;
                    subscription.disabledReason = "The receiver answered 410 Gone at " + now;
                    subscription.updatedAt = now;
                    Log.warnf("Webhook subscription %s disabled: its receiver answered 410 Gone", subscription.id);
                }
            } else {
                Optional<Duration> next = retries.next(delivery.attempts, result.retryAfter());
                if (next.isPresent()) {
                    attempt.outcome = Outcome.RETRY;
                    delivery.status = Status.PENDING;
                    delivery.nextAttemptAt = now.plus(next.get());
                    Log.infof("Webhook %s to subscription %s failed (%s), next attempt in %s", delivery.messageId,
                            delivery.subscriptionId, attempt.error, next.get());
                } else {
                    attempt.outcome = Outcome.FAILED;
                    delivery.status = Status.FAILED;
                    Log.warnf("Webhook %s to subscription %s FAILED after %d attempts: %s", delivery.messageId,
                            delivery.subscriptionId, delivery.attempts, attempt.error);
                }
            }
            delivery.lastAttemptAt = result.at();
            delivery.lastStatusCode = status;
            delivery.lastError = attempt.error;
            attempt.persist();
            return attempt.outcome;
        });
        Counter failed = outcome == null ? null : failedAttempts.get(outcome);
        if (failed != null) {
            failed.increment();
        }
    }

    private Result await(CompletableFuture<Result> result) {
        try {
            // attempt() bounds itself; this is the guard against a resolver that hangs.
            return result.get(config.requestTimeout().multipliedBy(2).plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Instant.now(), 0, null, Optional.empty(), "Interrupted while sending");
        } catch (ExecutionException | TimeoutException e) {
            result.cancel(true);
            return new Result(Instant.now(), 0, null, Optional.empty(), "The attempt did not finish: " + describe(e));
        }
    }

    private static Result failure(Instant start, long started, String error) {
        return new Result(start, elapsedMs(started), null, Optional.empty(), error);
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String describeStatus(Integer status) {
        if (status == null) {
            return null;
        }
        if (status >= 300 && status < 400) {
            return "HTTP " + status + ": redirects are not followed; update the subscription's URL";
        }
        return status >= 200 && status < 300 ? null : "HTTP " + status;
    }

    /** An error for the delivery log: what went wrong, never a stack trace. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "Connection timed out";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "No answer in time";
        }
        if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException) {
            return "Connection failed (refused or unreachable)";
        }
        if (cause instanceof UnresolvedAddressException) {
            return "Host does not resolve";
        }
        if (cause instanceof IOException) {
            return "Connection error: " + (cause.getMessage() == null ? "closed unexpectedly" : cause.getMessage());
        }
        return "Error: " + (cause.getMessage() == null ? "unexpected failure" : cause.getMessage());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
