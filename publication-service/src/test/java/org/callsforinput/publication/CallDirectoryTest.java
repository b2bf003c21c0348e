package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CallDirectoryTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void callEventsReachThePublicListInVersionOrder() throws Exception {
        UUID callId = UUID.randomUUID();
        KafkaEvents.Event open = event(EventTypes.CALL_UPDATED, snapshot(callId, 2, "OPEN", "Second title"));
        KafkaEvents.send(open);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/public/calls")
                .then().statusCode(200).body("find { it.id == '" + callId + "' }.title.en", equalTo("Second title")));

        // An older version arriving late, and a redelivery, change nothing.
        KafkaEvents.send(event(EventTypes.CALL_CREATED, snapshot(callId, 1, "DRAFT", "First title")));
        KafkaEvents.send(open);
        UUID marker = UUID.randomUUID();
        KafkaEvents.send(event(EventTypes.CALL_UPDATED, snapshot(marker, 1, "OPEN", "Marker")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/public/calls")
                .then().body("id", hasItem(marker.toString())));
        given().when().get("/public/calls")
                .then().body("find { it.id == '" + callId + "' }.title.en", equalTo("Second title"))
                .body("find { it.id == '" + callId + "' }.status", equalTo("OPEN"));
    }

    @Test
    void draftCallsStayPrivate() throws Exception {
        UUID callId = UUID.randomUUID();
        KafkaEvents.send(event(EventTypes.CALL_CREATED, snapshot(callId, 1, "DRAFT", "Draft")));
        UUID marker = UUID.randomUUID();
        KafkaEvents.send(event(EventTypes.CALL_UPDATED, snapshot(marker, 1, "OPEN", "Marker")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/public/calls")
                .then().body("id", hasItem(marker.toString())));
        given().when().get("/public/calls").then().body("id", not(hasItem(callId.toString())));
    }

    @Test
    void theSecretariatPreviewsADraftsPage() throws Exception {
        UUID callId = UUID.randomUUID();
        CallSnapshot draft = snapshot(callId, 1, "DRAFT", "<script>alert(1)</script> Draft call");
        KafkaEvents.send(event(EventTypes.CALL_CREATED, draft));
        String preview = "/calls/" + draft.slug() + "/preview";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.user("callmanager"))
                .when().get(preview).then().statusCode(200));

        String html = given().auth().oauth2(Tokens.user("callmanager")).when().get(preview).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
                .extract().asString();
        assertTrue(html.contains("this page is not public"), html);
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex\">"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Draft call"), "the title is escaped");
        assertFalse(html.contains("<script>alert(1)"), "no script from the title");
        assertTrue(html.contains(">Draft<"), "the status says Draft");
        assertFalse(html.contains("application/atom+xml"), "a draft has no feed");
        assertTrue(html.contains("href=\"?lang=fr\""), "the language links stay on the preview");
        assertTrue(given().auth().oauth2(Tokens.user("admin")).when().get(preview + "?lang=fr").then().statusCode(200)
                .extract().asString().contains("Brouillon"));

        // Only the secretariat's call managers and admins see it; the public page of a draft does not exist.
        given().when().get(preview).then().statusCode(401);
        for (String user : List.of("reviewer1", "coordinator1", "contributor.odh")) {
            given().auth().oauth2(Tokens.user(user)).when().get(preview).then().statusCode(403);
        }
        given().when().get("/calls/" + draft.slug()).then().statusCode(404);
        given().when().get("/public/calls/" + draft.slug()).then().statusCode(404);

        // Unknown and malformed slugs, as on the public pages.
        given().auth().oauth2(Tokens.user("callmanager")).when().get("/calls/no-such-call/preview").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("callmanager")).when().get("/calls/Not_A_Slug/preview").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("callmanager")).when().get(preview + "?lang=de").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private KafkaEvents.Event event(String type, CallSnapshot snapshot) throws Exception {
        return new KafkaEvents.Event(Topics.CALLS, snapshot.callId().toString(), UUID.randomUUID().toString(), type,
                "/submission-service", snapshot.callId().toString(), mapper.writeValueAsString(snapshot));
    }

    private static CallSnapshot snapshot(UUID id, long version, String status, String title) {
        return new CallSnapshot(id, version, "call-" + id.toString().substring(0, 8), "Expert Mechanism",
                Map.of("en", title), Map.of(), List.of(new CallSnapshot.Theme("data", Map.of("en", "Data"))),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), "Europe/Zurich", status);
    }
}
