package org.callsforinput.review.service;

import java.time.Instant;
import java.util.List;

import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.review.entity.ScreeningReason;

/** The reviewable state of a case, as the audit trail records it before and after each action. */
public record CaseState(
        ReviewCase.Status status,
        String assignee,
        Boolean withinMandate,
        ScreeningReason screeningReason,
        String screeningNote,
        List<String> tags,
        boolean personalData,
        boolean sensitiveData,
        Decision decision,
        String decisionReason,
        String proposedBy,
        String approvedBy,
        Instant decidedAt,
        Instant retractedAt,
        SubmitterCategory submitterCategory,
        String country,
        String organisationName) {

    public static CaseState of(ReviewCase c) {
        return new CaseState(c.status, c.assignee, c.inMandate, c.screeningReason, c.screeningNote, c.tags, c.personalData,
                c.sensitiveData, c.decision, c.decisionReason, c.proposedBy, c.approvedBy, c.decidedAt, c.retractedAt,
                c.submitterCategory, c.country, c.organisationName);
    }
}
