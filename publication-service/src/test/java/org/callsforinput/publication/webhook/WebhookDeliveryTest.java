package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.callsforinput.publication.webhook.WebhookAdminTest.asAdmin;
import static org.callsforinput.publication.webhook.WebhookAdminTest.subscription;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionalException;

import org.callsforinput.publication.webhook.Receiver.Answer;
import org.callsforinput.publication.webhook.Receiver.Received;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Deliveries end to end: the service's worker sends to a receiver on 127.0.0.1 inside the test. The test profile
 * scales the retry schedule down: a whole round takes about 15 s, as the scheduler looks for due work once a second.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Webhooks webhooks;

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookSender sender;

    @Inject
    MeterRegistry meters;

    record Subscribed(String id, String secret) {
    }

    @Test
    void deliversSignedStandardWebhooksToTheSubscribedCallOnly() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            Subscribed other = subscribe(receiver.url("/other-call"), UUID.randomUUID());
            Subscribed retractionsOnly = subscribe(receiver.url("/retractions"), callId, Webhooks.PUBLICATION_RETRACTED);

            UUID contribution = UUID.randomUUID();
            long before = Instant.now().getEpochSecond();
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("contributionId", contribution.toString(), "slug", "x"));

            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            Received request = receiver.received().get(0);
            assertThat(request.path()).isEqualTo("/hooks");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("webhook-id")).startsWith("msg_").doesNotContain(".");
            long timestamp = Long.parseLong(request.header("webhook-timestamp"));
            assertThat(timestamp).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
            assertThat(request.header("webhook-signature")).startsWith("v1,").doesNotContain(" ");
            assertThat(Verifier.verifies(subscribed.secret(), request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.body(), request.header("webhook-signature"))).isTrue();
            assertThat(Verifier.verifies(other.secret(), request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.body(), request.header("webhook-signature"))).isFalse();

            JsonNode body = mapper.readTree(request.body());
            assertThat(body.path("type").asText()).isEqualTo("publication.published");
            assertThat(Instant.parse(body.path("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(body.path("data").path("contributionId").asText()).isEqualTo(contribution.toString());

            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                    .body("$", hasSize(1))
                    .body("[0].status", equalTo("DELIVERED"))
                    .body("[0].messageId", equalTo(request.header("webhook-id")))
                    .body("[0].attempts", hasSize(1))
                    .body("[0].attempts[0].statusCode", equalTo(200))
                    .body("[0].attempts[0].outcome", equalTo("DELIVERED")));
            log(other.id()).body("$", hasSize(0));
            log(retractionsOnly.id()).body("$", hasSize(0));
        }
    }

    @Test
    void retriesAfter503AndDeliversOn200() throws Exception {
        try (Receiver receiver = Receiver.start().answer(Answer.of(503), Answer.of(500))) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));

            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                    .body("[0].status", equalTo("DELIVERED"))
                    .body("[0].attempts.statusCode", equalTo(List.of(503, 500, 200)))
                    .body("[0].attempts.outcome", equalTo(List.of("RETRY", "RETRY", "DELIVERED"))));
            List<Received> requests = receiver.received();
            assertThat(requests).hasSize(3);
            // Same event, same id and body every time; a fresh timestamp and signature on each attempt.
            assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
            assertThat(requests).extracting(Received::body).containsOnly(requests.get(0).body());
            assertThat(requests).allMatch(r -> Verifier.verifies(subscribed.secret(), r.header("webhook-id"),
                    r.header("webhook-timestamp"), r.body(), r.header("webhook-signature")));
        }
    }

    @Test
    void honoursRetryAfter() throws Exception {
        try (Receiver receiver = Receiver.start().answer(Answer.of(429, Map.of("Retry-After", "2")))) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));

            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id()).body("[0].status", equalTo("DELIVERED")));
            List<Received> requests = receiver.received();
            assertThat(requests).hasSize(2);
            // The scaled schedule alone would retry within milliseconds.
            assertThat(TimeUnit.NANOSECONDS.toMillis(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
                    .isGreaterThanOrEqualTo(1950);
        }
    }

    @Test
    void goneDisablesTheSubscription() throws Exception {
        try (Receiver receiver = Receiver.start().otherwise(Answer.of(410))) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));

            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                    .body("[0].status", equalTo("FAILED"))
                    .body("[0].attempts.outcome", equalTo(List.of("GONE")))
                    .body("[0].attempts[0].statusCode", equalTo(410)));
            asAdmin().when().get("/admin/webhooks/subscriptions/" + subscribed.id())
                    .then().statusCode(200).body("active", equalTo(false))
                    .body("disabledReason", containsString("410"));

            // Nothing more is enqueued for it, and nothing more is sent.
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 2));
            log(subscribed.id()).body("$", hasSize(1));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void keepsDeliveriesWhileTheReceiverIsDownAndDeliversWhenItIsBack() throws Exception {
        int port = Receiver.closedPort();
        UUID callId = UUID.randomUUID();
        Subscribed subscribed = subscribe("http://127.0.0.1:" + port + "/hooks", callId, Webhooks.PUBLICATION_PUBLISHED,
                Webhooks.PUBLICATION_RETRACTED);
        enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));
        enqueue(Webhooks.PUBLICATION_RETRACTED, callId, Map.of("n", 2));

        await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                .body("$", hasSize(2))
                .body("status", equalTo(List.of("PENDING", "PENDING")))
                .body("[0].attempts.size()", greaterThanOrEqualTo(3))
                .body("[0].attempts[0].statusCode", equalTo(null))
                .body("[0].attempts[0].error", containsString("Connection"))
                .body("[0].attempts[0].outcome", equalTo("RETRY"))
                .body("[0].nextAttemptAt", notNullValue()));
        // the receiver is failing: both show in the gauge the alert reads (platform_webhook_deliveries_retrying)
        assertThat(meters.get("platform.webhook.deliveries.retrying").gauge().value()).isGreaterThanOrEqualTo(2);

        try (Receiver receiver = Receiver.startOn(port)) {
            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                    .body("status", equalTo(List.of("DELIVERED", "DELIVERED"))));
            assertThat(receiver.received()).extracting(r -> mapper.readTree(r.body()).path("type").asText())
                    .containsExactlyInAnyOrder("publication.published", "publication.retracted");
            JsonPath delivered = log(subscribed.id()).extract().jsonPath();
            List<String> outcomes = delivered.getList("[0].attempts.outcome");
            assertThat(outcomes).last().isEqualTo("DELIVERED");
            assertThat(outcomes.subList(0, outcomes.size() - 1)).isNotEmpty().containsOnly("RETRY");
        }
    }

    @Test
    void failsVisiblyAfterTheLastAttempt() throws Exception {
        double retriedBefore = failedAttempts("retry");
        double failedBefore = failedAttempts("failed");
        try (Receiver receiver = Receiver.start().otherwise(Answer.of(500))) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));

            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> log(subscribed.id())
                    .body("[0].status", equalTo("FAILED")));
            JsonPath failed = log(subscribed.id()).extract().jsonPath();
            assertThat(failed.getList("[0].attempts.statusCode", Integer.class)).hasSize(8).containsOnly(500);
            assertThat(failed.getList("[0].attempts.outcome", String.class)).last().isEqualTo("FAILED");
            assertThat(failed.getString("[0].lastError")).isEqualTo("HTTP 500");
            asAdmin().queryParam("status", "FAILED").when().get("/admin/webhooks/subscriptions/" + subscribed.id() + "/deliveries")
                    .then().statusCode(200).body("$", hasSize(1));
            assertThat(receiver.received()).hasSize(8);
            // counted for the alert (platform_webhook_attempts_failed_total): 7 retried, then the last one failed
            assertThat(failedAttempts("retry")).isGreaterThanOrEqualTo(retriedBefore + 7);
            assertThat(failedAttempts("failed")).isGreaterThanOrEqualTo(failedBefore + 1);
        }
    }

    private double failedAttempts(String outcome) {
        return meters.get("platform.webhook.attempts.failed").tag("outcome", outcome).counter().count();
    }

    @Test
    void manualRedeliverySendsTheSameEventAgain() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));
            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id()).body("[0].status", equalTo("DELIVERED")));
            String deliveryId = log(subscribed.id()).extract().path("[0].id");

            asAdmin().when().post("/admin/webhooks/deliveries/" + deliveryId + "/redeliver")
                    .then().statusCode(202).body("status", equalTo("PENDING"));
            await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/admin/webhooks/deliveries/" + deliveryId)
                    .then().statusCode(200)
                    .body("status", equalTo("DELIVERED"))
                    .body("attempts.number", equalTo(List.of(1, 2)))
                    .body("body.type", equalTo("publication.published")));
            List<Received> requests = receiver.received();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
            assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        }
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlap() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            String newSecret = asAdmin().when().post("/admin/webhooks/subscriptions/" + subscribed.id() + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            assertThat(newSecret).isNotEqualTo(subscribed.secret());

            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            Received request = receiver.received().get(0);
            String[] signatures = request.header("webhook-signature").split(" ");
            assertThat(signatures).hasSize(2);
            String id = request.header("webhook-id");
            String timestamp = request.header("webhook-timestamp");
            // A receiver with the new secret and one still on the old secret both accept it.
            assertThat(Verifier.verifies(newSecret, id, timestamp, request.body(), signatures[0])).isTrue();
            assertThat(Verifier.verifies(subscribed.secret(), id, timestamp, request.body(), signatures[1])).isTrue();

            // After the overlap only the new secret signs.
            QuarkusTransaction.requiringNew().run(() -> WebhookSubscription.update(
                    "previousSecretUntil = ?1 where id = ?2", Instant.now().minusSeconds(1), UUID.fromString(subscribed.id())));
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 2));
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);
            Received later = receiver.received().get(1);
            assertThat(later.header("webhook-signature").split(" ")).hasSize(1);
            assertThat(Verifier.verifies(newSecret, later.header("webhook-id"), later.header("webhook-timestamp"),
                    later.body(), later.header("webhook-signature"))).isTrue();
            assertThat(Verifier.verifies(subscribed.secret(), later.header("webhook-id"), later.header("webhook-timestamp"),
                    later.body(), later.header("webhook-signature"))).isFalse();
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(Answer.of(302, Map.of("Location", receiver.url("/elsewhere"))));
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));

            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                    .body("[0].status", equalTo("DELIVERED"))
                    .body("[0].attempts.statusCode", equalTo(List.of(302, 200)))
                    .body("[0].attempts[0].error", containsString("redirects are not followed")));
            assertThat(receiver.received()).extracting(Received::path).containsOnly("/hooks");
        }
    }

    @Test
    void slowReceiverTimesOutAndIsRetried() throws Exception {
        try (Receiver receiver = Receiver.start().answer(new Answer(200, Map.of(), 3500))) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));

            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                    .body("[0].status", equalTo("DELIVERED"))
                    .body("[0].attempts.outcome", equalTo(List.of("RETRY", "DELIVERED")))
                    .body("[0].attempts[0].error", containsString("No answer")));
            assertThat(log(subscribed.id()).extract().jsonPath().getLong("[0].attempts[0].durationMs"))
                    .isBetween(1900L, 3400L);
        }
    }

    @Test
    void addressIsCheckedAgainBeforeEveryAttempt() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            // As if the name now resolved elsewhere: 127.0.0.2 is loopback, but outside the test's allowed 127.0.0.1/32.
            QuarkusTransaction.requiringNew().run(() -> WebhookSubscription.update("url = ?1 where id = ?2",
                    "http://127.0.0.2:" + receiver.port() + "/hooks", UUID.fromString(subscribed.id())));
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));

            await().atMost(WAIT).untilAsserted(() -> log(subscribed.id())
                    .body("[0].attempts[0].outcome", equalTo("RETRY"))
                    .body("[0].attempts[0].statusCode", equalTo(null))
                    .body("[0].attempts[0].error", containsString("Refused before sending"))
                    .body("[0].attempts[0].error", containsString("127.0.0.2")));
            assertThat(receiver.received()).isEmpty();
            asAdmin().when().delete("/admin/webhooks/subscriptions/" + subscribed.id()).then().statusCode(204);
        }
    }

    @Test
    void deliveryOfAWorkerThatDiedIsSentAfterItsLease() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            // As a crashed worker leaves it: claimed (SENDING), one attempt counted, lease over.
            UUID deliveryId = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.id = deliveryId;
                delivery.subscriptionId = UUID.fromString(subscribed.id());
                delivery.messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
                delivery.eventType = Webhooks.PUBLICATION_PUBLISHED;
                delivery.callId = callId;
                delivery.body = "{\"type\":\"publication.published\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}";
                delivery.status = WebhookDelivery.Status.SENDING;
                delivery.attempts = 1;
                delivery.createdAt = Instant.now().minusSeconds(600);
                delivery.nextAttemptAt = Instant.now().minusSeconds(1);
                delivery.persist();
            });

            await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/admin/webhooks/deliveries/" + deliveryId)
                    .then().statusCode(200).body("status", equalTo("DELIVERED")));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aDeliveryLockedByOneWorkerIsSkippedByAnother() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            Subscribed subscribed = subscribe(receiver.url("/hooks"), callId);
            UUID subscriptionId = UUID.fromString(subscribed.id());
            enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", 1));
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            String deliveryId = log(subscribed.id()).extract().path("[0].id");
            // Make it due again while nobody may send it (disabled), then hold its row lock as a sending replica would.
            setActive(subscriptionId, false);
            asAdmin().when().post("/admin/webhooks/deliveries/" + deliveryId + "/redeliver").then().statusCode(202);

            List<UUID> claimedMeanwhile = QuarkusTransaction.requiringNew().call(() -> {
                WebhookDelivery locked = WebhookDelivery.findById(UUID.fromString(deliveryId),
                        LockModeType.PESSIMISTIC_WRITE);
                assertThat(locked.status).isEqualTo(WebhookDelivery.Status.PENDING);
                setActive(subscriptionId, true);
                ExecutorService other = Executors.newSingleThreadExecutor();
                try {
                    return other.submit(() -> sender.claim().stream().map(WebhookSender.Claimed::id).toList())
                            .get(10, TimeUnit.SECONDS);
                } finally {
                    other.shutdownNow();
                }
            });
            assertThat(claimedMeanwhile).doesNotContain(UUID.fromString(deliveryId));

            // Once the lock is released it goes out, exactly once more.
            await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/admin/webhooks/deliveries/" + deliveryId)
                    .then().statusCode(200).body("status", equalTo("DELIVERED")).body("attempts", hasSize(2)));
            assertThat(receiver.received()).hasSize(2);
        }
    }

    private static void setActive(UUID subscriptionId, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> WebhookSubscription.update("active = ?1 where id = ?2", active,
                subscriptionId));
    }

    @Test
    void enqueueNeedsTheCallersTransaction() {
        assertThatThrownBy(
                () -> webhooks.enqueue(Webhooks.PUBLICATION_PUBLISHED, UUID.randomUUID(), Map.of()))
                .isInstanceOf(TransactionalException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> webhooks.enqueue("submission.received", UUID.randomUUID(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void enqueue(String type, UUID callId, Object payload) {
        QuarkusTransaction.requiringNew().run(() -> webhooks.enqueue(type, callId, payload));
    }

    static Subscribed subscribe(String url, UUID callId, String... types) {
        var created = asAdmin().contentType(ContentType.JSON).body(subscription(url, callId, types))
                .when().post("/admin/webhooks/subscriptions")
                .then().statusCode(201).extract();
        return new Subscribed(created.path("id"), created.path("secret"));
    }

    static ValidatableResponse log(String subscriptionId) {
        return asAdmin().when().get("/admin/webhooks/subscriptions/" + subscriptionId + "/deliveries")
                .then().statusCode(200);
    }
}
