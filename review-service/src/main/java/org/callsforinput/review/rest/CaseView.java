package org.callsforinput.review.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.review.entity.ScreeningReason;

/** A case as a reviewer opens it (internal: contact details included). */
public record CaseView(
        UUID id,
        long version,
        UUID submissionId,
        String reference,
        UUID callId,
        String callSlug,
        ReviewCase.Status status,
        String assignee,
        String organisationId,
        String organisationName,
        SubmitterCategory submitterCategory,
        String country,
        Contact contact,
        String language,
        List<String> themes,
        String title,
        String summary,
        List<Hyperlink> links,
        List<String> coSubmitters,
        Consent consent,
        boolean late,
        Instant receivedAt,
        Instant withdrawnAt,
        ScreeningView screening,
        DecisionView decision,
        List<DocumentView> documents) {

    public record ScreeningView(Boolean withinMandate, ScreeningReason reasonCode, String note, List<String> tags,
            boolean personalData, boolean sensitiveData, String screenedBy, Instant screenedAt) {
    }

    public record DecisionView(Decision decision, String reason, String proposedBy, Instant proposedAt, String approvedBy,
            Instant decidedAt, Instant retractedAt) {
    }

    /** A document of the case: its integrity check, its text extraction, and its redacted copy if any. */
    public record DocumentView(UUID id, String role, String fileName, String contentType, long size, String sha256,
            CaseDocument.Integrity integrity, Instant checkedAt, CaseDocument.TextState textState, String textLanguage,
            boolean textTruncated, String textError, RedactedView redacted) {
    }

    public record RedactedView(String fileName, String contentType, long size, String sha256, String redactedBy, Instant redactedAt) {
    }

    static CaseView of(ReviewCase c, List<CaseDocument> documents) {
        return new CaseView(c.id, c.version, c.submissionId, c.reference, c.callId, c.callSlug, c.status, c.assignee,
                c.organisationId, c.organisationName, c.submitterCategory, c.country, new Contact(c.contactName, c.contactEmail),
                c.language, c.themes, c.title, c.summary, c.links, c.coSubmitters, c.consent, c.late, c.receivedAt, c.withdrawnAt,
                c.inMandate == null ? null : new ScreeningView(c.inMandate, c.screeningReason, c.screeningNote, c.tags,
                        c.personalData, c.sensitiveData, c.screenedBy, c.screenedAt),
                c.decision == null ? null : new DecisionView(c.decision, c.decisionReason, c.proposedBy, c.proposedAt,
                        c.approvedBy, c.decidedAt, c.retractedAt),
                documents.stream().map(CaseView::document).toList());
    }

    private static DocumentView document(CaseDocument d) {
        return new DocumentView(d.id, d.role, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.integrity, d.checkedAt,
                d.textState, d.textLanguage, d.textTruncated, d.textError,
                d.isRedacted() ? new RedactedView(d.redactedFileName, d.redactedContentType, d.redactedSize, d.redactedSha256,
                        d.redactedBy, d.redactedAt) : null);
    }
}
