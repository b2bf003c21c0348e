package org.callsforinput.submission.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.submission.entity.Document;
import org.callsforinput.platform.storage.StoredObject;
import org.callsforinput.submission.entity.PendingUpload;
import org.callsforinput.submission.storage.DocumentStore;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes objects that no document owns: expired presigned uploads, and objects left by an upload whose service
 * died before recording it. Objects younger than {@code submission.cleanup.min-age} are left alone, since their upload may still run.
 */
@ApplicationScoped
public class OrphanCleanup {

    /** Objects checked against the database per query (one listing page). */
    private static final int BATCH = 1000;

    private final DocumentStore store;
    private final Duration minAge;

    public OrphanCleanup(DocumentStore store, CleanupConfig config) {
        this.store = store;
        this.minAge = config.minAge();
    }

    @Scheduled(every = "${submission.cleanup.interval}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            Log.warnf("Orphan clean-up skipped: %s", e.getMessage());
        }
    }

    /** Returns how many objects were removed. */
    public int run() {
        List<PendingUpload> expired = QuarkusTransaction.requiringNew().call(
                () -> PendingUpload.<PendingUpload>list("expiresAt < ?1", Instant.now()));
        for (PendingUpload upload : expired) {
            store.remove(upload.objectKey);
            QuarkusTransaction.requiringNew().run(() -> PendingUpload.deleteById(upload.id));
        }
        Instant cutoff = Instant.now().minus(minAge);
        AtomicInteger removed = new AtomicInteger(expired.size());
        store.forEachBatch("submissions/", BATCH, items -> {
            List<String> old = items.stream().filter(item -> !item.lastModified().isAfter(cutoff))
                    .map(StoredObject::key).toList();
            if (old.isEmpty()) {
                return;
            }
            Set<String> owned = QuarkusTransaction.requiringNew().call(() -> {
                Set<String> keys = new HashSet<>(Document.ownedKeys(old));
                keys.addAll(PendingUpload.ownedKeys(old));
                return keys;
            });
            old.stream().filter(key -> !owned.contains(key)).forEach(key -> {
                store.remove(key);
                removed.incrementAndGet();
            });
        });
        if (removed.get() > 0) {
            Log.infof("Orphan clean-up removed %d objects", removed.get());
        }
        return removed.get();
    }
}
