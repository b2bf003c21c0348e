package org.callsforinput.submission.rest;

import java.time.Instant;
import java.util.UUID;

import org.callsforinput.submission.entity.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored document: what was received, with its SHA-256 (lower-case hex). */
public record DocumentView(
        @Schema(examples = "24b37fbc-7f55-432d-88ce-3bf20dfed4d2") UUID id,
        @Schema(examples = "MAIN") Document.Role role,
        @Schema(description = "Original file name, kept as metadata", examples = "Contribution ODH.docx") String fileName,
        @Schema(description = "Media type of the format found by content",
                examples = "application/vnd.openxmlformats-officedocument.wordprocessingml.document") String contentType,
        @Schema(description = "Bytes", examples = "48213") long size,
        @Schema(examples = "4d37a748c72a75226aca138fa9eb0c7c0a5e6fa0f30d374a05f5ba69630fa2ab") String sha256,
        @Schema(examples = "2023-05-10T13:58:42.107Z") Instant receivedAt) {

    static DocumentView of(Document document) {
        return new DocumentView(document.id, document.role, document.fileName, document.contentType, document.sizeBytes,
                document.sha256, document.createdAt);
    }
}
