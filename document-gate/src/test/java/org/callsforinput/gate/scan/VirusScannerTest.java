package org.callsforinput.gate.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.testing.TestDocuments;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The INSTREAM client against a real clamd that this class starts itself (Debian's clamav-daemon), with a signature
 * database of its own: one hash signature for the EICAR test file. No Quarkus; skipped only when clamd is not installed.
 */
class VirusScannerTest {

    static final String SIGNATURE = "Eicar-Test-Signature";
    /** clamd's StreamMaxLength here: small, so that the size-limit answer can be tested with a small file. */
    static final int STREAM_MAX_BYTES = 1024 * 1024;
    /** clamd's MaxFileSize here, below StreamMaxLength: a file between the two is received but not scanned whole. */
    static final int MAX_FILE_BYTES = 800 * 1024;

    static Path home;
    static Process clamd;
    static int port;

    record Config(Optional<String> host, int port, Duration timeout, Duration verdictTimeout, int chunkSize,
            Scanning scanning) implements ScanConfig {

        /** Scanning required with a host and turned off without one, as the launcher sets it. */
        Config(Optional<String> host, int port, Duration timeout, Duration verdictTimeout, int chunkSize) {
            this(host, port, timeout, verdictTimeout, chunkSize,
                    host.filter(h -> !h.isBlank()).isPresent() ? Scanning.REQUIRED : Scanning.OFF);
        }

        Config(Optional<String> host, int port, Duration timeout, int chunkSize) {
            this(host, port, timeout, timeout, chunkSize);
        }
    }

    @BeforeAll
    static void startClamd() throws Exception {
        Optional<Path> binary = clamdBinary();
        Assumptions.assumeTrue(binary.isPresent(), "clamd is not installed (Debian: apt-get install clamav-daemon;"
                + " ./platform test installs it): skipping the ClamAV tests");
        home = Files.createTempDirectory("clamd-test");
        Path db = Files.createDirectories(home.resolve("db"));
        Files.createDirectories(home.resolve("tmp"));
        byte[] eicar = TestDocuments.eicar();
        // What `sigtool --md5 FILE` prints: md5:size:name.
        Files.writeString(db.resolve("test.hdb"), md5(eicar) + ":" + eicar.length + ":" + SIGNATURE + "\n");
        port = freePort();
        Path config = home.resolve("clamd.conf");
        Files.writeString(config, """
                Foreground yes
                TCPSocket %d
                TCPAddr 127.0.0.1
                DatabaseDirectory %s
                TemporaryDirectory %s
                LogFile %s
                LogFileMaxSize 0
                LogTime yes
                PidFile %s
                StreamMaxLength %d
                MaxFileSize %d
                AlertExceedsMax yes
                ScanArchive yes
                """.formatted(port, db, home.resolve("tmp"), home.resolve("clamd.log"), home.resolve("clamd.pid"),
                STREAM_MAX_BYTES, MAX_FILE_BYTES));
        clamd = new ProcessBuilder(binary.get().toString(), "--config-file=" + config)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("clamd.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        VirusScanner scanner = scanner(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pongs(scanner)) {
            if (!clamd.isAlive() || System.nanoTime() > deadline) {
                fail("clamd did not start (exit " + (clamd.isAlive() ? "none" : clamd.exitValue()) + "):\n"
                        + Files.readString(home.resolve("clamd.out")));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (clamd != null) {
            clamd.destroy();
            if (!clamd.waitFor(15, TimeUnit.SECONDS)) {
                clamd.destroyForcibly();
                clamd.waitFor(5, TimeUnit.SECONDS);
            }
            assertThat(clamd.isAlive()).as("clamd stopped").isFalse();
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void eicarBuiltAtRunTimeIsTheStandardTestFile() throws Exception {
        assertThat(TestDocuments.eicar()).hasSize(68);
        assertThat(md5(TestDocuments.eicar())).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
    }

    @Test
    void cleanDocumentPasses(@TempDir Path dir) throws Exception {
        Path file = write(dir, "clean.docx", TestDocuments.docx("Findings from 2022 field monitoring."));

        assertThatCode(() -> scanner(port).scan(file)).doesNotThrowAnyException();
    }

    @Test
    void eicarIsRefusedNamingTheSignature(@TempDir Path dir) throws Exception {
        Path file = write(dir, "eicar.com", TestDocuments.eicar());

        ApiException e = catchThrowableOfType(() -> scanner(port).scan(file), ApiException.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.slug()).isEqualTo("virus-found");
        assertThat(e.getMessage()).contains(SIGNATURE);
        assertThat(e.headers()).isEmpty();
    }

    @Test
    void eicarInsideAWordDocumentIsFoundBecauseClamdUnpacksTheArchive(@TempDir Path dir) throws Exception {
        Path file = write(dir, "report.docx", TestDocuments.eicarDocx());

        ApiException e = catchThrowableOfType(() -> scanner(port).scan(file), ApiException.class);

        assertThat(e).isNotNull();
        assertThat(e.slug()).isEqualTo("virus-found");
        assertThat(e.getMessage()).contains(SIGNATURE);
    }

    @Test
    void infectedFileAboveClamdsScanLimitIsRefusedNotPassedUnscanned(@TempDir Path dir) throws Exception {
        // clamd's default (AlertExceedsMax no) answers OK for a file above MaxFileSize without scanning it; with
        // AlertExceedsMax yes it reports Heuristics.Limits.Exceeded.MaxFileSize, which the scanner refuses.
        Path file = write(dir, "large.docx", TestDocuments.largeDocx(MAX_FILE_BYTES + 64 * 1024, true));

        ApiException e = catchThrowableOfType(() -> scanner(port).scan(file), ApiException.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.slug()).isEqualTo("not-scannable");
        assertThat(e.getMessage()).contains("MaxFileSize");
    }

    @Test
    void fileIsSentInChunksOfTheConfiguredSize(@TempDir Path dir) throws Exception {
        Path eicar = write(dir, "eicar.com", TestDocuments.eicar());
        byte[] large = new byte[600 * 1024];
        Arrays.fill(large, (byte) 'a');
        Path clean = write(dir, "large.bin", large);
        VirusScanner sevenBytes = scanner(new Config(Optional.of("127.0.0.1"), port, Duration.ofSeconds(10), 7));
        VirusScanner fourKiB = scanner(new Config(Optional.of("127.0.0.1"), port, Duration.ofSeconds(10), 4096));

        assertThat(catchThrowableOfType(() -> sevenBytes.scan(eicar), ApiException.class).slug()).isEqualTo("virus-found");
        assertThatCode(() -> fourKiB.scan(clean)).doesNotThrowAnyException();
    }

    @Test
    void scanFedWhileTheBytesArriveFindsEicarInAWordDocumentWrittenInSmallPieces() {
        byte[] infected = TestDocuments.eicarDocx();
        byte[] clean = TestDocuments.docx("Findings from 2022 field monitoring.");

        ApiException found = catchThrowableOfType(() -> {
            try (VirusScanner.Scan scan = scanner(port).start(infected.length, "report.docx")) {
                for (int offset = 0; offset < infected.length; offset += 100) {
                    scan.write(infected, offset, Math.min(100, infected.length - offset));
                }
                scan.verdict();
            }
        }, ApiException.class);
        assertThat(found).isNotNull();
        assertThat(found.slug()).isEqualTo("virus-found");
        assertThat(found.getMessage()).contains(SIGNATURE);
        assertThatCode(() -> {
            // unknown size: the buffer is the default piece, the stream still ends with the whole file
            try (VirusScanner.Scan scan = scanner(port).start(-1, "clean.docx")) {
                scan.write(clean, 0, clean.length);
                scan.verdict();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void streamedScanAboveClamdsStreamLimitFailsOnlyAtItsVerdict() {
        byte[] piece = new byte[64 * 1024];
        try (VirusScanner.Scan scan = scanner(port).start(4L * STREAM_MAX_BYTES, "huge.bin")) {
            // clamd stops reading at its limit: the writes must not fail the caller's upload, only the verdict
            for (int i = 0; i < 4 * STREAM_MAX_BYTES / piece.length; i++) {
                scan.write(piece, 0, piece.length);
            }
            assertUnavailable(catchThrowableOfType(scan::verdict, ApiException.class));
        }
    }

    @Test
    void streamedScanWithClamdNotRunningIsRefusedBeforeAByteIsSent() {
        assertUnavailable(catchThrowableOfType(() -> scanner(freePort()).start(1 << 20, "a.docx"), ApiException.class));
    }

    @Test
    void streamedScanWithoutAHostDoesNothing() {
        VirusScanner off = scanner(new Config(Optional.empty(), port, Duration.ofSeconds(1), 1024));
        try (VirusScanner.Scan scan = off.start(-1, "eicar.com")) {
            scan.write(TestDocuments.eicar(), 0, 68);
            assertThatCode(scan::verdict).doesNotThrowAnyException();
        }
    }

    @Test
    void fileAboveClamdsStreamLimitIsAnUnavailableScanner(@TempDir Path dir) throws Exception {
        Path file = write(dir, "huge.bin", new byte[2 * STREAM_MAX_BYTES]);

        assertUnavailable(catchThrowableOfType(() -> scanner(port).scan(file), ApiException.class));
    }

    @Test
    void clamdNotRunningIsAnUnavailableScannerWithRetryAfter(@TempDir Path dir) throws Exception {
        Path file = write(dir, "clean.docx", TestDocuments.docx("text"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        VirusScanner away = new VirusScanner(new Config(Optional.of("127.0.0.1"), freePort(), Duration.ofSeconds(10), 1024),
                meters);

        assertUnavailable(catchThrowableOfType(() -> away.scan(file), ApiException.class));
        assertUnavailable(catchThrowableOfType(() -> away.start(-1, "a.docx"), ApiException.class));
        // counted for the alert on platform_scanner_unavailable_total
        assertThat(meters.get("platform.scanner.unavailable").counter().count()).isEqualTo(2);
    }

    @Test
    void clamdThatNeverAnswersTimesOut(@TempDir Path dir) throws Exception {
        Path small = write(dir, "clean.docx", TestDocuments.docx("text"));
        // Larger than the socket buffers on both sides: the send itself stalls, which the watchdog ends.
        Path large = write(dir, "large.bin", new byte[64 * 1024 * 1024]);
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            silent.setReceiveBufferSize(4096);
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = silent.accept(); // accepts, never reads, never answers
                        synchronized (held) {
                            held.add(s);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            VirusScanner scanner = scanner(new Config(Optional.of("127.0.0.1"), silent.getLocalPort(),
                    Duration.ofMillis(500), Duration.ofSeconds(2), 1024 * 1024));

            for (Path file : List.of(small, large)) {
                long start = System.nanoTime();
                assertUnavailable(catchThrowableOfType(() -> scanner.scan(file), ApiException.class));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
        } finally {
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void withoutAHostNothingIsScanned(@TempDir Path dir) throws Exception {
        Path file = write(dir, "eicar.com", TestDocuments.eicar());

        for (Optional<String> host : List.of(Optional.<String>empty(), Optional.of("  "))) {
            VirusScanner off = scanner(new Config(host, port, Duration.ofSeconds(1), 1024));
            assertThat(off.enabled()).isFalse();
            assertThatCode(() -> off.scan(file)).doesNotThrowAnyException();
        }
    }

    @Test
    void readinessPingsClamd() {
        HealthCheckResponse up = new ClamavHealth(scanner(port)).call();
        HealthCheckResponse down = new ClamavHealth(scanner(freePort())).call();
        HealthCheckResponse off = new ClamavHealth(
                scanner(new Config(Optional.empty(), 3310, Duration.ofSeconds(1), 1024))).call();

        assertThat(up.getName()).isEqualTo("clamav");
        assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(up.getData().orElseThrow()).containsEntry("clamd", "127.0.0.1:" + port);
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(off.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(off.getData().orElseThrow()).containsEntry("scanning", "off").containsEntry("clamd", "off");
    }

    private static void assertUnavailable(ApiException e) {
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.slug()).isEqualTo("scanner-unavailable");
        assertThat(e.headers()).isEqualTo(Map.of("Retry-After", "30"));
    }

    static VirusScanner scanner(int port) {
        return scanner(new Config(Optional.of("127.0.0.1"), port, Duration.ofSeconds(10), 1024 * 1024));
    }

    private static VirusScanner scanner(Config config) {
        return new VirusScanner(config, new SimpleMeterRegistry());
    }

    private static boolean pongs(VirusScanner scanner) {
        try {
            return scanner.ping();
        } catch (IOException e) {
            return false;
        }
    }

    /** clamd on the PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
    static Optional<Path> clamdBinary() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
        return dirs.stream()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "clamd"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static String md5(byte[] bytes) throws Exception {
        return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
    }
}
