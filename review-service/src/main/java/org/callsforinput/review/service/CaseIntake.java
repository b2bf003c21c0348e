package org.callsforinput.review.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.ReviewStarted;
import org.callsforinput.contracts.SubmissionReceived;
import org.callsforinput.contracts.SubmissionWithdrawn;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.platform.eventing.Inbox;
import org.callsforinput.platform.eventing.Outbox;
import org.callsforinput.review.audit.AuditTrail;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;

import io.quarkus.logging.Log;

/** Turns submission events into cases, once per event id, in any order. */
@ApplicationScoped
public class CaseIntake {

    private final Inbox inbox;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final DecisionEvents decisionEvents;
    private final TextSearch textSearch;
    private final Event<DocumentCheck.Due> documentsDue;

    public CaseIntake(Inbox inbox, Outbox outbox, AuditTrail audit, DecisionEvents decisionEvents, TextSearch textSearch,
            Event<DocumentCheck.Due> documentsDue) {
        this.documentsDue = documentsDue;
        this.inbox = inbox;
        this.outbox = outbox;
        this.audit = audit;
        this.decisionEvents = decisionEvents;
        this.textSearch = textSearch;
    }

    @Transactional
    public boolean handle(InboundEvent event) {
        return inbox.process(event, e -> {
            switch (e.type()) {
                case EventTypes.SUBMISSION_RECEIVED -> received(inbox.read(e, SubmissionReceived.class));
                case EventTypes.SUBMISSION_WITHDRAWN -> withdrawn(inbox.read(e, SubmissionWithdrawn.class));
                default -> Log.debugf("Ignoring event type %s", e.type());
            }
        });
    }

    void received(SubmissionReceived s) {
        ReviewCase reviewCase = ReviewCase.findBySubmission(s.submissionId()).orElseGet(() -> newCase(s.submissionId()));
        if (reviewCase.isReceived()) {
            // A second received event for the same submission (a replay under a new event id) changes nothing.
            return;
        }
        reviewCase.reference = s.reference();
        reviewCase.callId = s.callId();
        reviewCase.callSlug = s.callSlug();
        reviewCase.organisationId = s.organisationId();
        reviewCase.organisationName = s.organisationName();
        reviewCase.submitterCategory = s.submitterCategory();
        reviewCase.country = s.country();
        reviewCase.contactName = s.contact() == null ? null : s.contact().name();
        reviewCase.contactEmail = s.contact() == null ? null : s.contact().email();
        reviewCase.language = s.language();
        reviewCase.themes = s.themes();
        reviewCase.title = s.title();
        reviewCase.summary = s.summary();
        reviewCase.channel = s.channel() == null ? SubmissionReceived.CHANNEL_API : s.channel();
        reviewCase.authenticationResults = s.authenticationResults();
        reviewCase.links = s.links();
        reviewCase.coSubmitters = s.coSubmitters();
        reviewCase.consent = s.consent();
        reviewCase.late = s.late();
        reviewCase.receivedAt = s.receivedAt();
        reviewCase.updatedAt = Instant.now();
        for (DocumentRef ref : s.documents()) {
            CaseDocument document = new CaseDocument();
            document.id = ref.documentId();
            document.caseId = reviewCase.id;
            document.role = ref.role();
            document.bucket = ref.bucket();
            document.objectKey = ref.key();
            document.fileName = ref.fileName();
            document.contentType = ref.contentType();
            document.sizeBytes = ref.size();
            document.sha256 = ref.sha256();
            document.integrity = CaseDocument.Integrity.PENDING;
            document.nextCheckAt = Instant.now();
            document.persist();
        }
        if (!s.documents().isEmpty()) {
            documentsDue.fire(new DocumentCheck.Due());
        }
        reviewCase.flush();
        textSearch.indexCase(reviewCase);
        audit.record(Actor.SYSTEM.name(), "case.received", reviewCase.id, null, CaseState.of(reviewCase));
        if (reviewCase.status != ReviewCase.Status.WITHDRAWN) {
            outbox.publish(Topics.REVIEWS, EventTypes.REVIEW_STARTED, s.submissionId().toString(),
                    new ReviewStarted(s.submissionId(), reviewCase.id, reviewCase.updatedAt));
        }
        Log.infof("Case %s opened for submission %s", reviewCase.id, s.reference());
    }

    void withdrawn(SubmissionWithdrawn w) {
        ReviewCase reviewCase = ReviewCase.findBySubmission(w.submissionId()).orElseGet(() -> newCase(w.submissionId()));
        if (reviewCase.status == ReviewCase.Status.WITHDRAWN) {
            return;
        }
        CaseState before = CaseState.of(reviewCase);
        reviewCase.reference = w.reference();
        reviewCase.status = ReviewCase.Status.WITHDRAWN;
        reviewCase.withdrawnAt = w.withdrawnAt();
        reviewCase.updatedAt = Instant.now();
        if (reviewCase.isApprovedForPublication()) {
            // Already on its way to the public side: it must come down again.
            reviewCase.retractedAt = reviewCase.updatedAt;
            outbox.publish(Topics.REVIEWS, EventTypes.REVIEW_RETRACTED, w.submissionId().toString(), decisionEvents.retracted(reviewCase));
        }
        audit.record(Actor.SYSTEM.name(), "case.withdrawn", reviewCase.id, before, CaseState.of(reviewCase));
        Log.infof("Case %s closed: submission %s withdrawn%s", reviewCase.id, w.reference(),
                reviewCase.retractedAt != null ? ", publication retracted" : "");
    }

    private static ReviewCase newCase(UUID submissionId) {
        ReviewCase reviewCase = new ReviewCase();
        reviewCase.id = UUID.randomUUID();
        reviewCase.submissionId = submissionId;
        reviewCase.status = ReviewCase.Status.NEW;
        reviewCase.createdAt = Instant.now();
        reviewCase.updatedAt = reviewCase.createdAt;
        reviewCase.persist();
        return reviewCase;
    }
}
