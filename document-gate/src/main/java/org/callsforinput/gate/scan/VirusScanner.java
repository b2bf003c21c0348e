package org.callsforinput.gate.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.gate.GateProblems;
import org.callsforinput.platform.problem.ApiException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Scans a file with ClamAV's clamd over TCP (INSTREAM) at {@code documents.clamav.host}. Scanning is required unless
 * {@code documents.clamav.scanning=off}: without a host the service then refuses to start (this bean is created at
 * start-up); with {@code off} it logs one WARN line at start-up and scans nothing.
 * <p>
 * Protocol (clamd's "z" commands end with a NUL byte, and so do its replies): {@code zINSTREAM\0}, then the file in
 * chunks, each preceded by its length as a 4-byte big-endian integer, then a chunk of length zero. clamd answers
 * {@code stream: OK}, {@code stream: <signature> FOUND}, or an error such as {@code INSTREAM size limit exceeded. ERROR}
 * (the file is larger than its {@code StreamMaxLength}). Memory use is one chunk per scan, whatever the file's size.
 * <p>
 * A scan is either of a file ({@link #scan}) or fed while the bytes arrive ({@link #start}): a large upload then
 * reaches clamd at the same time as the storage, instead of being read again and sent once it is stored.
 * <p>
 * Every 503 {@code scanner-unavailable} is counted: {@code platform_scanner_unavailable_total} on {@code /q/metrics}
 * (created at start, so that it is there before the first failure; the alert in docs/operations.md).
 */
@Startup
@ApplicationScoped
public class VirusScanner {

    static final String RETRY_AFTER_SECONDS = "30";
    private static final Logger LOG = Logger.getLogger(VirusScanner.class);
    private static final int MAX_REPLY_BYTES = 4096;
    private static final String STREAM = "stream: ";
    private static final String FOUND = " FOUND";
    /** What clamd reports, with {@code AlertExceedsMax yes}, for a file it did not scan whole. */
    private static final String LIMITS_EXCEEDED = "Heuristics.Limits.Exceeded.";

    private final ScanConfig config;
    private final Optional<String> host;
    // Closes the socket of a send that stalls: a blocking socket has no write timeout of its own.
    private final ScheduledThreadPoolExecutor watchdog;
    private final Counter unavailable;

    public VirusScanner(ScanConfig config, MeterRegistry registry) {
        if (config.chunkSize() < 1) {
            throw new IllegalArgumentException("documents.clamav.chunk-size must be positive");
        }
        this.config = config;
        this.host = clamd(config);
        this.unavailable = Counter.builder("platform.scanner.unavailable")
                .description("Scans refused as scanner-unavailable (clamd unreachable, timed out or not scanning)")
                .register(registry);
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "clamd-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /** clamd's host, or empty when scanning is off; refuses a required scanning without a host. */
    private static Optional<String> clamd(ScanConfig config) {
        Optional<String> host = config.host().map(String::strip).filter(h -> !h.isEmpty());
        if (config.scanning() == ScanConfig.Scanning.OFF) {
            LOG.warnf("Virus scanning is off (documents.clamav.scanning=off): documents are accepted WITHOUT a virus scan%s",
                    host.map(h -> "; documents.clamav.host " + h + " is ignored").orElse(""));
            return Optional.empty();
        }
        if (host.isEmpty()) {
            throw new IllegalStateException("Virus scanning is required (documents.clamav.scanning=required, the default)"
                    + " but no clamd is configured: set documents.clamav.host (DOCUMENTS_CLAMAV_HOST), or"
                    + " documents.clamav.scanning=off (DOCUMENTS_CLAMAV_SCANNING=off) to accept documents unscanned");
        }
        return host;
    }

    @PreDestroy
    void shutdown() {
        watchdog.shutdownNow();
    }

    /** Whether documents are scanned ({@code documents.clamav.scanning=required}). */
    public boolean enabled() {
        return host.isPresent();
    }

    /** {@code host:port} of clamd, or "off". */
    public String address() {
        return host.map(h -> h + ":" + config.port()).orElse("off");
    }

    /**
     * Scans {@code file}; does nothing when scanning is off.
     *
     * @throws ApiException 422 {@code virus-found} naming the signature, 422 {@code not-scannable} when clamd could not
     *         scan the file whole (its limits, with {@code AlertExceedsMax}); 503 {@code scanner-unavailable} (with
     *         {@code Retry-After}) when clamd cannot be reached, times out or cannot scan the file
     */
    public void scan(Path file) {
        if (host.isEmpty()) {
            return;
        }
        try (Scan scan = start(Files.size(file), file.getFileName().toString());
                InputStream in = Files.newInputStream(file)) {
            in.transferTo(scan);
            scan.verdict();
        } catch (IOException e) {
            // Reading the caller's own file failed, not clamd (whose failures the scan keeps for its verdict).
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a scan that is fed while the bytes pass (written to the returned stream as they arrive, in any pieces),
     * so that clamd receives the file at the same time as the storage does; {@link Scan#verdict} then ends the stream
     * and waits for clamd's answer. Does nothing when scanning is off. {@code expectedSize} (negative when
     * unknown) only sizes the buffer.
     *
     * @throws ApiException 503 {@code scanner-unavailable} when clamd cannot be reached
     */
    public Scan start(long expectedSize, String what) {
        if (host.isEmpty()) {
            return new Scan(null, 0, what);
        }
        // No larger than the file: a 1 MiB buffer for a 100 KB file would be a humongous allocation for the GC.
        int chunkSize = (int) Math.max(1, Math.min(config.chunkSize(), expectedSize < 0 ? 64 * 1024 : expectedSize));
        Socket socket;
        try {
            socket = connect();
        } catch (IOException e) {
            LOG.warnf("clamd at %s could not scan %s: %s", address(), what, e.toString());
            throw unavailable();
        }
        Scan scan = new Scan(socket, chunkSize, what);
        scan.send("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII), 10);
        return scan;
    }

    /**
     * One INSTREAM scan in progress. Writing never fails: a failure of clamd (gone, stalled, its size limit) is kept,
     * further bytes are dropped, and {@link #verdict} reports it, so a scanner failure can never be mistaken for the
     * uploader's stream failing. Closing without a verdict aborts the scan. Not thread-safe: one writer.
     */
    public final class Scan extends OutputStream {

        private final Socket socket;
        private final String what;
        private final byte[] chunk;
        private final AtomicBoolean stalled = new AtomicBoolean();
        private int filled;
        private IOException failure;
        private String earlyReply;
        private boolean done;

        private Scan(Socket socket, int chunkSize, String what) {
            this.socket = socket;
            this.what = what;
            this.chunk = socket == null ? null : new byte[4 + chunkSize];
        }

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (socket == null || failure != null || done) {
                return;
            }
            int capacity = chunk.length - 4;
            while (length > 0 && failure == null) {
                int n = Math.min(length, capacity - filled);
                System.arraycopy(bytes, offset, chunk, 4 + filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == capacity) {
                    sendChunk();
                }
            }
        }

        private void sendChunk() {
            putLength(chunk, filled);
            send(chunk, 4 + filled);
            filled = 0;
        }

        private void send(byte[] bytes, int length) {
            if (failure != null) {
                return;
            }
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                stalled.set(true);
                closeQuietly(socket);
            }, config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes, 0, length);
                out.flush();
            } catch (IOException e) {
                failure = stalled.get()
                        ? new IOException("no progress for " + config.timeout().toMillis() + " ms while sending", e)
                        : e;
                if (!stalled.get()) {
                    // clamd closes the stream early on a size limit; its reply says why.
                    try {
                        earlyReply = readReply(socket.getInputStream());
                    } catch (IOException ignored) {
                        // the failure itself is reported
                    }
                }
            } finally {
                alarm.cancel(false);
            }
        }

        /**
         * Ends the stream and waits for clamd's answer (bounded by the verdict timeout); does nothing when scanning is
         * off.
         *
         * @throws ApiException 422 {@code virus-found} naming the signature, 422 {@code not-scannable} when clamd
         *         could not scan the file whole (its limits, with {@code AlertExceedsMax}); 503
         *         {@code scanner-unavailable} (with {@code Retry-After}) when clamd failed, timed out or could not scan the file
         */
        public void verdict() {
            if (socket == null) {
                return;
            }
            if (done) {
                throw new IllegalStateException("verdict already given");
            }
            String reply;
            try {
                if (filled > 0) {
                    sendChunk();
                }
                send(new byte[4], 4); // length 0: end of stream
                if (failure == null) {
                    socket.setSoTimeout(millis(config.verdictTimeout()));
                }
                reply = failure == null ? readReply(socket.getInputStream()) : earlyReply;
                if (reply == null) {
                    throw failure;
                }
            } catch (IOException e) {
                LOG.warnf("clamd at %s could not scan %s: %s", address(), what, e.toString());
                throw unavailable();
            } finally {
                done = true;
                closeQuietly(socket);
            }
            if (reply.equals(STREAM + "OK")) {
                return;
            }
            if (reply.startsWith(STREAM) && reply.endsWith(FOUND) && reply.length() > STREAM.length() + FOUND.length()) {
                String signature = reply.substring(STREAM.length(), reply.length() - FOUND.length()).strip();
                if (signature.startsWith(LIMITS_EXCEEDED)) {
                    // AlertExceedsMax: clamd could not scan the file whole (size, nesting, file count or time).
                    LOG.infof("clamd could not scan %s completely (%s); the upload is refused", what, signature);
                    throw GateProblems.NOT_SCANNABLE.exception(
                            "The virus scanner cannot check this file completely (" + signature.substring(
                                    LIMITS_EXCEEDED.length()) + " exceeds its limit); it was refused and not kept");
                }
                LOG.infof("clamd found %s in %s; the upload is refused", signature, what);
                throw GateProblems.VIRUS_FOUND.exception(
                        "The virus scanner found " + signature + " in the file; it was refused and not kept");
            }
            // For example "INSTREAM size limit exceeded. ERROR": clamd's StreamMaxLength is below the call's file limit.
            LOG.warnf("clamd at %s did not scan %s: %s", address(), what, reply);
            throw unavailable();
        }

        /** Aborts a scan that has no verdict yet (clamd drops the stream); after a verdict, nothing. */
        @Override
        public void close() {
            done = true;
            if (socket != null) {
                closeQuietly(socket);
            }
        }
    }

    /** Sends {@code zPING}; true when clamd answers {@code PONG}. */
    public boolean ping() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return "PONG".equals(readReply(socket.getInputStream()));
        }
    }

    private Socket connect() throws IOException {
        int timeout = millis(config.timeout());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host.orElseThrow(), config.port()), timeout);
            socket.setSoTimeout(timeout);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads up to the terminating NUL (or the end of the stream); the read timeout bounds the wait. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            if (reply.size() == MAX_REPLY_BYTES) {
                break;
            }
            reply.write(b);
        }
        if (reply.size() == 0) {
            throw new IOException("clamd closed the connection without an answer");
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    private static void putLength(byte[] chunk, int n) {
        chunk[0] = (byte) (n >>> 24);
        chunk[1] = (byte) (n >>> 16);
        chunk[2] = (byte) (n >>> 8);
        chunk[3] = (byte) n;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing to abort; nothing else to do.
        }
    }

    private ApiException unavailable() {
        unavailable.increment();
        return GateProblems.SCANNER_UNAVAILABLE.exception(
                "The file could not be checked for viruses at the moment; nothing was kept. Try again later.",
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
