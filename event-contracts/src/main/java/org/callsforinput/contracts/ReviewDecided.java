package org.callsforinput.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@link EventTypes#REVIEW_DECIDED}, keyed by the submission id: the final decision on a case. When
 * {@code decision.publishes()}, {@code contribution} holds the public metadata and {@code documents} the
 * objects to publish (the original or its redacted copy), each to be checked against its SHA-256 before
 * publication. Otherwise both are null/empty: nothing of the submission may be published.
 */
public record ReviewDecided(
        UUID submissionId,
        UUID caseId,
        String reference,
        UUID callId,
        String callSlug,
        Decision decision,
        Instant receivedAt,
        Instant decidedAt,
        PublicContribution contribution,
        List<DocumentRef> documents) {
}
