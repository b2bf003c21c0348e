package org.callsforinput.submission.receipt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Hyperlink;

/**
 * What the platform certifies it received, and when. It is the payload of the signed JWS; the JWS, not this
 * object, is the proof.
 */
public record Receipt(
        String issuer,
        String reference,
        UUID submissionId,
        UUID callId,
        String callSlug,
        String organisationId,
        String organisationName,
        String title,
        Instant receivedAt,
        LocalDateTime deadline,
        String timeZone,
        Timeliness timeliness,
        List<ReceivedFile> files,
        List<Hyperlink> links,
        Consent consent) {

    public enum Timeliness {
        ON_TIME, LATE
    }

    /** One received file: its original name, size and SHA-256 (lower-case hex). */
    public record ReceivedFile(UUID documentId, String role, String fileName, String contentType, long size, String sha256) {
    }
}
