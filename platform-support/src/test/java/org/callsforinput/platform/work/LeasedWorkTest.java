package org.callsforinput.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The mechanism shared by the background loops, without a database: passes, wake-ups and back-off. */
class LeasedWorkTest {

    @Test
    void aPassRepeatsItsBatchWhileBatchesComeBackFull() {
        AtomicInteger left = new AtomicInteger(12);
        AtomicInteger batches = new AtomicInteger();
        try (LeasedWork work = new LeasedWork("test", 5, () -> {
            batches.incrementAndGet();
            int taken = Math.min(5, left.get());
            left.addAndGet(-taken);
            return taken;
        })) {
            work.runPass();
        }
        assertThat(left.get()).isZero();
        assertThat(batches.get()).isEqualTo(3); // 5, 5, 2
    }

    @Test
    void onePassAtATimeAndAPassAskedForMeanwhileRunsOnceMore() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch inFirstBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LeasedWork work = new LeasedWork("test", 10, () -> {
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                if (batches.incrementAndGet() == 1) {
                    inFirstBatch.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
            return 0;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = pool.submit(work::runPass);
            assertThat(inFirstBatch.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(work::runPass));
            }
            for (Future<?> other : others) {
                other.get(10, TimeUnit.SECONDS); // skipped at once: a pass is running
            }
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            work.close();
        }
        assertThat(maxConcurrent.get()).isEqualTo(1);
        // The three skipped passes become one more round of the running pass, not three, not none.
        assertThat(batches.get()).isEqualTo(2);
    }

    @Test
    void aWakeUpRunsAPassWithoutTheCallersThread() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        try (LeasedWork work = new LeasedWork("test", 10, () -> {
            synchronized (threads) {
                threads.add(Thread.currentThread());
            }
            batches.incrementAndGet();
            return 0;
        })) {
            work.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.get() >= 1);
        }
        assertThat(threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void aFailingPassIsLoggedAndTheNextOneRuns() {
        AtomicInteger calls = new AtomicInteger();
        try (LeasedWork work = new LeasedWork("test", 10, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return 0;
        })) {
            work.runPass();
            work.runPass();
        }
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void backoffDoublesFromOneSecondUpToItsCap() {
        Duration cap = Duration.ofMinutes(10);
        assertThat(LeasedWork.backoff(0, cap)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LeasedWork.backoff(1, cap)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LeasedWork.backoff(5, cap)).isEqualTo(Duration.ofSeconds(32));
        assertThat(LeasedWork.backoff(9, cap)).isEqualTo(Duration.ofSeconds(512));
        assertThat(LeasedWork.backoff(10, cap)).isEqualTo(cap);
        assertThat(LeasedWork.backoff(1000, cap)).isEqualTo(cap);
    }
}
