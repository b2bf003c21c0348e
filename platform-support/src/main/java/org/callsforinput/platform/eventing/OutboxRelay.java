package org.callsforinput.platform.eventing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import org.callsforinput.platform.work.LeasedWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends committed outbox events to Kafka as binary-mode CloudEvents (record key = aggregate id, {@code ce_id} =
 * event id) and marks them sent once the broker acknowledged them. Delivery is at least once: a crash between
 * the broker's acknowledgement and the commit resends, which consumers absorb by event id. Runs as a
 * {@link LeasedWork} loop; unlike the other loops it keeps its rows locked while Kafka acknowledges (a send is
 * bounded by seconds, and holding the lock keeps each aggregate's events in order), so it needs no lease column.
 * <p>
 * Tracing: SmallRye Kafka's outgoing tracing makes the producer span and writes its {@code traceparent} header. Its
 * parent is the message's {@link TracingMetadata}, else the sending thread's context (here the relay loop's, which
 * belongs to no request). The relay therefore hands it the trace context stored with the row: the producer span, the
 * header and so the consumers' spans all continue the trace of the transaction that wrote the event.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "outbox";

    private final Emitter<String> emitter;
    private final LeasedWork work;
    private final URI source;
    private final int batchSize;
    private final Duration retention;

    // quarkus.application.name is Quarkus's own setting: read as a property (a mapping may not take the prefix quarkus).
    public OutboxRelay(@Channel(CHANNEL) Emitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            OutboxConfig config) {
        this.emitter = emitter;
        this.batchSize = config.batchSize();
        this.work = new LeasedWork("Outbox relay", batchSize, () -> relayBatch());
        this.source = URI.create("/" + serviceName);
        this.retention = config.retention();
    }

    @PreDestroy
    void shutdown() {
        work.close();
    }

    /** After a commit that recorded events, relay at once (coalesced) instead of waiting for the next poll. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Recorded recorded) {
        work.wakeUp();
    }

    /** The poll: catches what the wake-up missed (Kafka down, a crash, another replica's rows). */
    @Scheduled(every = "${platform.outbox.interval}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        relayPending();
    }

    void relayPending() {
        work.runPass();
    }

    /**
     * Sends one batch in order; returns how many were acknowledged (a short count ends the pass). The first failure
     * ends the batch.
     */
    @Transactional
    public int relayBatch() {
        List<OutboxEvent> batch = OutboxEvent.lockUnsent(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        Instant now = Instant.now();
        int sent = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // Later events of the batch stay unsent as well, so each aggregate's events keep their order.
                Log.warnf("Outbox relay: event %s (%s) not acknowledged by Kafka, will retry: %s",
                        batch.get(i).id, batch.get(i).type, e.getCause() == null ? e : e.getCause().getMessage());
                break;
            }
            batch.get(i).sentAt = now;
            sent++;
        }
        return sent;
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeSent() {
        long purged = OutboxEvent.delete("sentAt < ?1", Instant.now().minus(retention));
        if (purged > 0) {
            Log.infof("Outbox: purged %d sent events older than %s", purged, retention);
        }
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id.toString())
                .withType(event.type)
                .withSource(source)
                .withSubject(event.aggregateId)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateId)
                .build();
        Metadata metadata = Metadata.of(cloudEvent, record);
        if (event.traceparent != null) {
            metadata = metadata.with(TracingMetadata.withCurrent(writerContext(event)));
        }
        Message<String> message = Message.of(event.payload, metadata,
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    /** The trace context of the transaction that wrote the event, as a remote parent. */
    private static Context writerContext(OutboxEvent event) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), event, STORED_CONTEXT);
    }

    private static final TextMapGetter<OutboxEvent> STORED_CONTEXT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(OutboxEvent event) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(OutboxEvent event, String key) {
            return event == null ? null : switch (key) {
                case "traceparent" -> event.traceparent;
                case "tracestate" -> event.tracestate;
                default -> null;
            };
        }
    };
}
