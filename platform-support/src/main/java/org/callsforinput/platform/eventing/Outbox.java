package org.callsforinput.platform.eventing;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} sends it to Kafka after the commit. The row keeps
 * the caller's trace context (W3C {@code traceparent}/{@code tracestate}) so that the event travels in the caller's
 * trace although the relay sends it later from its own thread.
 */
@ApplicationScoped
public class Outbox {

    /** Fired for every recorded event; the relay observes it after the commit to send without waiting for its poll. */
    public record Recorded(UUID id) {
    }

    private final ObjectMapper mapper;
    private final Event<Recorded> recorded;

    public Outbox(ObjectMapper mapper, Event<Recorded> recorded) {
        this.mapper = mapper;
        this.recorded = recorded;
    }

    /** Returns the event id, which becomes the CloudEvent id ({@code ce_id}) and the consumers' dedup key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String aggregateId, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.aggregateId = aggregateId;
        event.occurredAt = Instant.now();
        try {
            event.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + type, e);
        }
        W3CTraceContextPropagator.getInstance().inject(Context.current(), event, (row, key, value) -> {
            if ("traceparent".equals(key)) {
                row.traceparent = value;
            } else if ("tracestate".equals(key)) {
                row.tracestate = value;
            }
        });
        event.persist();
        recorded.fire(new Recorded(event.id));
        return event.id;
    }
}
