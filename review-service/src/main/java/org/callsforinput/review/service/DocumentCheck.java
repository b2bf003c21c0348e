package org.callsforinput.review.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.CaseDocument.Integrity;
import org.callsforinput.review.storage.SubmissionDocuments;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Reads each new case document from the submission bucket and checks its SHA-256 against the one taken at intake.
 * Storage being down means a later retry (exponential back-off), never a lost check.
 */
@ApplicationScoped
public class DocumentCheck {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int BATCH = 5;

    private record Claimed(UUID id, String bucket, String key, String sha256, int attempts) {
    }

    private final SubmissionDocuments documents;

    public DocumentCheck(SubmissionDocuments documents) {
        this.documents = documents;
    }

    @Scheduled(every = "${review.documents.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkDue() {
        List<Claimed> claimed;
        do {
            claimed = claim();
            claimed.forEach(this::check);
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

    private void check(Claimed document) {
        Integrity result;
        try {
            Optional<String> actual = documents.sha256(document.bucket(), document.key());
            result = actual.map(sha -> sha.equals(document.sha256()) ? Integrity.VERIFIED : Integrity.MISMATCH)
                    .orElse(Integrity.MISSING);
        } catch (SubmissionDocuments.UnavailableException e) {
            Duration backoff = Duration.ofSeconds(1L << Math.min(document.attempts(), 10));
            Duration delay = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
            Log.warnf("Object storage unavailable for document %s, retrying in %s: %s", document.id(), delay, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> CaseDocument.update("nextCheckAt = ?1 where id = ?2",
                    Instant.now().plus(delay), document.id()));
            return;
        }
        if (result != Integrity.VERIFIED) {
            Log.errorf("Document %s at %s/%s: %s", document.id(), document.bucket(), document.key(), result);
        }
        QuarkusTransaction.requiringNew().run(() -> CaseDocument.update("integrity = ?1, checkedAt = ?2 where id = ?3",
                result, Instant.now(), document.id()));
    }
}
