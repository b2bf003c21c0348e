package org.callsforinput.publication.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.publication.service.CallDirectory;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Call events from submission-service; the work happens in {@link CallDirectory}. */
@ApplicationScoped
public class CallEventsConsumer {

    private final CallDirectory directory;

    public CallEventsConsumer(CallDirectory directory) {
        this.directory = directory;
    }

    @Incoming(Topics.CALLS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        directory.handle(InboundEvent.from(record));
    }
}
