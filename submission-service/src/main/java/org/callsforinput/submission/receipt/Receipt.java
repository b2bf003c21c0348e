package org.callsforinput.submission.receipt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Hyperlink;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the platform certifies it received, and when. It is the payload of the signed JWS; the JWS, not this
 * object, is the proof.
 */
public record Receipt(
        @Schema(examples = "submission-service") String issuer,
        @Schema(examples = "EMLER-2023-0042") String reference,
        @Schema(examples = "5017930d-eb6b-4af2-8680-ae55c569a515") UUID submissionId,
        @Schema(examples = "0bf49d07-74cd-4f84-b57c-b1d8b8f664d6") UUID callId,
        @Schema(examples = "emler-2023-racial-justice") String callSlug,
        @Schema(examples = "odh") String organisationId,
        @Schema(description = "Null for a contribution by e-mail: the sender is its contact, reviewers name the organisation",
                examples = "Observatoire des droits humains") String organisationName,
        @Schema(examples = "Contribution on racial profiling in policing") String title,
        @Schema(examples = "2023-05-10T14:03:11.532Z") Instant receivedAt,
        @Schema(description = "The call's wall-clock deadline in timeZone", examples = "2023-05-12T23:59:00") LocalDateTime deadline,
        @Schema(examples = "Europe/Zurich") String timeZone,
        @Schema(examples = "ON_TIME") Timeliness timeliness,
        List<ReceivedFile> files,
        @Schema(examples = """
                [{"url": "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006071154", "label": "Code de procédure pénale",
                  "kind": "legislation"}]""") List<Hyperlink> links,
        @Schema(examples = "PUBLISH_IN_FULL") Consent consent) {

    public enum Timeliness {
        ON_TIME, LATE
    }

    /** One received file: its original name, size and SHA-256 (lower-case hex). */
    public record ReceivedFile(
            @Schema(examples = "24b37fbc-7f55-432d-88ce-3bf20dfed4d2") UUID documentId,
            @Schema(examples = "MAIN") String role,
            @Schema(examples = "Contribution ODH.docx") String fileName,
            @Schema(examples = "application/vnd.openxmlformats-officedocument.wordprocessingml.document") String contentType,
            @Schema(examples = "48213") long size,
            @Schema(examples = "4d37a748c72a75226aca138fa9eb0c7c0a5e6fa0f30d374a05f5ba69630fa2ab") String sha256) {
    }
}
