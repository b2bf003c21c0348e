package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer settings every service shares (platform-support, connector level): a record that keeps failing is
 * retried, then goes to the channel's dead-letter topic, and the partition moves on. The channel reads a topic of
 * its own here, so that the poison record reaches no other test or service.
 */
@QuarkusTest
@TestProfile(ConsumerFailureTest.OwnTopicFewRetries.class)
class ConsumerFailureTest {

    static final String TOPIC = "calls-consumer-failure-test";

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

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        String callKey = UUID.randomUUID().toString();
        KafkaEvents.send(new KafkaEvents.Event(TOPIC, callKey, poisonId, EventTypes.CALL_CREATED, "/submission-service",
                callKey, "{ not json"));
        UUID marker = UUID.randomUUID();
        KafkaEvents.send(new KafkaEvents.Event(TOPIC, marker.toString(), UUID.randomUUID().toString(),
                EventTypes.CALL_UPDATED, "/submission-service", marker.toString(), mapper.writeValueAsString(snapshot(marker))));

        KafkaEvents.Event dead = KafkaEvents.await("dead-letter-topic-calls", e -> poisonId.equals(e.id()),
                Duration.ofSeconds(60));
        assertThat(dead.data()).isEqualTo("{ not json");
        assertThat(dead.key()).isEqualTo(callKey);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/public/calls")
                .then().statusCode(200).body("id", hasItem(marker.toString())));
    }

    private static CallSnapshot snapshot(UUID id) {
        return new CallSnapshot(id, 1, "call-" + id.toString().substring(0, 8), "Expert Mechanism",
                Map.of("en", "After the poison"), Map.of(), List.of(new CallSnapshot.Theme("data", Map.of("en", "Data"))),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), "Europe/Zurich", "OPEN");
    }
}
