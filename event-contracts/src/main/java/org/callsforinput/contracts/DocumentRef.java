package org.callsforinput.contracts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stored document as handed from one service to another: the receiving service may read the object at
 * {@code bucket}/{@code key} and must check it against {@code sha256} (lower-case hex).
 * <p>
 * {@code variant} (in {@code review.decided}) says which form of the contributor's document this is:
 * {@link #VARIANT_AS_RECEIVED}, {@link #VARIANT_METADATA_REMOVED} (a copy the platform made with the embedded
 * metadata removed) or {@link #VARIANT_REDACTED} (a copy a reviewer redacted). Absent (older events, and
 * submission events) means as received.
 */
public record DocumentRef(
        UUID documentId,
        String role,
        String bucket,
        String key,
        String fileName,
        String contentType,
        long size,
        String sha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) String variant) {

    public static final String ROLE_MAIN = "MAIN";
    public static final String ROLE_ANNEX = "ANNEX";

    public static final String VARIANT_AS_RECEIVED = "AS_RECEIVED";
    public static final String VARIANT_METADATA_REMOVED = "METADATA_REMOVED";
    public static final String VARIANT_REDACTED = "REDACTED";

    /** A document as received (no variant named). */
    public DocumentRef(UUID documentId, String role, String bucket, String key, String fileName, String contentType, long size,
            String sha256) {
        this(documentId, role, bucket, key, fileName, contentType, size, sha256, null);
    }

    /** The variant, a missing one read as {@link #VARIANT_AS_RECEIVED}. */
    public String variantOrAsReceived() {
        return variant == null || variant.isBlank() ? VARIANT_AS_RECEIVED : variant;
    }
}
