package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer settings every service shares (platform-support, connector level): a record that keeps failing is
 * retried, then goes to the service's dead-letter topic, and the partition moves on; once the cause is fixed, an
 * admin replays it into the service (platform-support's DeadLetters). The channel reads a topic of its own here, so
 * that the poison record reaches no other test or service.
 */
@QuarkusTest
@TestProfile(ConsumerFailureTest.OwnTopicFewRetries.class)
class ConsumerFailureTest {

    static final String TOPIC = "calls-consumer-failure-test";
    static final String DEAD_LETTERS = "publication-service.dead-letter";

    /** Two retries instead of twelve within ten minutes: the same path, in seconds. */
    public static class OwnTopicFewRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.calls.topic", TOPIC,
                    "org.callsforinput.publication.messaging.CallEventsConsumer/consume/Retry/maxRetries", "2");
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        String callKey = UUID.randomUUID().toString();
        KafkaEvents.send(new KafkaEvents.Event(TOPIC, callKey, poisonId, EventTypes.CALL_CREATED, "/submission-service",
                callKey, "{ not json"));
        UUID marker = UUID.randomUUID();
        KafkaEvents.send(new KafkaEvents.Event(TOPIC, marker.toString(), UUID.randomUUID().toString(),
                EventTypes.CALL_UPDATED, "/submission-service", marker.toString(), mapper.writeValueAsString(snapshot(marker))));

        KafkaEvents.Event dead = KafkaEvents.await(DEAD_LETTERS, e -> poisonId.equals(e.id()),
                Duration.ofSeconds(60));
        assertThat(dead.data()).isEqualTo("{ not json");
        assertThat(dead.key()).isEqualTo(callKey);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/public/calls")
                .then().statusCode(200).body("id", hasItem(marker.toString())));
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedIntoTheServiceOnceTheCauseIsFixed() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        UUID callId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String find = "records.find { it.eventId == '" + eventId + "' }";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // The database refuses this one call, as a failed migration or a bug would, until the cause is fixed.
            sql.execute("""
                    create function refuse_call() returns trigger language plpgsql as $$
                    begin raise exception 'call % refused until the fix', new.id; end $$""");
            sql.execute("create trigger refuse_call before insert on public_call for each row when (new.id = '"
                    + callId + "') execute function refuse_call()");
            try {
                KafkaEvents.send(new KafkaEvents.Event(TOPIC, callId.toString(), eventId, EventTypes.CALL_CREATED,
                        "/submission-service", callId.toString(), mapper.writeValueAsString(snapshot(callId))));
                KafkaEvents.await(DEAD_LETTERS, e -> eventId.equals(e.id()), Duration.ofSeconds(60));

                admin().queryParam("since", since.toString()).when().get("/admin/dead-letters")
                        .then().statusCode(200).body("topic", equalTo(DEAD_LETTERS))
                        .body(find + ".topic", equalTo(TOPIC))
                        .body(find + ".type", equalTo(EventTypes.CALL_CREATED))
                        .body(find + ".reason", notNullValue())
                        .body(find + ".outcome", nullValue());
                // Replayed before the fix: it fails again, says why, and nothing is applied.
                admin().queryParam("since", since.toString()).when().post("/admin/dead-letters/replay")
                        .then().statusCode(200).body(find + ".outcome", equalTo("failed"))
                        .body(find + ".error", containsString("refused until the fix"));
            } finally {
                sql.execute("drop trigger refuse_call on public_call");
                sql.execute("drop function refuse_call()");
            }
        }
        given().when().get("/public/calls").then().statusCode(200).body("id", not(hasItem(callId.toString())));

        admin().queryParam("since", since.toString()).when().post("/admin/dead-letters/replay")
                .then().statusCode(200).body(find + ".outcome", equalTo("replayed")).body(find + ".error", nullValue());
        given().when().get("/public/calls").then().statusCode(200).body("id", hasItem(callId.toString()));
        // Replaying again is harmless: the inbox knows the event.
        admin().queryParam("since", since.toString()).when().post("/admin/dead-letters/replay")
                .then().statusCode(200).body(find + ".outcome", equalTo("already-processed"));
    }

    @Test
    void deadLettersAreForAdminsOnlyAndABadInstantIsRefused() {
        given().when().get("/admin/dead-letters").then().statusCode(401);
        for (String user : List.of("reviewer1", "coordinator1", "callmanager", "contributor.odh")) {
            given().auth().oauth2(Tokens.user(user)).when().post("/admin/dead-letters/replay")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        admin().queryParam("since", "yesterday").when().post("/admin/dead-letters/replay")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("malformed-request"));
        admin().queryParam("limit", "0").when().get("/admin/dead-letters")
                .then().statusCode(400).body("type", endsWith("validation-failed"));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.user("admin"));
    }

    private static CallSnapshot snapshot(UUID id) {
        return new CallSnapshot(id, 1, "call-" + id.toString().substring(0, 8), "Expert Mechanism",
                Map.of("en", "After the poison"), Map.of(), List.of(new CallSnapshot.Theme("data", Map.of("en", "Data"))),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), "Europe/Zurich", "OPEN");
    }
}
