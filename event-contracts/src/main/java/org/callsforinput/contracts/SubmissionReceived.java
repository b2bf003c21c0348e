package org.callsforinput.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@link EventTypes#SUBMISSION_RECEIVED}. Carries the contact: consumers keep it internal. */
public record SubmissionReceived(
        UUID submissionId,
        String reference,
        UUID callId,
        String callSlug,
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
        List<DocumentRef> documents) {
}
