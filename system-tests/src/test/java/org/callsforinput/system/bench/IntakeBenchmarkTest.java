package org.callsforinput.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Intake benchmarks against submission-service running as its own process on the test stack. Results go to
 * {@code system-tests/target/benchmarks/intake.md}; docs/benchmarks.md records them. Bounded in count and time.
 */
@Tag("benchmark")
class IntakeBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path OUT = StackInfo.findRepoRoot().resolve("system-tests/target/benchmarks");

    static ServiceProcess service;
    static String base;
    static StringBuilder report = new StringBuilder("# Intake benchmarks (" + Instant.now() + ")\n\n");

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        // The stack was just started: let Keycloak and Kafka finish their own start-up work first.
        Thread.sleep(Long.getLong("bench.settle-ms", 30_000));
        StackInfo info = StackInfo.load();
        service = ServiceProcess.start(info, StackInfo.findRepoRoot(), "submission-service", "submission_e2e", freePort(), freePort(),
                Map.of(
                        // A bucket of its own per run: S3Proxy's file-system store lists a large directory slowly.
                        "STORAGE_BUCKET", "submissions-bench-" + System.currentTimeMillis(), "QUARKUS_LOG_LEVEL", "WARN",
                        // to compare JVM options, e.g. -Dbench.service-jvm-options=-XX:TieredStopAtLevel=1
                        "JAVA_TOOL_OPTIONS", System.getProperty("bench.service-jvm-options", "")), OUT);
        base = service.baseUrl();
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        Files.writeString(OUT.resolve("intake.md"), report);
        System.out.println(report);
    }

    /**
     * One run, the same 1,000 MiB .docx three ways: (a) streamed through {@code POST /submissions/{id}/documents},
     * (b) a bare PUT to a presigned URL straight to the S3 server (the ceiling), (c) ticket + presigned PUT +
     * {@code complete}. Each path is timed to the service's answer: a document this large is answered 202 once it is
     * stored (streamed: received, hashed and stored; presigned: its size confirmed) and checked afterwards, so the
     * time from the answer to the document gate's verdict (ACCEPTED) is measured and printed too, before the next
     * path starts. Prints the three rates, both ratios (target 70 % each) and the service's heap growth over (a)
     * and (c). {@code -Dbench.large-only=true} skips the small-submissions benchmark.
     */
    @Test
    void largeDocumentStreamedAndPresigned() throws Exception {
        Path file = OUT.resolve("large.docx");
        largeDocx(file, 1000, 1);
        // The same size, other bytes, for (b) and (c): clamd would answer (c)'s check from its cache of clean files.
        Path presignedFile = OUT.resolve("large-presigned.docx");
        String sha256 = largeDocx(presignedFile, 1000, 2);
        long size = Files.size(file);
        assertThat(Files.size(presignedFile)).isEqualTo(size);
        double mib = size / (double) (1 << 20);
        String call = openCall(4L << 30);
        // Twice: the checks after the first round change the profiles of the code the uploads share with them (the
        // hashing stream), and C2 otherwise recompiles during the measured upload (seen with perf).
        for (int round = 0; round < Integer.getInteger("bench.large-warmup-rounds", 2); round++) {
            warmUp(call, Integer.getInteger("bench.large-warmup-mib", 128));
        }

        gc();
        long before = heapUsed();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                sleep(100);
            }
        });
        sampler.start();

        // (a) streamed through the service
        String streamedDraft = draft(call);
        settle();
        StackCpu cpu0 = StackCpu.now();
        long t0 = System.nanoTime();
        HttpResponse<String> streamed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/submissions/" + streamedDraft
                + "/documents?role=MAIN&fileName=large.docx"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double streamedSeconds = (System.nanoTime() - t0) / 1e9;
        // CLOCK_MONOTONIC, as perf record -k CLOCK_MONOTONIC stamps its samples: perf report --time start,end
        System.out.printf("(a) streamed ran from %.6f to %.6f (monotonic seconds)%n", t0 / 1e9, t0 / 1e9 + streamedSeconds);
        StackCpu streamedCpu = StackCpu.now().minus(cpu0);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(202);
        StackCpu cpu0v = StackCpu.now();
        double streamedVerdict = awaitAccepted(streamedDraft, streamed.body());
        StackCpu streamedCheckCpu = StackCpu.now().minus(cpu0v);

        // (b) a bare presigned PUT straight to the S3 server: the ticket is taken before the clock starts
        String bareDraft = draft(call);
        Map<?, ?> bareTicket = ticket(bareDraft, size, sha256);
        settle();
        StackCpu cpu1 = StackCpu.now();
        long t1 = System.nanoTime();
        int bareStatus = putTo((String) bareTicket.get("url"), presignedFile);
        double bareSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("(b) bare PUT ran from %.6f to %.6f (monotonic seconds)%n", t1 / 1e9, t1 / 1e9 + bareSeconds);
        StackCpu bareCpu = StackCpu.now().minus(cpu1);
        assertThat(bareStatus).isEqualTo(200);

        // (c) ticket + presigned PUT + confirmation (size, SHA-256, gate, virus scan)
        String presignedDraft = draft(call);
        settle();
        StackCpu cpu2 = StackCpu.now();
        long t2 = System.nanoTime();
        Map<?, ?> ticket = ticket(presignedDraft, size, sha256);
        assertThat(putTo((String) ticket.get("url"), presignedFile)).isEqualTo(200);
        HttpResponse<String> completed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/submissions/" + presignedDraft
                + "/uploads/" + ticket.get("uploadId") + "/complete"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        double presignedSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf("(c) presigned ran from %.6f to %.6f (monotonic seconds)%n", t2 / 1e9, t2 / 1e9 + presignedSeconds);
        StackCpu presignedCpu = StackCpu.now().minus(cpu2);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(202);
        StackCpu cpu2v = StackCpu.now();
        double presignedVerdict = awaitAccepted(presignedDraft, completed.body());
        StackCpu presignedCheckCpu = StackCpu.now().minus(cpu2v);

        running.set(false);
        sampler.join();
        gc();
        long after = heapUsed();

        double streamedRate = mib / streamedSeconds;
        double bareRate = mib / bareSeconds;
        double presignedRate = mib / presignedSeconds;
        double streamedRatio = streamedRate / bareRate;
        double presignedRatio = presignedRate / bareRate;
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        report.append("## 1,000 MiB document: streamed, bare presigned PUT, presigned PUT + confirmation\n\n")
                .append("%d bytes (.docx, one stored part). Load average at the end (1, 5, 15 min): %s.%n%n".formatted(size, load))
                .append("| path | time to the answer | throughput | ratio to the bare PUT | target | then the gate's verdict after |\n")
                .append("|---|---|---|---|---|---|\n")
                .append("| (a) streamed through submission-service (202) | %.1f s | %.0f MiB/s | %.0f %% | ≥ 70 %% %s | %.1f s |%n".formatted(
                        streamedSeconds, streamedRate, 100 * streamedRatio, streamedRatio >= 0.7 ? "met" : "**not met**",
                        streamedVerdict))
                .append("| (b) bare presigned PUT to the S3 server | %.1f s | %.0f MiB/s | 100 %% | | |%n".formatted(bareSeconds, bareRate))
                .append("| (c) ticket + presigned PUT + complete (202) | %.1f s | %.0f MiB/s | %.0f %% | ≥ 70 %% %s | %.1f s |%n%n".formatted(
                        presignedSeconds, presignedRate, 100 * presignedRatio, presignedRatio >= 0.7 ? "met" : "**not met**",
                        presignedVerdict))
                .append("| heap used before (after GC) | peak heap used during (a)–(c) | heap after (after GC) | growth of retained heap |\n")
                .append("|---|---|---|---|\n")
                .append("| %d MiB | %d MiB | %d MiB | %d MiB |%n%n".formatted(before >> 20, peak.get() >> 20, after >> 20,
                        (after - before) >> 20))
                .append("Peak heap counts garbage not yet collected; the JVM runs with -Xmx384m (ServiceProcess).\n\n")
                .append("CPU-seconds per path (from /proc; the client is this benchmark's JVM, the machine counts every "
                        + "process, other sessions' too):\n\n")
                .append("| path | submission-service | S3Proxy | clamd | client | whole machine |\n|---|---|---|---|---|---|\n")
                .append(streamedCpu.row("(a) streamed"))
                .append(bareCpu.row("(b) bare PUT"))
                .append(presignedCpu.row("(c) presigned + complete"))
                .append(streamedCheckCpu.row("check after (a), to the verdict"))
                .append(presignedCheckCpu.row("check after (c), to the verdict"))
                .append("\n");
        System.out.printf("large document: streamed %.0f MiB/s, bare PUT %.0f MiB/s, presigned + complete %.0f MiB/s; "
                + "streamed/bare %.0f %%, presigned/bare %.0f %%; verdicts %.1f s and %.1f s after the answers; heap growth %d MiB%n",
                streamedRate, bareRate, presignedRate, 100 * streamedRatio, 100 * presignedRatio, streamedVerdict,
                presignedVerdict, (after - before) >> 20);
        Files.deleteIfExists(file);
        Files.deleteIfExists(presignedFile);
        assertThat(after - before).isLessThan(64L << 20);
    }

    /**
     * The three paths once with a smaller document, unmeasured, so that the measured run finds the service's code
     * compiled (its JIT otherwise competes for the two cores during the first large upload) and S3Proxy warm too.
     */
    private static void warmUp(String call, int mib) throws Exception {
        if (mib <= 0) {
            return;
        }
        Path file = OUT.resolve("warm-up.docx");
        String sha256 = largeDocx(file, mib, 3);
        String streamedDraft = draft(call);
        HttpResponse<String> streamed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/submissions/" + streamedDraft
                + "/documents?role=MAIN&fileName=warm-up.docx"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(202);
        awaitAccepted(streamedDraft, streamed.body());
        String draft = draft(call);
        Map<?, ?> ticket = ticket(draft, Files.size(file), sha256);
        assertThat(putTo((String) ticket.get("url"), file)).isEqualTo(200);
        HttpResponse<String> completed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/submissions/" + draft
                + "/uploads/" + ticket.get("uploadId") + "/complete"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(202);
        awaitAccepted(draft, completed.body());
        Files.deleteIfExists(file);
    }

    /**
     * Before a path is timed: writes the page cache's dirty pages out (sync), so that no path pays for the disk writes
     * of the one before it (each 1,000 MiB object, spool file and clamd temporary file goes to the same disk), then
     * waits (at most 60 s) until the service is idle, below 0.2 CPU-seconds per second for two seconds in a row (the
     * heap sampler's scrapes included). A perf profile of the streamed upload found the service's C2 compiler taking a
     * third of its CPU, still compiling what the previous check had run. Last, {@link #primeMemory()}.
     */
    private static void settle() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Path stat = Path.of("/proc/" + service.pid() + "/stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int quiet = 0;
        long last = CpuTime.ticks(stat, true);
        while (quiet < 2 && System.nanoTime() < deadline) {
            sleep(1000);
            long now = CpuTime.ticks(stat, true);
            quiet = now - last < 20 ? quiet + 1 : 0;
            last = now;
        }
        primeMemory();
    }

    /**
     * Writes {@code bench.prime-mib} MiB (default 1,536; 0 turns it off) to a file in /dev/shm and removes it, right
     * before a path is timed, so that every path finds the same memory: pages the virtual machine has just touched.
     * Such a machine hands memory the guest frees back to its host (virtio-balloon free page reporting), and the next
     * write to it costs the guest's kernel about twice as much (measured: 4 GiB to tmpfs 11.9-13.0 s cold, 5.7-6.1 s
     * just after the same amount was freed). S3Proxy writes each 1,000 MiB object into new page-cache pages: without
     * this step the same PUT cost it 2.7 CPU-seconds on recycled pages (the bare PUT, right after a check had freed
     * its spool and clamd's file) and up to 5.6 on cold ones, which decided the ratios more than the service did.
     */
    private static void primeMemory() throws IOException {
        long bytes = Long.getLong("bench.prime-mib", 1536) << 20;
        Path shm = Path.of("/dev/shm");
        if (bytes <= 0 || !Files.isDirectory(shm) || !Files.isWritable(shm)) {
            return;
        }
        Path file = Files.createTempFile(shm, "bench-prime-", ".bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
        } finally {
            Files.delete(file);
        }
    }

    /**
     * Waits for the document gate's verdict on a document answered 202 (polling its status every 100 ms, at most 10
     * minutes); asserts it was ACCEPTED and returns the seconds it took.
     */
    private static double awaitAccepted(String draft, String answer) throws Exception {
        String documentId = (String) JSON.readValue(answer, Map.class).get("id");
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/submissions/" + draft
                    + "/documents/" + documentId)).header("Authorization", "Bearer " + Tokens.client("partner-odh")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            Object status = JSON.readValue(check(document, 200), Map.class).get("status");
            if (!"CHECKING".equals(status)) {
                assertThat(status).as(document.body()).isEqualTo("ACCEPTED");
                return (System.nanoTime() - start) / 1e9;
            }
            sleep(100);
        }
        throw new AssertionError("no verdict on document " + documentId + " within 10 minutes");
    }

    private static Map<?, ?> ticket(String draft, long size, String sha256) throws Exception {
        String body = JSON.writeValueAsString(Map.of("role", "MAIN", "fileName", "large.docx", "size", size, "sha256", sha256));
        return JSON.readValue(check(post("/submissions/" + draft + "/uploads", Tokens.client("partner-odh"), body), 201), Map.class);
    }

    private static int putTo(String url, Path file) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void smallSubmissionsThroughput() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("bench.large-only"), "-Dbench.large-only=true");
        int submissions = Integer.getInteger("bench.submissions", 2000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        byte[] noise = new byte[100 * 1024];
        new Random(42).nextBytes(noise);
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "benchmark", Map.of("word/media/image1.bin", noise));
        String call = openCall(50L << 20);
        Stats create = new Stats();
        Stats upload = new Stats();
        Stats submit = new Stats();
        Stats whole = new Stats();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        // Warm-up, not measured: connection pools, and the JIT, which compiles for a minute or more under this load.
        int warmup = Integer.getInteger("bench.warmup", 1500);
        List<Future<?>> warming = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            warming.add(pool.submit(() -> {
                oneSubmission(call, docx, new Stats(), new Stats(), new Stats());
                return null;
            }));
        }
        for (Future<?> future : warming) {
            future.get();
        }
        List<Future<?>> futures = new ArrayList<>();
        CpuTime cpuBefore = CpuTime.now(service.pid());
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        for (int i = 0; i < submissions; i++) {
            futures.add(pool.submit(() -> {
                if (System.nanoTime() > deadline) {
                    return;
                }
                long t0 = System.nanoTime();
                try {
                    oneSubmission(call, docx, create, upload, submit);
                    whole.add(System.nanoTime() - t0);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuTime cpu = CpuTime.now(service.pid()).minus(cpuBefore);
        pool.shutdown();
        report.append("## Small submissions (draft + 100 KB Word document + submit)\n\n")
                .append("%d submissions by %d concurrent clients in %.1f s: **%.0f submissions/s** (%.0f requests/s), %d failed.%n%n"
                        .formatted(whole.count(), concurrency, seconds, whole.count() / seconds, 3 * whole.count() / seconds,
                                failures.get()))
                .append(Stats.header()).append('\n')
                .append(create.row("create draft")).append('\n')
                .append(upload.row("upload 100 KB document")).append('\n')
                .append(submit.row("submit (receipt)")).append('\n')
                .append(whole.row("whole submission")).append("\n\n")
                .append(cpu.describe(whole.count(), seconds)).append("\n\n");
        assertThat(failures.get()).isZero();
    }

    /**
     * CPU time of the processes a large upload crosses (the service, this stack's S3Proxy and clamd, the benchmark's
     * own JVM as the client) and of the whole machine, in clock ticks of 10 ms; zero for a process not found.
     */
    private record StackCpu(long service, long s3proxy, long clamd, long client, long machine) {

        static StackCpu now() {
            return new StackCpu(CpuTime.ticks(Path.of("/proc/" + IntakeBenchmarkTest.service.pid() + "/stat"), true),
                    processTicks("org.gaul.s3proxy.Main"), processTicks("clamd"),
                    CpuTime.ticks(Path.of("/proc/" + ProcessHandle.current().pid() + "/stat"), true),
                    CpuTime.ticks(Path.of("/proc/stat"), false));
        }

        StackCpu minus(StackCpu o) {
            return new StackCpu(service - o.service, s3proxy - o.s3proxy, clamd - o.clamd, client - o.client,
                    machine - o.machine);
        }

        String row(String path) {
            return "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n".formatted(path, service / 100.0, s3proxy / 100.0,
                    clamd / 100.0, client / 100.0, machine / 100.0);
        }

        /** The process of this repository's test stack whose command line names {@code marker}. */
        private static long processTicks(String marker) {
            String state = StackInfo.findRepoRoot().resolve(".platform/test").toString();
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().filter(c -> c.contains(marker) && c.contains(state)).isPresent())
                    .mapToLong(p -> CpuTime.ticks(Path.of("/proc/" + p.pid() + "/stat"), true))
                    .findFirst().orElse(0);
        }
    }

    /**
     * CPU time used by the service process and by the whole machine (all processes: stack, load generator), from
     * Linux's /proc, in clock ticks of 10 ms; zero where /proc cannot be read.
     */
    private record CpuTime(long serviceTicks, long machineTicks) {

        static CpuTime now(long pid) {
            return new CpuTime(ticks(Path.of("/proc/" + pid + "/stat"), true), ticks(Path.of("/proc/stat"), false));
        }

        CpuTime minus(CpuTime earlier) {
            return new CpuTime(serviceTicks - earlier.serviceTicks, machineTicks - earlier.machineTicks);
        }

        String describe(long submissions, double seconds) {
            int cores = Runtime.getRuntime().availableProcessors();
            double serviceMs = serviceTicks * 10.0 / Math.max(1, submissions);
            return ("CPU during the measured phase: the service used %.1f CPU-seconds (%.0f %% of %d cores), %.1f ms per "
                    + "submission; the whole machine %.1f CPU-seconds (%.0f %%), %.1f ms per submission. With %d cores to "
                    + "itself the service would be bounded at about %.0f submissions/s by its own CPU.")
                    .formatted(serviceTicks / 100.0, serviceTicks / (seconds * cores), cores, serviceMs,
                            machineTicks / 100.0, machineTicks / (seconds * cores), machineTicks * 10.0 / Math.max(1, submissions),
                            cores, serviceMs == 0 ? 0 : cores * 1000 / serviceMs);
        }

        /** utime + stime of a process (fields 14 and 15), or user + nice + system + irq + softirq of all CPUs. */
        static long ticks(Path file, boolean process) {
            try {
                String line = Files.readAllLines(file).get(0);
                if (process) {
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
                String[] f = line.trim().split("\\s+");
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    private static void oneSubmission(String call, byte[] docx, Stats create, Stats upload, Stats submit) throws Exception {
        long t0 = System.nanoTime();
        String draft = draft(call);
        long t1 = System.nanoTime();
        create.add(t1 - t0);
        HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/submissions/" + draft
                + "/documents?role=MAIN&fileName=bench.docx"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(docx)).build(), HttpResponse.BodyHandlers.ofString());
        long t2 = System.nanoTime();
        upload.add(t2 - t1);
        check(up, 201);
        HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/submissions/" + draft + "/submit"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        submit.add(System.nanoTime() - t2);
        check(done, 200);
    }

    private static String openCall(long maxFileBytes) throws Exception {
        String callManager = Tokens.user("callmanager");
        Map<String, Object> body = Map.of("slug", "bench-" + UUID.randomUUID().toString().substring(0, 8),
                "mandate", "Benchmark", "title", Map.of("en", "Benchmark call"),
                "themes", List.of(Map.of("key", "data", "label", Map.of("en", "Data"))),
                "opensAt", Instant.now().minusSeconds(3600).toString(),
                "deadline", LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString(),
                "timeZone", "UTC", "latePolicy", "REJECT",
                "maxFileBytes", maxFileBytes, "maxSubmissionBytes", maxFileBytes * 2);
        String id = (String) JSON.readValue(check(post("/calls", callManager, JSON.writeValueAsString(body)), 201), Map.class).get("id");
        check(post("/calls/" + id + "/open", callManager, null), 200);
        return id;
    }

    private static String draft(String call) throws Exception {
        String body = JSON.writeValueAsString(Map.of("callId", call, "organisationName", "Benchmark organisation",
                "submitterCategory", "CIVIL_SOCIETY", "country", "CH",
                "contact", Map.of("name", "Bench Mark", "email", "bench@example.org"), "language", "en", "title", "Benchmark"));
        return (String) JSON.readValue(check(post("/submissions", Tokens.client("partner-odh"), body), 201), Map.class).get("id");
    }

    private static HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A valid .docx of {@code mib} MiB and a few KiB: one stored (uncompressed) random part; answers its SHA-256 (hex). */
    /**
     * A .docx with one stored part of {@code mib} MiB of random bytes from {@code seed}. Each path gets other bytes:
     * clamd keeps the hashes of clean files it scanned and answers the same bytes again without scanning them.
     */
    private static String largeDocx(Path file, int mib, long seed) throws Exception {
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(seed);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), digest);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(0);
            for (Map.Entry<String, byte[]> part : docxParts().entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/media/large.bin"));
            for (int i = 0; i < mib; i++) {
                random.nextBytes(chunk);
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The parts of a minimal Word document, taken from the test document builder. */
    private static Map<String, byte[]> docxParts() throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(
                new ByteArrayInputStream(TestDocuments.docx("A very large contribution")))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    /** Heap in use, from the service's Prometheus metrics. */
    private static long heapUsed() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*\\} ([0-9.E+]+)$").matcher(metrics);
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    private static void gc() throws Exception {
        new ProcessBuilder("jcmd", Long.toString(service.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        sleep(500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
