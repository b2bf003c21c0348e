package org.callsforinput.platform.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one mechanism behind every background loop that works through rows of the database (the outbox relay, the
 * document check, the publication job, the webhook sender): a pass runs on a poll and, coalesced, right after a
 * commit that created work ({@link #wakeUp()}); one pass at a time per JVM, repeating its batch while batches come
 * back full; each batch claims its rows in a short transaction of its own ({@link #claim}: the loop's query locks
 * due rows {@code FOR UPDATE SKIP LOCKED}, so replicas never take the same row, and moves them out of reach by a
 * lease, so that the slow work happens outside any transaction and a crash frees them when the lease ends); a failed
 * item comes back after {@link #backoff}. Leases are short (seconds) and renewed by a {@link Heartbeat} while the
 * work runs, so a living worker keeps its items however long they take, and a dead one's items are taken over once
 * its last lease ends. A loop keeps only its query and what it does with a claimed item.
 */
public final class LeasedWork implements AutoCloseable {

    /** One batch: claims up to the batch size and handles what it claimed; returns how many it claimed. */
    @FunctionalInterface
    public interface Batch {
        int run();
    }

    private final String name;
    private final int batchSize;
    private final Batch batch;
    private final ManagedExecutor executor;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wakeUp = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** {@code name} is for the log ("Outbox relay", "Publication"). */
    public LeasedWork(String name, int batchSize, Batch batch) {
        this.name = name;
        this.batchSize = batchSize;
        this.batch = batch;
        this.executor = noContextExecutor(1);
    }

    /**
     * An executor that carries no context over to its tasks. A task started after a commit must not inherit the
     * committing request's transaction (already ended) or request context: the work runs its own transactions.
     * Quarkus's injected {@code ManagedExecutor} propagates them, which is why no loop may use it.
     */
    public static ManagedExecutor noContextExecutor(int maxAsync) {
        return ManagedExecutor.builder().propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING)
                .maxAsync(maxAsync).build();
    }

    /**
     * Called after a commit that created work (an {@code @Observes(during = AFTER_SUCCESS)} method): runs a pass at
     * once instead of at the next poll. Wake-ups that arrive while one is queued are coalesced into it.
     */
    public void wakeUp() {
        if (wakeUp.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUp.set(false);
                runPass();
            });
        }
    }

    /**
     * One pass (the poll calls this): batches until one comes back short. When a pass is already running in this
     * JVM, this one does not start but makes the running pass go round once more, since the rows that asked for it
     * may have been committed after that pass's last claim; no request for a pass is lost. A failing pass is logged
     * and retried by the next poll.
     */
    public void runPass() {
        again.set(true);
        while (again.get() && running.tryLock()) {
            try {
                while (again.getAndSet(false)) {
                    int claimed;
                    do {
                        claimed = batch.run();
                    } while (claimed >= batchSize);
                }
            } catch (RuntimeException e) {
                Log.warnf("%s pass failed, will retry: %s", name, e.getMessage());
                Log.debugf(e, "%s pass failed", name);
            } finally {
                running.unlock();
            }
        }
    }

    /**
     * Renews the lease of {@code claimed} every third of {@code lease} until each is {@link Heartbeat#done} or the
     * heartbeat is closed: {@code renew} gets the ids still at work and the new end of their lease, and runs in a
     * transaction of its own; its query must renew only rows that still carry a lease (not one finished meanwhile).
     */
    public static <K> Heartbeat<K> heartbeat(String name, Collection<K> claimed, Duration lease,
            BiConsumer<List<K>, Instant> renew) {
        return new Heartbeat<>(name, claimed, lease, renew);
    }

    /** The lease renewal of one batch of claimed items; see {@link #heartbeat}. */
    public static final class Heartbeat<K> implements AutoCloseable {
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "leased-work-heartbeat");
            thread.setDaemon(true);
            return thread;
        });

        private final Set<K> working = ConcurrentHashMap.newKeySet();
        private final ScheduledFuture<?> beat;

        private Heartbeat(String name, Collection<K> claimed, Duration lease, BiConsumer<List<K>, Instant> renew) {
            working.addAll(claimed);
            long every = Math.max(100, lease.toMillis() / 3);
            this.beat = working.isEmpty() ? null : TIMER.scheduleAtFixedRate(() -> {
                List<K> ids = List.copyOf(working);
                if (ids.isEmpty()) {
                    return;
                }
                try {
                    QuarkusTransaction.requiringNew().run(() -> renew.accept(ids, Instant.now().plus(lease)));
                } catch (RuntimeException e) {
                    Log.warnf("%s: renewing the lease of %d item(s) failed, will retry: %s", name, ids.size(), e.getMessage());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }

        /** This item is finished (or handed back): its lease is no longer renewed. */
        public void done(K id) {
            working.remove(id);
        }

        @Override
        public void close() {
            working.clear();
            if (beat != null) {
                beat.cancel(false);
            }
        }
    }

    public int batchSize() {
        return batchSize;
    }

    /** Stops the wake-up executor (from the loop's {@code @PreDestroy}). */
    @Override
    public void close() {
        executor.shutdown();
    }

    /**
     * Runs the loop's claim query in a short transaction of its own, with the time of the claim: the query locks due
     * rows with {@code FOR UPDATE SKIP LOCKED} and sets their lease (for example {@code nextAttemptAt = now + lease}),
     * and returns what the work needs, detached from the transaction.
     */
    public static <T> List<T> claim(Function<Instant, List<T>> query) {
        return QuarkusTransaction.requiringNew().call(() -> query.apply(Instant.now()));
    }

    /** Exponential back-off: 2^attempts seconds (1 s, 2 s, 4 s ...), never more than {@code cap}. */
    public static Duration backoff(int attempts, Duration cap) {
        Duration delay = Duration.ofSeconds(1L << Math.max(0, Math.min(attempts, 30)));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
