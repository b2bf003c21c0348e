package org.callsforinput.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@link EventTypes#REVIEW_RETRACTED}, keyed by the submission id: a contribution approved for
 * publication must no longer be public (the contributor withdrew it). {@code reason} is a code: {@code WITHDRAWN}.
 */
public record ReviewRetracted(UUID submissionId, UUID caseId, UUID callId, String reason, Instant retractedAt) {

    public static final String REASON_WITHDRAWN = "WITHDRAWN";
}
