package org.callsforinput.contracts;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@link EventTypes#REVIEW_STARTED}, keyed by the submission id. */
public record ReviewStarted(UUID submissionId, UUID caseId, Instant startedAt) {
}
