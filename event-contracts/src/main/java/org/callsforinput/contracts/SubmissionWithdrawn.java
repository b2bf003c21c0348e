package org.callsforinput.contracts;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@link EventTypes#SUBMISSION_WITHDRAWN}. */
public record SubmissionWithdrawn(UUID submissionId, String reference, UUID callId, Instant withdrawnAt) {
}
