package org.callsforinput.submission.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.submission.entity.Submission;

/** A submission as its own organisation sees it. */
public record SubmissionView(
        UUID id,
        UUID callId,
        Submission.Status status,
        String reference,
        Instant receivedAt,
        boolean late,
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
        List<DocumentView> documents,
        Instant createdAt,
        Instant updatedAt) {

    static SubmissionView of(Submission s, List<Document> documents) {
        return new SubmissionView(s.id, s.callId, s.status, s.reference, s.receivedAt, s.late, s.organisationName,
                s.submitterCategory, s.country, new Contact(s.contactName, s.contactEmail), s.language, s.themes,
                s.title, s.summary, s.links, s.coSubmitters, s.consent,
                documents.stream().map(DocumentView::of).toList(), s.createdAt, s.updatedAt);
    }
}
