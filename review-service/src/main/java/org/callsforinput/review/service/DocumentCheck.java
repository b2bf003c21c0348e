package org.callsforinput.review.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.CaseDocument.Integrity;
import org.callsforinput.review.entity.CaseDocument.TextState;
import org.callsforinput.review.storage.SubmissionDocuments;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The background work on each new case document: read it once from the submission bucket into a temporary
 * file, check its SHA-256 against the one taken at intake, then extract its text and language for search.
 * Storage being down means a later retry (exponential back-off), never a lost check or extraction; a document
 * that cannot be parsed is marked FAILED and never blocks its case.
 */
@ApplicationScoped
public class DocumentCheck {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int BATCH = 5;
    private static final int ERROR_LENGTH = 500;

    private record Claimed(UUID id, String bucket, String key, String sha256, int attempts) {
    }

    private final SubmissionDocuments documents;
    private final TextExtractor extractor;
    private final TextSearch textSearch;

    public DocumentCheck(SubmissionDocuments documents, TextExtractor extractor, TextSearch textSearch) {
        this.documents = documents;
        this.extractor = extractor;
        this.textSearch = textSearch;
    }

    @Scheduled(every = "${review.documents.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkDue() {
        List<Claimed> claimed;
        do {
            claimed = claim();
            claimed.forEach(this::process);
        } while (claimed.size() == BATCH);
    }

    /** Claims due documents with a lease, so that the slow reads happen outside any transaction. */
    List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            return CaseDocument.lockDue(now, BATCH).stream().map(d -> {
                d.nextCheckAt = now.plus(LEASE);
                d.attempts++;
                return new Claimed(d.id, d.bucket, d.objectKey, d.sha256, d.attempts);
            }).toList();
        });
    }

    private void process(Claimed document) {
        Path file;
        try {
            file = Files.createTempFile("case-document-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Optional<String> actual;
            try {
                actual = documents.download(document.bucket(), document.key(), file);
            } catch (SubmissionDocuments.UnavailableException e) {
                retryLater(document, e);
                return;
            }
            Integrity integrity = actual.map(sha -> sha.equals(document.sha256()) ? Integrity.VERIFIED : Integrity.MISMATCH)
                    .orElse(Integrity.MISSING);
            if (integrity != Integrity.VERIFIED) {
                Log.errorf("Document %s at %s/%s: %s", document.id(), document.bucket(), document.key(), integrity);
                QuarkusTransaction.requiringNew().run(() -> CaseDocument.update(
                        "integrity = ?1, checkedAt = ?2, textState = ?3 where id = ?4", integrity, Instant.now(), TextState.SKIPPED, document.id()));
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> CaseDocument.update("integrity = ?1, checkedAt = ?2 where id = ?3",
                    Integrity.VERIFIED, Instant.now(), document.id()));
            extract(document.id(), file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf("Cannot delete %s: %s", file, e.getMessage());
            }
        }
    }

    private void extract(UUID documentId, Path file) {
        try {
            TextExtractor.Extraction extraction = extractor.extract(file);
            QuarkusTransaction.requiringNew().run(() -> textSearch.indexDocument(documentId, extraction.text(), extraction.language(),
                    extraction.truncated()));
        } catch (TextExtractor.UnparsableException e) {
            // The reason shown on the case is neutral; the parser's own failure is for the log.
            Log.warnf(e.getCause(), "Document %s: no text extracted: %s", documentId, e.getMessage());
            String error = e.getMessage() == null ? "unparsable" : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> CaseDocument.update("textState = ?1, textError = ?2 where id = ?3",
                    TextState.FAILED, error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error, documentId));
        }
    }

    private void retryLater(Claimed document, Exception e) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(document.attempts(), 10));
        Duration delay = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        Log.warnf("Object storage unavailable for document %s, retrying in %s: %s", document.id(), delay, e.getMessage());
        QuarkusTransaction.requiringNew().run(() -> CaseDocument.update("nextCheckAt = ?1 where id = ?2",
                Instant.now().plus(delay), document.id()));
    }
}
