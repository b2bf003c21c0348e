package org.callsforinput.publication.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.callsforinput.platform.storage.ObjectMissingException;
import org.callsforinput.platform.storage.StorageUnavailableException;
import org.callsforinput.platform.storage.VerifiedCopy;
import org.callsforinput.platform.work.LeasedWork;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.entity.ContributionDocument;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Copies the documents of each pending contribution into this service's bucket after checking their SHA-256, then
 * publishes it once its call is known. Storage being down means a later retry (exponential back-off), never a lost
 * publication; a document that does not match refuses the whole contribution, with an alert. A {@link LeasedWork}
 * loop (its wake-up runs on an executor that carries no context over).
 */
@ApplicationScoped
public class PublicationJob {

    /** Short, and renewed while a contribution is at work: a crashed worker's contributions are taken over within it. */
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int BATCH = 5;

    private record Claimed(UUID id, int attempts, boolean pending) {
    }

    private record PendingDocument(UUID id, String bucket, String key, String sha256, long size) {
    }

    private final PublicStorage storage;
    private final Publications publications;
    private final PublicationAlerts alerts;
    private final LeasedWork work;

    public PublicationJob(PublicStorage storage, Publications publications, PublicationAlerts alerts) {
        this.storage = storage;
        this.alerts = alerts;
        this.publications = publications;
        this.work = new LeasedWork("Publication", BATCH, () -> {
            List<Claimed> claimed = claim();
            try (LeasedWork.Heartbeat<UUID> heartbeat = LeasedWork.heartbeat("Publication",
                    claimed.stream().map(Claimed::id).toList(), LEASE, PublicationJob::renew)) {
                for (Claimed contribution : claimed) {
                    process(contribution);
                    heartbeat.done(contribution.id());
                }
            }
            return claimed.size();
        });
    }

    @PreDestroy
    void shutdown() {
        work.close();
    }

    /** A new decision, or its call arriving: run now rather than at the next tick. */
    void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) Publications.Due due) {
        work.wakeUp();
    }

    @Scheduled(every = "${publication.job-interval:2s}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        runDue();
    }

    void runDue() {
        work.runPass();
    }

    /** Claims due contributions with a lease, so that the slow copies happen outside any transaction. */
    List<Claimed> claim() {
        return LeasedWork.claim(now -> Contribution.lockDue(now, BATCH).stream().map(c -> {
            c.nextAttemptAt = now.plus(LEASE);
            c.attempts++;
            return new Claimed(c.id, c.attempts, c.status == Contribution.Status.PENDING);
        }).toList());
    }

    /** Only contributions still under a lease: one concluded (null) or due again (now) meanwhile stays as it is. */
    private static void renew(List<UUID> ids, Instant until) {
        Contribution.update("nextAttemptAt = ?1 where id in ?2 and nextAttemptAt > ?3", until, ids, Instant.now());
    }

    private void process(Claimed claimed) {
        if (!claimed.pending()) {
            remove(claimed);
            return;
        }
        List<PendingDocument> pending = QuarkusTransaction.requiringNew().call(() -> ContributionDocument
                .ofContribution(claimed.id()).stream()
                .filter(d -> d.state == ContributionDocument.State.PENDING)
                .map(d -> new PendingDocument(d.id, d.sourceBucket, d.sourceKey, d.sha256, d.sizeBytes)).toList());
        for (PendingDocument document : pending) {
            try {
                VerifiedCopy copy = storage.copyVerified(document.bucket(), document.key(), document.sha256(),
                        document.size());
                if (copy.matched()) {
                    record(document.id(), ContributionDocument.State.COPIED, copy.objectKey());
                } else {
                    alerts.raise("document %s of contribution %s at %s/%s does not match its decision: SHA-256 %s and"
                            + " %d bytes expected, %s and %d bytes found; the contribution is refused, nothing is public",
                            document.id(), claimed.id(), document.bucket(), document.key(),
                            document.sha256(), document.size(), copy.sha256(), copy.size());
                    record(document.id(), ContributionDocument.State.MISMATCH, null);
                    break;
                }
            } catch (ObjectMissingException e) {
                alerts.raise("document %s of contribution %s is missing (%s); the contribution is refused, nothing is"
                        + " public", document.id(), claimed.id(), e.getMessage());
                record(document.id(), ContributionDocument.State.MISSING, null);
                break;
            } catch (StorageUnavailableException e) {
                retryLater(claimed, e);
                return;
            }
        }
        publications.conclude(claimed.id());
    }

    /** A refused or retracted contribution: its public copies leave the bucket (none of its bytes stay public). */
    private void remove(Claimed claimed) {
        List<Publications.Removal> removals = publications.removals(claimed.id());
        try {
            for (Publications.Removal removal : removals) {
                storage.remove(removal.objectKey());
            }
        } catch (StorageUnavailableException e) {
            retryLater(claimed, e);
            return;
        }
        publications.removed(claimed.id(), removals);
        if (!removals.isEmpty()) {
            Log.infof("Removed %d public cop(ies) of contribution %s", removals.size(), claimed.id());
        }
    }

    private static void retryLater(Claimed claimed, Exception e) {
        Duration delay = LeasedWork.backoff(claimed.attempts(), MAX_BACKOFF);
        Log.warnf("Object storage unavailable for contribution %s, retrying in %s: %s", claimed.id(), delay,
                e.getMessage());
        QuarkusTransaction.requiringNew().run(() -> Contribution.update("nextAttemptAt = ?1 where id = ?2",
                Instant.now().plus(delay), claimed.id()));
    }

    private static void record(UUID documentId, ContributionDocument.State state, String objectKey) {
        QuarkusTransaction.requiringNew().run(() -> ContributionDocument.update(
                "state = ?1, objectKey = ?2, copiedAt = ?3 where id = ?4", state, objectKey,
                state == ContributionDocument.State.COPIED ? Instant.now() : null, documentId));
    }
}
