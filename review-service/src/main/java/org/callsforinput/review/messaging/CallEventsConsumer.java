package org.callsforinput.review.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.ChannelConsumer;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.review.service.CallDirectory;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/** Call events from submission-service: the thematic areas reviewers tag with. */
@ApplicationScoped
public class CallEventsConsumer implements ChannelConsumer {

    private final CallDirectory calls;

    public CallEventsConsumer(CallDirectory calls) {
        this.calls = calls;
    }

    @Incoming(Topics.CALLS)
    @Blocking
    @Retry(maxRetries = 12, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 60, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(ConsumerRecord<String, String> record) {
        handle(InboundEvent.from(record));
    }

    @Override
    public String channel() {
        return Topics.CALLS;
    }

    @Override
    public boolean handle(InboundEvent event) {
        return calls.handle(event);
    }
}
