package org.callsforinput.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes binary-mode CloudEvents on the test stack's real Kafka broker. */
public final class KafkaEvents {

    /** A record as a test sees it: the CloudEvent headers it carries, and its key and payload. */
    public record Event(String topic, String key, String id, String type, String source, String subject, String data) {
    }

    private KafkaEvents() {
    }

    /** Waits (bounded) until the topic holds an event matching the predicate, reading from the beginning. */
    public static Event await(String topic, Predicate<Event> matching, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get("kafka.bootstrap"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    Event event = new Event(record.topic(), record.key(), header(record, "ce_id"), header(record, "ce_type"),
                            header(record, "ce_source"), header(record, "ce_subject"), record.value());
                    if (matching.test(event)) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("No matching event on topic " + topic + " within " + timeout);
    }

    /** Sends an event exactly as the outbox relay does (binary mode), for example to redeliver one. */
    public static void send(Event event) {
        sendAll(List.of(event));
    }

    /** Sends the events in order through one producer, and waits for the broker's acknowledgement of each. */
    public static void sendAll(List<Event> events) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get("kafka.bootstrap"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
            for (Event event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.data());
                Map.of("ce_specversion", "1.0", "ce_id", event.id(), "ce_type", event.type(),
                        "ce_source", event.source() == null ? "/test" : event.source(),
                        "ce_subject", event.subject() == null ? event.key() : event.subject(),
                        "content-type", "application/json")
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new AssertionError("Could not send the events to Kafka", e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
