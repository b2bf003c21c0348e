package org.callsforinput.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@link EventTypes#PUBLICATION_PUBLISHED}, keyed by the contribution id: a contribution is now on the
 * call's public page. Public data only (what the page shows), never a contact detail. Paths are relative to
 * publication-service's public address; a document's content never changes under its path.
 */
public record PublicationPublished(
        UUID contributionId,
        /** Internal: lets submission-service show the contributor PUBLISHED. Left out of webhooks ({@link #forPublic()}). */
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID submissionId,
        UUID callId,
        String callSlug,
        boolean redacted,
        PublicContribution contribution,
        List<PublishedDocument> documents,
        String path,
        Instant publishedAt) {

    /** The same publication without anything internal: what webhook subscribers receive. */
    public PublicationPublished forPublic() {
        return new PublicationPublished(contributionId, null, callId, callSlug, redacted, contribution, documents, path, publishedAt);
    }

    /**
     * A published document: the bytes at {@code path} have exactly this SHA-256 (lower-case hex) and size;
     * {@code variant} says which form of the contributor's document they are ({@code DocumentRef.VARIANT_*}; absent
     * in older events: as received).
     */
    public record PublishedDocument(
            UUID documentId,
            String role,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String path,
            @JsonInclude(JsonInclude.Include.NON_NULL) String variant) {
    }
}
