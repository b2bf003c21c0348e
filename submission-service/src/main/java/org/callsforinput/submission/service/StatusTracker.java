package org.callsforinput.submission.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.PublicationPublished;
import org.callsforinput.contracts.ReviewDecided;
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
    public boolean handle(InboundEvent event) {
        return inbox.process(event, e -> {
            switch (e.type()) {
                case EventTypes.REVIEW_STARTED -> {
                    ReviewStarted started = inbox.read(e, ReviewStarted.class);
                    advance(started.submissionId(), Submission.Status.RECEIVED, Submission.Status.UNDER_REVIEW);
                }
                case EventTypes.REVIEW_DECIDED -> {
                    ReviewDecided decided = inbox.read(e, ReviewDecided.class);
                    if (!decided.decision().publishes()) {
                        advance(decided.submissionId(), Submission.Status.RECEIVED, Submission.Status.NOT_PUBLISHED);
                        advance(decided.submissionId(), Submission.Status.UNDER_REVIEW, Submission.Status.NOT_PUBLISHED);
                    }
                }
                case EventTypes.PUBLICATION_PUBLISHED -> {
                    PublicationPublished published = inbox.read(e, PublicationPublished.class);
                    if (published.submissionId() != null) {
                        advance(published.submissionId(), Submission.Status.UNDER_REVIEW, Submission.Status.PUBLISHED);
                        advance(published.submissionId(), Submission.Status.RECEIVED, Submission.Status.PUBLISHED);
                    }
                }
                default -> Log.debugf("Ignoring event type %s", e.type());
            }
        });
    }

    /**
     * Only forward: a late or replayed event never moves a withdrawn or decided submission back, so the move
     * happens only from the expected status.
     */
    private static void advance(UUID submissionId, Submission.Status from, Submission.Status to) {
        Submission.<Submission>findByIdOptional(submissionId).ifPresentOrElse(submission -> {
            if (submission.status == from) {
                submission.status = to;
                submission.updatedAt = Instant.now();
            }
        }, () -> Log.warnf("Review event for unknown submission %s", submissionId));
    }
}
