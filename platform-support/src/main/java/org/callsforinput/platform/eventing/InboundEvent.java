package org.callsforinput.platform.eventing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A binary-mode CloudEvent read from a Kafka record. */
public record InboundEvent(String id, String type, String source, String subject, String data) {

    public static InboundEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("not a binary-mode CloudEvent: record at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset() + " has no ce_id or ce_type");
        }
        return new InboundEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"), record.value());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
