package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
