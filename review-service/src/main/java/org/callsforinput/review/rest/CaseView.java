package org.callsforinput.review.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;

/** A case as a reviewer opens it. */
public record CaseView(
        UUID id,
        long version,
        UUID submissionId,
        String reference,
        UUID callId,
        String callSlug,
        ReviewCase.Status status,
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
        List<DocumentView> documents) {

    /** A document of the case and the state of its integrity check. */
    public record DocumentView(UUID id, String role, String fileName, String contentType, long size, String sha256,
            CaseDocument.Integrity integrity, Instant checkedAt) {
    }

    static CaseView of(ReviewCase c, List<CaseDocument> documents) {
        return new CaseView(c.id, c.version, c.submissionId, c.reference, c.callId, c.callSlug, c.status, c.organisationId,
                c.organisationName, c.submitterCategory, c.country, new Contact(c.contactName, c.contactEmail), c.language,
                c.themes, c.title, c.summary, c.links, c.coSubmitters, c.consent, c.late, c.receivedAt, c.withdrawnAt,
                documents.stream().map(d -> new DocumentView(d.id, d.role, d.fileName, d.contentType, d.sizeBytes, d.sha256,
                        d.integrity, d.checkedAt)).toList());
    }
}
