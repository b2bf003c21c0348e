package org.callsforinput.submission.rest;

import java.time.Instant;
import java.util.UUID;

import org.callsforinput.platform.problem.Problem;
import org.callsforinput.submission.entity.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored document: what was received, with its SHA-256 (lower-case hex), and where its checks stand. */
public record DocumentView(
        @Schema(examples = "24b37fbc-7f55-432d-88ce-3bf20dfed4d2") UUID id,
        @Schema(examples = "MAIN") Document.Role role,
        @Schema(description = "Original file name, kept as metadata", examples = "Contribution ODH.docx") String fileName,
        @Schema(description = "Media type of the format found by content (of the format its name claims while CHECKING)",
                examples = "application/vnd.openxmlformats-officedocument.wordprocessingml.document") String contentType,
        @Schema(description = "Bytes", examples = "48213") long size,
        @Schema(description = "Taken while it was received; for a large presigned upload, the SHA-256 announced, verified"
                + " by the check", examples = "4d37a748c72a75226aca138fa9eb0c7c0a5e6fa0f30d374a05f5ba69630fa2ab") String sha256,
        @Schema(examples = "2023-05-10T13:58:42.107Z") Instant receivedAt,
        @Schema(description = "ACCEPTED (passed the document gate), CHECKING (a large document whose verdict follows) or "
                + "REFUSED (refused after it was stored: its bytes are gone; remove it)", examples = "ACCEPTED")
        Document.Status status,
        @Schema(description = "Why a REFUSED document was refused, as the problem an upload would have answered; null otherwise",
                examples = """
                        {"type": "urn:calls-for-input:problem:virus-found", "title": "Virus found", "status": 422,
                         "detail": "The virus scanner found Win.Test.EICAR_HDB-1 in the file; it was refused and not kept"}""")
        Problem refusal) {

    static DocumentView of(Document document) {
        Problem refusal = document.status != Document.Status.REFUSED ? null
                : new Problem(Problem.type(document.refusalType), document.refusalTitle,
                        document.refusalStatus == null ? 422 : document.refusalStatus, document.refusalDetail, null);
        return new DocumentView(document.id, document.role, document.fileName, document.contentType, document.sizeBytes,
                document.sha256, document.createdAt, document.status, refusal);
    }
}
