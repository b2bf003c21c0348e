package org.callsforinput.submission.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.callsforinput.gate.DocumentGate;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.storage.Spooled;
import org.callsforinput.platform.storage.StorageUnavailableException;
import org.callsforinput.platform.work.LeasedWork;
import org.callsforinput.submission.SubmissionProblems;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.submission.entity.Document.Status;
import org.callsforinput.submission.storage.DocumentStore;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The document gate's checks of a large document after it was stored (docs/document-checks.md, "Large documents"):
 * one read of the object (size, SHA-256 against the one taken at intake or announced for a presigned upload, the
 * virus scan fed from the same read), the content checks on the spool copy, then ACCEPTED, or REFUSED with the
 * gate's problem and the object removed. Object storage or clamd being away means a later retry (exponential
 * back-off), never a lost check nor a document accepted unchecked. A {@link LeasedWork} loop: it runs on the poll and
 * right after a CHECKING document is committed.
 */
@ApplicationScoped
public class DocumentChecks {

    /** Short, and renewed while a document is at work: a crashed worker's documents are checked again within it. */
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** One at a time: each may be a GiB, read and scanned for tens of seconds. */
    private static final int BATCH = 1;
    private static final int DETAIL_LENGTH = 1000;

    /** Fired in a transaction that recorded a CHECKING document: once it commits, the check runs at once. */
    public record Due() {
    }

    private record Claimed(UUID id, String key, String fileName, long size, String sha256, int attempts) {
    }

    private final DocumentGate gate;
    private final DocumentStore store;
    private final LeasedWork work;

    public DocumentChecks(DocumentGate gate, DocumentStore store) {
        this.gate = gate;
        this.store = store;
        this.work = new LeasedWork("Document check", BATCH, () -> {
            List<Claimed> claimed = claim();
            try (LeasedWork.Heartbeat<UUID> heartbeat = LeasedWork.heartbeat("Document check",
                    claimed.stream().map(Claimed::id).toList(), LEASE, DocumentChecks::renew)) {
                for (Claimed document : claimed) {
                    check(document);
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

    @Scheduled(every = "${submission.documents.check-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkDue() {
        work.runPass();
    }

    private List<Claimed> claim() {
        return LeasedWork.claim(now -> Document.lockDueChecks(now, BATCH).stream().map(d -> {
            d.nextCheckAt = now.plus(LEASE);
            d.checkAttempts++;
            return new Claimed(d.id, d.objectKey, d.fileName, d.sizeBytes, d.sha256, d.checkAttempts);
        }).toList());
    }

    /** Only documents still under a lease (not checked, not put back for a retry meanwhile). */
    private static void renew(List<UUID> ids, Instant until) {
        Document.update("nextCheckAt = ?1 where id in ?2 and status = ?3 and nextCheckAt > ?4", until, ids,
                Status.CHECKING, Instant.now());
    }

    private void check(Claimed document) {
        try {
            // The name passed the gate's rule at the upload, and the call's types were checked then: the same claim.
            DocumentGate.Claim claim = gate.claim(document.fileName(), SubmissionService.FORMATS);
            try (DocumentGate.Admission admission = gate.begin(claim, document.size())) {
                Optional<Spooled> spooled = store.spool(document.key(), document.size(), admission.sink());
                if (spooled.isEmpty()) {
                    throw SubmissionProblems.UPLOAD_NOT_FOUND.exception("The stored file is gone; upload it again");
                }
                try (Spooled stored = spooled.get()) {
                    if (stored.size() != document.size()) {
                        throw SubmissionProblems.SIZE_MISMATCH.exception("The uploaded file has " + stored.size()
                                + " bytes, not the " + document.size() + " announced");
                    }
                    if (!stored.sha256().equals(document.sha256())) {
                        throw SubmissionProblems.CHECKSUM_MISMATCH.exception(
                                "The uploaded file's SHA-256 is not the one announced");
                    }
                    DocumentGate.Admitted admitted = admission.admit(stored.spool());
                    QuarkusTransaction.requiringNew().run(() -> Document.update(
                            "status = ?1, contentType = ?2, checkedAt = ?3, nextCheckAt = null where id = ?4 and status = ?5",
                            Status.ACCEPTED, admitted.mediaType(), Instant.now(), document.id(), Status.CHECKING));
                }
            }
        } catch (StorageUnavailableException e) {
            retryLater(document, e);
        } catch (ApiException e) {
            if (e.status() >= 500) {
                retryLater(document, e); // clamd away: no verdict, so neither accepted nor refused
            } else {
                refuse(document, e);
            }
        }
    }

    /** The refusal is recorded before the bytes go: a crash in between leaves an object the orphan clean-up removes. */
    private void refuse(Claimed document, ApiException refusal) {
        Log.infof("Document %s refused after storage: %s", document.id(), refusal.getMessage());
        String detail = refusal.getMessage() == null ? refusal.title() : refusal.getMessage();
        QuarkusTransaction.requiringNew().run(() -> Document.update("status = ?1, refusalType = ?2, refusalStatus = ?3, "
                + "refusalTitle = ?4, refusalDetail = ?5, checkedAt = ?6, nextCheckAt = null where id = ?7 and status = ?8",
                Status.REFUSED, refusal.slug(), refusal.status(), refusal.title(),
                detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) : detail, Instant.now(),
                document.id(), Status.CHECKING));
        store.remove(document.key());
    }

    private void retryLater(Claimed document, RuntimeException e) {
        Duration delay = LeasedWork.backoff(document.attempts(), MAX_BACKOFF);
        Log.warnf("Document %s could not be checked now, retrying in %s: %s", document.id(), delay, e.getMessage());
        QuarkusTransaction.requiringNew().run(() -> Document.update("nextCheckAt = ?1 where id = ?2 and status = ?3",
                Instant.now().plus(delay), document.id(), Status.CHECKING));
    }
}
