package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.OtlpReceiver;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on, the outbox row keeps the trace context of the request that wrote it, and the relay's Kafka record
 * carries a {@code traceparent} of that same trace (its producer span's), not one of the relay loop's own.
 */
@QuarkusTest
@TestProfile(TraceContextTest.Traced.class)
class TraceContextTest {

    /** Tracing on, exporting to a receiver on loopback (what it receives is the system test's business). */
    public static class Traced implements QuarkusTestProfile {
        private static OtlpReceiver receiver;

        @Override
        public Map<String, String> getConfigOverrides() {
            synchronized (Traced.class) {
                if (receiver == null) {
                    receiver = OtlpReceiver.start();
                }
            }
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.endpoint", receiver.endpoint());
        }
    }

    @Inject
    EntityManager em;

    @Test
    void theOutboxKeepsTheRequestsTraceAndTheRelaySendsItWithTheEvent() {
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(random(16));
        String callerSpan = hex.formatHex(random(8));
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, TestDocuments.docx("traced"), "traced.docx").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().post("/submissions/" + id + "/submit").then().statusCode(200);

        // The row: this trace, the span of submission-service's own request handling (a child of the caller's).
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select traceparent from outbox_event where aggregate_id = ?1 and type = 'submission.received'")
                .setParameter(1, id).getSingleResult());
        assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callerSpan);

        // The record: the same trace; its span is the relay's producer span, a child of the stored one.
        String header = await().atMost(Duration.ofSeconds(30)).until(() -> traceparentOnKafka(id), h -> h != null);
        assertThat(header).matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(stored);
    }

    /** The {@code traceparent} header of the submission's record on the submissions topic, or null if none yet. */
    private static String traceparentOnKafka(String submissionId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get("kafka.bootstrap"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SUBMISSIONS));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    Header header = record.headers().lastHeader("traceparent");
                    if (submissionId.equals(record.key()) && header != null) {
                        return new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the all-zero (invalid) id
        return bytes;
    }
}
