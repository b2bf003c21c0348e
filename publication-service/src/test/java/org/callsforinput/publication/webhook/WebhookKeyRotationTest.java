package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.callsforinput.publication.webhook.WebhookAdminTest.asAdmin;
import static org.callsforinput.publication.webhook.WebhookDeliveryTest.log;
import static org.callsforinput.publication.webhook.WebhookDeliveryTest.subscribe;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.callsforinput.publication.webhook.Receiver.Received;
import org.callsforinput.publication.webhook.WebhookDeliveryTest.Subscribed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Rotating the key that encrypts signing secrets at rest. The service starts with key1 configured; the keyring then
 * changes as a restart with a new configuration would ({@link SecretBox#use}): a restart of a test application
 * cleans its database, which a restart in production does not.
 */
@QuarkusTest
@TestProfile(WebhookKeyRotationTest.Key1.class)
class WebhookKeyRotationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class Key1 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("publication.webhooks.encryption-keys", "key1:" + randomKey());
        }
    }

    @Inject
    SecretBox box;

    @Inject
    WebhookConfig config;

    @Inject
    Webhooks webhooks;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        box.useConfigured();
        for (String id : created) {
            asAdmin().when().delete("/admin/webhooks/subscriptions/" + id).then().statusCode(204);
        }
    }

    @Test
    void aNewKeyEncryptsOldSecretsStayReadableAndReEncryptionRetiresTheOldKey() throws Exception {
        String key1 = config.encryptionKeys().orElseThrow().get(0);
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            Subscribed first = track(subscribe(receiver.url("/first"), callId));
            Subscribed rotated = track(subscribe(receiver.url("/rotated"), callId));
            String rotatedSecret = asAdmin().when().post("/admin/webhooks/subscriptions/" + rotated.id() + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            assertThat(storedSecrets()).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("v2.key1."));

            // key2 becomes the current key, key1 stays listed.
            String key2 = "key2:" + randomKey();
            box.use(List.of(key2, key1), Optional.empty());
            Subscribed second = track(subscribe(receiver.url("/second"), callId));
            assertThat(stored(second.id())).startsWith("v2.key2.");

            enqueue(callId, 1);
            await().atMost(WAIT).until(() -> receiver.received().size() == 3);
            assertSigned(receiver.received(), first.secret(), rotated.secret(), rotatedSecret, second.secret());

            JsonPath run = reEncrypt();
            assertThat(run.getString("currentKeyId")).isEqualTo("key2");
            assertThat(run.getInt("reEncrypted")).isEqualTo(2); // first, and rotated with its previous secret
            assertThat(run.getLong("remaining")).isZero();
            assertThat(run.getList("unreadable")).isEmpty();
            assertThat(storedSecrets()).allSatisfy(s -> assertThat(s).startsWith("v2.key2."));
            // Idempotent: nothing left to do.
            JsonPath again = reEncrypt();
            assertThat(again.getInt("reEncrypted")).isZero();
            assertThat(again.getLong("remaining")).isZero();

            // key1 removed: every secret still opens, every delivery is still signed with the subscriber's secret.
            box.use(List.of(key2), Optional.empty());
            enqueue(callId, 2);
            await().atMost(WAIT).until(() -> receiver.received().size() == 6);
            assertSigned(receiver.received().subList(3, 6), first.secret(), rotated.secret(), rotatedSecret, second.secret());
            // The receiver has the request before the sender records the answer: wait for the record.
            for (Subscribed s : List.of(first, rotated, second)) {
                await().atMost(WAIT).untilAsserted(() -> log(s.id()).body("status", equalTo(List.of("DELIVERED", "DELIVERED"))));
            }
        }
    }

    @Test
    void aSecretUnderAKeyNoLongerConfiguredFailsItsDeliveryWithAClearMessage() throws Exception {
        String key1 = config.encryptionKeys().orElseThrow().get(0);
        try (Receiver receiver = Receiver.start()) {
            UUID callId = UUID.randomUUID();
            box.use(List.of("retired:" + randomKey(), key1), Optional.empty());
            Subscribed orphan = track(subscribe(receiver.url("/orphan"), callId));
            box.useConfigured(); // key "retired" dropped before re-encryption

            enqueue(callId, 1);
            String expected = "Cannot decrypt the signing secret of subscription " + orphan.id()
                    + ": it is encrypted with key 'retired', which is not among the configured keys [key1]";
            await().atMost(WAIT).untilAsserted(() -> log(orphan.id())
                    .body("[0].attempts[0].outcome", equalTo("RETRY"))
                    .body("[0].attempts[0].error", containsString(expected)));
            assertThat(receiver.received()).isEmpty();

            JsonPath run = reEncrypt();
            assertThat(run.getLong("remaining")).isPositive();
            assertThat(run.getList("unreadable.subscriptionId")).contains(orphan.id());
            assertThat(run.getString("unreadable.find { it.subscriptionId == '" + orphan.id() + "' }.error"))
                    .startsWith(expected);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private Subscribed track(Subscribed subscribed) {
        created.add(subscribed.id());
        return subscribed;
    }

    private static JsonPath reEncrypt() {
        return asAdmin().when().post("/admin/webhooks/re-encrypt-secrets").then().statusCode(200).extract().jsonPath();
    }

    private void enqueue(UUID callId, int n) {
        QuarkusTransaction.requiringNew().run(() -> webhooks.enqueue(Webhooks.PUBLICATION_PUBLISHED, callId, Map.of("n", n)));
    }

    private static String stored(String subscriptionId) {
        return QuarkusTransaction.requiringNew().call(
                () -> WebhookSubscription.<WebhookSubscription>findById(UUID.fromString(subscriptionId)).secret);
    }

    /** Every stored ciphertext: current and previous secrets. */
    private static List<String> storedSecrets() {
        return QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.<WebhookSubscription>listAll().stream()
                .flatMap(s -> s.previousSecret == null ? Stream.of(s.secret) : Stream.of(s.secret, s.previousSecret))
                .toList());
    }

    /** One request per subscription, each signed with its secrets (the rotated one with both, new one first). */
    private static void assertSigned(List<Received> requests, String first, String rotatedOld, String rotatedNew,
            String second) {
        assertThat(requests).extracting(Received::path).containsExactlyInAnyOrder("/first", "/rotated", "/second");
        for (Received r : requests) {
            String[] signatures = r.header("webhook-signature").split(" ");
            List<String> secrets = switch (r.path()) {
                case "/first" -> List.of(first);
                case "/second" -> List.of(second);
                default -> List.of(rotatedNew, rotatedOld);
            };
            assertThat(signatures).hasSize(secrets.size());
            for (int i = 0; i < secrets.size(); i++) {
                assertThat(Verifier.verifies(secrets.get(i), r.header("webhook-id"), r.header("webhook-timestamp"),
                        r.body(), signatures[i])).as(r.path() + " signature " + i).isTrue();
            }
        }
    }
}
