package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

@QuarkusTest
@TestProfile(OutageProfiles.KafkaDown.class)
class KafkaOutageTest {

    @Inject
    EntityManager em;

    @Test
    void submissionsAreAcceptedWhileKafkaIsDownAndTheirEventsGoOutOnceItIsBack() {
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, TestDocuments.docx("while Kafka is down"), "kafka-down.docx").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(200);
        assertThat(unsent(id)).isEqualTo(1);

        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().withKafkaHost("127.0.0.1")
                .withKafkaPort(OutageProfiles.kafkaPort()).withDeleteLogDirsOnClose(true).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> unsent(id) == 0);
            assertThat(received(id)).isTrue();
        }
    }

    private long unsent(String submissionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1 and sent_at is null")
                .setParameter(1, submissionId).getSingleResult()).longValue());
    }

    private static boolean received(String submissionId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + OutageProfiles.kafkaPort());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SUBMISSIONS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (submissionId.equals(record.key())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
