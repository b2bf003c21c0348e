package org.callsforinput.publication.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.callsforinput.publication.PublicationProblems;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.publication.webhook.WebhookDelivery.Status;

import io.quarkus.logging.Log;

/** The admin side of webhooks: subscriptions, their secrets, the delivery log and manual redelivery. */
@ApplicationScoped
public class WebhookSubscriptions {

    /** A subscription and its plaintext secret, which only the create and rotate responses carry. */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    private final WebhookTarget target;
    private final SecretBox secrets;
    private final WebhookConfig config;
    private final Event<Webhooks.Enqueued> enqueued;

    public WebhookSubscriptions(WebhookTarget target, SecretBox secrets, WebhookConfig config,
            Event<Webhooks.Enqueued> enqueued) {
        this.target = target;
        this.secrets = secrets;
        this.config = config;
        this.enqueued = enqueued;
    }

    @Transactional
    public WithSecret create(SubscriptionRequest request) {
        String url = checkedUrl(request.url());
        Instant now = Instant.now();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        apply(subscription, request, url, now);
        subscription.active = request.active() == null || request.active();
        subscription.disabledReason = subscription.active ? null : "Disabled by an admin";
        String secret = Signatures.newSecret(secrets.random());
        subscription.secret = secrets.seal(subscription.id, secret);
        subscription.createdAt = now;
        subscription.persist();
        Log.infof("Webhook subscription %s created for %s %s", subscription.id, subscription.url, subscription.eventTypes);
        return new WithSecret(subscription, secret);
    }

    public List<WebhookSubscription> list(int page, int size) {
        return WebhookSubscription.listAll(page, size);
    }

    public Optional<WebhookSubscription> find(UUID id) {
        return WebhookSubscription.findByIdOptional(id);
    }

    @Transactional
    public Optional<WebhookSubscription> replace(UUID id, SubscriptionRequest request) {
        Optional<WebhookSubscription> found = WebhookSubscription.findByIdOptional(id);
        if (found.isEmpty()) {
            return found;
        }
        String url = checkedUrl(request.url());
        WebhookSubscription subscription = found.get();
        apply(subscription, request, url, Instant.now());
        if (request.active() != null && request.active() != subscription.active) {
            subscription.active = request.active();
            subscription.disabledReason = subscription.active ? null : "Disabled by an admin";
            Log.infof("Webhook subscription %s %s", id, subscription.active ? "enabled" : "disabled");
        }
        return Optional.of(subscription);
    }

    /** Deletes the subscription with its delivery log (disable it instead to keep the log). */
    @Transactional
    public boolean delete(UUID id) {
        boolean deleted = WebhookSubscription.deleteById(id);
        if (deleted) {
            Log.infof("Webhook subscription %s deleted", id);
        }
        return deleted;
    }

    /** A new secret; the previous one keeps signing (alongside) for the rotation overlap. */
    @Transactional
    public Optional<WithSecret> rotate(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id).map(subscription -> {
            Instant now = Instant.now();
            String secret = Signatures.newSecret(secrets.random());
            subscription.previousSecret = subscription.secret;
            subscription.previousSecretUntil = now.plus(config.rotationOverlap());
            subscription.secret = secrets.seal(subscription.id, secret);
            subscription.secretRotatedAt = now;
            subscription.updatedAt = now;
            Log.infof("Webhook subscription %s: secret rotated, previous one signs until %s", id,
                    subscription.previousSecretUntil);
            return new WithSecret(subscription, secret);
        });
    }

    /** The subscription's deliveries, newest first; empty when the subscription does not exist. */
    public Optional<List<WebhookDelivery>> deliveries(UUID subscriptionId, Status status, int page, int size) {
        if (WebhookSubscription.findById(subscriptionId) == null) {
            return Optional.empty();
        }
        return Optional.of(WebhookDelivery.ofSubscription(subscriptionId, status, page, size));
    }

    public Optional<WebhookDelivery> delivery(UUID id) {
        return WebhookDelivery.findByIdOptional(id);
    }

    public List<WebhookAttempt> attempts(UUID deliveryId) {
        return WebhookAttempt.ofDelivery(deliveryId);
    }

    /**
     * Sends a delivery again now. A delivered or failed one starts a new round of the retry schedule; a pending one
     * is only brought forward; one being sent right now is refused (409).
     */
    @Transactional
    public Optional<WebhookDelivery> redeliver(UUID id) {
        return WebhookDelivery.<WebhookDelivery>findByIdOptional(id).map(delivery -> {
            if (delivery.status == Status.SENDING) {
                throw PublicationProblems.DELIVERY_IN_PROGRESS.exception(
                        "Delivery " + id + " is being sent right now; its result will be in the log shortly");
            }
            if (delivery.status != Status.PENDING) {
                delivery.attempts = 0;
                delivery.deliveredAt = null;
            }
            delivery.status = Status.PENDING;
            delivery.nextAttemptAt = Instant.now();
            Log.infof("Webhook delivery %s (%s) redelivery requested", id, delivery.messageId);
            enqueued.fire(new Webhooks.Enqueued(1));
            return delivery;
        });
    }

    private String checkedUrl(String url) {
        try {
            return target.check(url).toString();
        } catch (WebhookTarget.RefusedException e) {
            if (e.malformed()) {
                throw PublicationProblems.INVALID_WEBHOOK_URL.exception(e.getMessage());
            }
            throw PublicationProblems.WEBHOOK_TARGET_REFUSED.exception(e.getMessage());
        }
    }

    private static void apply(WebhookSubscription subscription, SubscriptionRequest request, String url, Instant now) {
        subscription.url = url;
        subscription.eventTypes = request.eventTypes().stream().sorted().toList();
        subscription.callId = request.callId();
        subscription.description = request.description();
        subscription.updatedAt = now;
    }
}
