package org.callsforinput.publication.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class WebhookAdminTest {

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.user("admin")).log().ifValidationFails();
    }

    static Map<String, Object> subscription(String url, UUID callId, String... types) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", types.length == 0 ? List.of(Webhooks.PUBLICATION_PUBLISHED) : List.of(types));
        body.put("callId", callId == null ? null : callId.toString());
        body.put("description", "UN web site");
        return body;
    }

    @Test
    void anonymousCallerIsAskedToAuthenticate() {
        given().contentType(ContentType.JSON).body(subscription("http://127.0.0.1:9/hook", UUID.randomUUID()))
                .when().post("/admin/webhooks/subscriptions")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:calls-for-input:problem:unauthenticated"));
        given().when().get("/admin/webhooks/subscriptions").then().statusCode(401);
    }

    @Test
    void tokenForAnotherServiceIsRejected() {
        // Partner service accounts get tokens for submission-service only (audience).
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/admin/webhooks/subscriptions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void contributorsAndReviewersAreForbidden() {
        for (String token : List.of(Tokens.user("contributor.odh"), Tokens.user("reviewer1"), Tokens.user("coordinator1"),
                Tokens.user("callmanager"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(subscription("http://127.0.0.1:9/hook", UUID.randomUUID()))
                    .when().post("/admin/webhooks/subscriptions")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:calls-for-input:problem:forbidden"));
            given().auth().oauth2(token).when().get("/admin/webhooks/subscriptions").then().statusCode(403);
        }
    }

    @Test
    void secretIsShownOnceAndStoredEncrypted() {
        UUID callId = UUID.randomUUID();
        var created = asAdmin().contentType(ContentType.JSON)
                .body(subscription("http://127.0.0.1:9/hook", callId, "publication.published", "publication.retracted"))
                .when().post("/admin/webhooks/subscriptions")
                .then().statusCode(201)
                .body("url", equalTo("http://127.0.0.1:9/hook"))
                .body("eventTypes", equalTo(List.of("publication.published", "publication.retracted")))
                .body("callId", equalTo(callId.toString()))
                .body("active", equalTo(true))
                .body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(created.header("Location")).endsWith("/admin/webhooks/subscriptions/" + id);
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);

        asAdmin().when().get("/admin/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("$", not(hasKey("secret")));
        asAdmin().when().get("/admin/webhooks/subscriptions?size=200")
                .then().statusCode(200).body("id", hasItem(id)).body("secret", not(hasItem(notNullValue())));
        String stored = QuarkusTransaction.requiringNew()
                .call(() -> WebhookSubscription.<WebhookSubscription>findById(UUID.fromString(id)).secret);
        assertThat(stored).matches("v2\\.k[0-9a-f]{16}\\..+").doesNotContain(secret.substring(6)); // names its key (generated here)
    }

    @Test
    void replaceDisableRotateAndDelete() {
        UUID callId = UUID.randomUUID();
        String id = asAdmin().contentType(ContentType.JSON).body(subscription("http://127.0.0.1:9/a", callId))
                .when().post("/admin/webhooks/subscriptions").then().statusCode(201).extract().path("id");

        Map<String, Object> replaced = subscription("http://127.0.0.1:9/b", null, "publication.retracted");
        replaced.put("active", false);
        asAdmin().contentType(ContentType.JSON).body(replaced)
                .when().put("/admin/webhooks/subscriptions/" + id)
                .then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/b"))
                .body("eventTypes", equalTo(List.of("publication.retracted")))
                .body("callId", nullValue())
                .body("active", equalTo(false))
                .body("disabledReason", containsString("admin"))
                .body("$", not(hasKey("secret")));

        var rotated = asAdmin().when().post("/admin/webhooks/subscriptions/" + id + "/rotate-secret")
                .then().statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretValidUntil", notNullValue())
                .extract();
        assertThat(rotated.<String>path("secret")).isNotBlank();
        asAdmin().when().get("/admin/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("$", not(hasKey("secret"))).body("secretRotatedAt", notNullValue());

        asAdmin().when().delete("/admin/webhooks/subscriptions/" + id).then().statusCode(204);
        asAdmin().when().get("/admin/webhooks/subscriptions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().delete("/admin/webhooks/subscriptions/" + id).then().statusCode(404);
        asAdmin().when().post("/admin/webhooks/subscriptions/" + id + "/rotate-secret").then().statusCode(404);
        asAdmin().when().get("/admin/webhooks/subscriptions/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    void refusesTargetsInsideTheNetworkAndChangesNothing() {
        UUID callId = UUID.randomUUID();
        String id = asAdmin().contentType(ContentType.JSON).body(subscription("http://127.0.0.1:9/kept", callId))
                .when().post("/admin/webhooks/subscriptions").then().statusCode(201).extract().path("id");

        // Address literals only: the guard decides without any lookup, and nothing is ever sent there.
        for (String url : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/", "http://192.168.0.10:8080/", "http://[::1]:8080/", "http://[fd00::1]/",
                "http://[::ffff:10.0.0.1]/", "http://127.0.0.2:9/", "http://0.0.0.0:9/")) {
            asAdmin().contentType(ContentType.JSON).body(subscription(url, callId))
                    .when().post("/admin/webhooks/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:calls-for-input:problem:webhook-target-refused"))
                    .body("detail", containsString("may not reach"));
            asAdmin().contentType(ContentType.JSON).body(subscription(url, callId))
                    .when().put("/admin/webhooks/subscriptions/" + id)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        asAdmin().when().get("/admin/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("url", equalTo("http://127.0.0.1:9/kept"));
        asAdmin().when().get("/admin/webhooks/subscriptions?size=200")
                .then().body("url", not(hasItem(startsWith("http://10."))));
    }

    @Test
    void refusesMalformedRequests() {
        for (String url : List.of("ftp://127.0.0.1/hook", "file:///etc/passwd", "http://user:secret@127.0.0.1:9/",
                "127.0.0.1:9/hook", "http://127.0.0.1:9/#x")) {
            asAdmin().contentType(ContentType.JSON).body(subscription(url, null))
                    .when().post("/admin/webhooks/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:calls-for-input:problem:invalid-webhook-url"));
        }
        asAdmin().contentType(ContentType.JSON).body(subscription("http://127.0.0.1:9/", null, "submission.received"))
                .when().post("/admin/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:validation-failed"));
        Map<String, Object> noTypes = subscription("http://127.0.0.1:9/", null);
        noTypes.put("eventTypes", List.of());
        asAdmin().contentType(ContentType.JSON).body(noTypes)
                .when().post("/admin/webhooks/subscriptions")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:validation-failed"));
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"http://127.0.0.1:9/\", \"eventTypes\": [\"publication.published\"], \"secret\": \"mine\"}")
                .when().post("/admin/webhooks/subscriptions")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:malformed-request"));
        asAdmin().when().get("/admin/webhooks/subscriptions/not-a-uuid").then().statusCode(404);
        asAdmin().when().get("/admin/webhooks/deliveries/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().post("/admin/webhooks/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
    }
}
