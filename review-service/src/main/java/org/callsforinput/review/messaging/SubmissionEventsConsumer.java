package org.callsforinput.review.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.ChannelConsumer;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.review.service.CaseIntake;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Submission events from submission-service; the work happens in {@link CaseIntake}. A record that fails (the
 * database away, a deadlock) is retried with back-off, each time in a new transaction, before it is given up to
 * the dead-letter topic: the partition waits meanwhile, so that a case's events keep their order.
 */
@ApplicationScoped
public class SubmissionEventsConsumer implements ChannelConsumer {

    private final CaseIntake intake;

    public SubmissionEventsConsumer(CaseIntake intake) {
        this.intake = intake;
    }

    @Incoming(Topics.SUBMISSIONS)
    @Blocking
    @Retry(maxRetries = 12, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 60, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(ConsumerRecord<String, String> record) {
        handle(InboundEvent.from(record));
    }

    @Override
    public String channel() {
        return Topics.SUBMISSIONS;
    }

    @Override
    public boolean handle(InboundEvent event) {
        return intake.handle(event);
    }
}
