package org.callsforinput.submission.rest;

import java.time.Instant;
import java.util.UUID;

import org.callsforinput.submission.entity.Document;

/** A stored document: what was received, with its SHA-256 (lower-case hex). */
public record DocumentView(UUID id, Document.Role role, String fileName, String contentType, long size, String sha256,
        Instant receivedAt) {

    static DocumentView of(Document document) {
        return new DocumentView(document.id, document.role, document.fileName, document.contentType, document.sizeBytes,
                document.sha256, document.createdAt);
    }
}
