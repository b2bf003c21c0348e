package org.callsforinput.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.review.service.CaseIntake;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Submission events from submission-service; the work happens in {@link CaseIntake}. */
@ApplicationScoped
public class SubmissionEventsConsumer {

    private final CaseIntake intake;

    public SubmissionEventsConsumer(CaseIntake intake) {
        this.intake = intake;
    }

    @Incoming(Topics.SUBMISSIONS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        intake.handle(InboundEvent.from(record));
    }
}
