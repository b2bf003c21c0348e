package org.callsforinput.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@link EventTypes#SUBMISSION_RECEIVED}. Carries the contact: consumers keep it internal.
 * {@code channel} is {@code API} or {@code EMAIL} (null in events from before it existed: API); for EMAIL the contact
 * is the sender's unverified address and {@code authenticationResults} the receiving server's verdicts (SPF, DKIM,
 * DMARC), recorded for reviewers and never trusted.
 */
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
        List<DocumentRef> documents,
        String channel,
        String authenticationResults) {

    public static final String CHANNEL_API = "API";
    public static final String CHANNEL_EMAIL = "EMAIL";
}
