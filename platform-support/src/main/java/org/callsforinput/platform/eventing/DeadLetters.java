package org.callsforinput.platform.eventing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.callsforinput.platform.problem.PlatformProblems;
import org.eclipse.microprofile.config.Config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

/**
 * The service's dead-letter topic ({@link DeadLetterConfig#topic()}): the records its consumers gave up on after their
 * retries, read back and replayed into the service. A replay hands each record to the {@link ChannelConsumer} of the
 * topic it came from (the {@code dead-letter-topic} header that SmallRye's dead-letter queue writes), once, without the
 * channel's retries; the inbox makes it safe to replay a record any number of times (a record processed before is
 * {@code already-processed}). Nothing is committed or deleted: the topic keeps every record for its retention, and a
 * listing or replay reads it from {@code since} (or the beginning) to the end it had when the call began.
 */
@ApplicationScoped
public class DeadLetters {

    /** What a replay did with one record. */
    public enum Outcome {
        @JsonProperty("replayed")
        REPLAYED,
        @JsonProperty("already-processed")
        ALREADY_PROCESSED,
        @JsonProperty("failed")
        FAILED
    }

    /**
     * One dead letter: where it is, where it came from, the event it carries, why it was given up on, and what a
     * replay did with it ({@code outcome} and {@code error} only in a replay's answer).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetter(int partition, long offset, Instant deadAt, String topic, Integer topicPartition,
            Long topicOffset, String eventId, String type, String subject, String reason, Outcome outcome, String error) {

        DeadLetter with(Outcome outcome, String error) {
            return new DeadLetter(partition, offset, deadAt, topic, topicPartition, topicOffset, eventId, type, subject,
                    reason, outcome, error);
        }
    }

    /** The records read, oldest first per partition; {@code more} when {@code limit} stopped the reading early. */
    public record Listing(String topic, List<DeadLetter> records, boolean more) {
    }

    private static final int MAX_ERROR_LENGTH = 500;

    private final DeadLetterConfig config;
    private final Map<String, Object> kafka;
    private final Map<String, ChannelConsumer> consumersByTopic;

    public DeadLetters(DeadLetterConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @All List<ChannelConsumer> consumers, Config mpConfig) {
        this.config = config;
        this.kafka = kafka;
        this.consumersByTopic = consumers.stream().collect(Collectors.toMap(
                c -> mpConfig.getOptionalValue("mp.messaging.incoming." + c.channel() + ".topic", String.class)
                        .orElse(c.channel()),
                Function.identity()));
    }

    public String topic() {
        return config.topic();
    }

    /** The dead letters from {@code since} (null: the beginning), at most {@code limit}. */
    public Listing list(Instant since, int limit) {
        return read(since, limit, false);
    }

    /** Replays the dead letters from {@code since} (null: the beginning), at most {@code limit}, each once. */
    public Listing replay(Instant since, int limit) {
        Listing replayed = read(since, limit, true);
        Log.infof("Replayed %d dead letter(s) of %s: %s", replayed.records().size(), topic(), replayed.records().stream()
                .collect(Collectors.groupingBy(DeadLetter::outcome, Collectors.counting())));
        return replayed;
    }

    private Listing read(Instant since, int limit, boolean replay) {
        Duration timeout = config.timeout();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic(), timeout);
            if (infos == null || infos.isEmpty()) {
                return new Listing(topic(), List.of(), false);
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            seek(consumer, partitions, since, end, timeout);
            List<DeadLetter> records = new ArrayList<>();
            long idleSince = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (records.size() >= limit) {
                    return new Listing(topic(), records, true);
                }
                var batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty() && System.nanoTime() - idleSince > timeout.toNanos()) {
                    throw new org.apache.kafka.common.errors.TimeoutException("no record within " + timeout);
                }
                for (ConsumerRecord<String, String> record : batch) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // written after the call began
                    }
                    if (records.size() >= limit) {
                        return new Listing(topic(), records, true);
                    }
                    records.add(replay ? replay(record) : describe(record));
                }
                if (!batch.isEmpty()) {
                    idleSince = System.nanoTime();
                }
            }
            return new Listing(topic(), records, false);
        } catch (KafkaException e) {
            Log.warnf("Cannot read the dead-letter topic %s: %s", topic(), e.toString());
            throw PlatformProblems.EVENTS_UNAVAILABLE.exception(
                    "The event broker did not answer in time; nothing was replayed after the records listed, if any",
                    Map.of("Retry-After", "30"));
        }
    }

    private static void seek(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Instant since,
            Map<TopicPartition, Long> end, Duration timeout) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> at = new HashMap<>();
        partitions.forEach(p -> at.put(p, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at, timeout);
        partitions.forEach(p -> {
            OffsetAndTimestamp offset = found.get(p);
            consumer.seek(p, offset == null ? end.get(p) : offset.offset());
        });
    }

    private DeadLetter replay(ConsumerRecord<String, String> record) {
        DeadLetter letter = describe(record);
        ChannelConsumer consumer = letter.topic() == null ? null : consumersByTopic.get(letter.topic());
        if (consumer == null) {
            return letter.with(Outcome.FAILED, "No consumer of topic '" + letter.topic() + "' in this service");
        }
        try {
            return letter.with(consumer.handle(InboundEvent.from(record)) ? Outcome.REPLAYED : Outcome.ALREADY_PROCESSED,
                    null);
        } catch (RuntimeException e) {
            Log.warnf(e, "Replaying dead letter %s-%d@%d (event %s) failed", topic(), record.partition(), record.offset(),
                    letter.eventId());
            return letter.with(Outcome.FAILED, message(e));
        }
    }

    private static DeadLetter describe(ConsumerRecord<String, String> record) {
        Long topicPartition = number(header(record, "dead-letter-partition"));
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                header(record, "dead-letter-topic"), topicPartition == null ? null : topicPartition.intValue(),
                number(header(record, "dead-letter-offset")), header(record, "ce_id"), header(record, "ce_type"),
                header(record, "ce_subject"), header(record, "dead-letter-reason"), null, null);
    }

    /** The innermost cause's message, which names what failed (a missing table, an unreadable payload). */
    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
        if (message == null) {
            return "Failed without a message";
        }
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) + "…" : message;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, topic() + "-reader");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis());
        return settings;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
