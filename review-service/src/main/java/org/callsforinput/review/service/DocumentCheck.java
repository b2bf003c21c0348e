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

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.callsforinput.platform.storage.ObjectMissingException;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.platform.storage.StorageUnavailableException;
import org.callsforinput.platform.work.LeasedWork;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.CaseDocument.Integrity;
import org.callsforinput.review.entity.CaseDocument.TextState;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The background work on each new case document: read it once from the submission bucket into a temporary
 * file, check its SHA-256 against the one taken at intake, then read its facts for reviewers (hyperlinks, embedded
 * metadata: {@link DocumentFactsReader}) and extract its text and language for search.
 * Storage being down means a later retry (exponential back-off), never a lost check or extraction; a document
 * that cannot be parsed is marked FAILED and never blocks its case. A {@link LeasedWork} loop: it runs on the poll
 * and right after a case with documents is committed.
 */
@ApplicationScoped
public class DocumentCheck {

    /** Short, and renewed while a document is at work: a crashed worker's documents are checked again within it. */
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int BATCH = 5;
    private static final int ERROR_LENGTH = 500;

    /** Fired in a transaction that created case documents: once it commits, the check runs at once. */
    public record Due() {
    }

    private record Claimed(UUID id, String bucket, String key, String sha256, int attempts) {
    }

    private final ObjectStorage storage;
    private final TextExtractor extractor;
    private final TextSearch textSearch;
    private final DocumentFactsReader facts;
    private final LeasedWork work;

    public DocumentCheck(ObjectStorage storage, TextExtractor extractor, TextSearch textSearch, DocumentFactsReader facts) {
        this.storage = storage;
        this.extractor = extractor;
        this.textSearch = textSearch;
        this.facts = facts;
        this.work = new LeasedWork("Document check", BATCH, () -> {
            List<Claimed> claimed = claim();
            try (LeasedWork.Heartbeat<UUID> heartbeat = LeasedWork.heartbeat("Document check",
                    claimed.stream().map(Claimed::id).toList(), LEASE, DocumentCheck::renew)) {
                for (Claimed document : claimed) {
                    process(document);
                    heartbeat.done(document.id());
                }
            }
            return claimed.size();
        });
    }

    @PreDestroy
    void shutdown() {
        work.close();
    }

    void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        work.wakeUp();
    }

    @Scheduled(every = "${review.documents.interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkDue() {
        work.runPass();
    }

    /** Claims due documents with a lease, so that the slow reads happen outside any transaction. */
    List<Claimed> claim() {
        return LeasedWork.claim(now -> CaseDocument.lockDue(now, BATCH).stream().map(d -> {
            d.nextCheckAt = now.plus(LEASE);
            d.attempts++;
            return new Claimed(d.id, d.bucket, d.objectKey, d.sha256, d.attempts);
        }).toList());
    }

    /** Only documents still under this worker's lease (not checked, not put back for a retry meanwhile). */
    private static void renew(List<UUID> ids, Instant until) {
        CaseDocument.update("nextCheckAt = ?1 where id in ?2 and integrity = ?3 and nextCheckAt > ?4", until, ids,
                Integrity.PENDING, Instant.now());
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
                actual = Optional.of(storage.download(document.bucket(), document.key(), file).sha256());
            } catch (ObjectMissingException e) {
                actual = Optional.empty();
            } catch (StorageUnavailableException e) {
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
            facts.record(document.id(), file);
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
        Duration delay = LeasedWork.backoff(document.attempts(), MAX_BACKOFF);
        Log.warnf("Object storage unavailable for document %s, retrying in %s: %s", document.id(), delay, e.getMessage());
        QuarkusTransaction.requiringNew().run(() -> CaseDocument.update("nextCheckAt = ?1 where id = ?2",
                Instant.now().plus(delay), document.id()));
    }
}
