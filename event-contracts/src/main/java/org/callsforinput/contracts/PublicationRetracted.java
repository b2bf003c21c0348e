package org.callsforinput.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@link EventTypes#PUBLICATION_RETRACTED}, keyed by the contribution id: a published contribution was
 * taken down; its page entry, feed entries and documents ({@code documentIds}, whose paths now answer 410 Gone)
 * are gone. {@code reason} is the code from {@link ReviewRetracted}, for example {@code WITHDRAWN}.
 */
public record PublicationRetracted(
        UUID contributionId,
        /** Internal, as in {@link PublicationPublished}; left out of webhooks ({@link #forPublic()}). */
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID submissionId,
        UUID callId,
        String callSlug,
        List<UUID> documentIds,
        String reason,
        Instant retractedAt) {

    /** The same retraction without anything internal: what webhook subscribers receive. */
    public PublicationRetracted forPublic() {
        return new PublicationRetracted(contributionId, null, callId, callSlug, documentIds, reason, retractedAt);
    }
}
