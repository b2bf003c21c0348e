package org.callsforinput.submission.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.ReviewStarted;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.platform.eventing.Inbox;
import org.callsforinput.submission.entity.Submission;

import io.quarkus.logging.Log;

/** Moves a submission's status as the other services report on it, so that its contributor sees where it is. */
@ApplicationScoped
public class StatusTracker {

    private final Inbox inbox;

    public StatusTracker(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public void handle(InboundEvent event) {
        inbox.process(event, e -> {
            if (EventTypes.REVIEW_STARTED.equals(e.type())) {
                ReviewStarted started = inbox.read(e, ReviewStarted.class);
                Submission.<Submission>findByIdOptional(started.submissionId()).ifPresentOrElse(submission -> {
                    // Only forward: a late or replayed event never moves a withdrawn or decided submission back.
                    if (submission.status == Submission.Status.RECEIVED) {
                        submission.status = Submission.Status.UNDER_REVIEW;
                        submission.updatedAt = Instant.now();
                    }
                }, () -> Log.warnf("review.started for unknown submission %s", started.submissionId()));
            }
        });
    }
}
