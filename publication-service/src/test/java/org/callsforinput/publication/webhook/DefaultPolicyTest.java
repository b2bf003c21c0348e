package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callsforinput.publication.webhook.WebhookAdminTest.asAdmin;
import static org.callsforinput.publication.webhook.WebhookAdminTest.subscription;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With the production SSRF policy (no allowed networks), even the test's own loopback receiver is refused. */
@QuarkusTest
@TestProfile(DefaultPolicyTest.ProductionPolicy.class)
class DefaultPolicyTest {

    /** The test profile without its allowance for 127.0.0.1. */
    public static class ProductionPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.publication.webhooks.allowed-networks", "",
                    "publication.webhooks.allowed-networks", "");
        }
    }

    @Inject
    WebhookTarget target;

    @Test
    void loopbackReceiverIsRefused() throws Exception {
        assertThat(target.policy().allowed()).isEmpty();
        try (Receiver receiver = Receiver.start()) {
            asAdmin().contentType(ContentType.JSON).body(subscription(receiver.url("/hooks"), UUID.randomUUID()))
                    .when().post("/admin/webhooks/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:calls-for-input:problem:webhook-target-refused"))
                    .body("detail", containsString("loopback"));
            asAdmin().contentType(ContentType.JSON).body(subscription("http://localhost:" + receiver.port() + "/", null))
                    .when().post("/admin/webhooks/subscriptions")
                    .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:webhook-target-refused"));
            assertThat(receiver.received()).isEmpty();
        }
    }
}
