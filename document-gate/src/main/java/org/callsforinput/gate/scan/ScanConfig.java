package org.callsforinput.gate.scan;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether documents are virus-scanned, and where ClamAV's clamd listens. Scanning is required unless it is turned off
 * explicitly ({@code documents.clamav.scanning=off}): a service that must scan but has no clamd's host does not start.
 */
@ConfigMapping(prefix = "documents.clamav")
public interface ScanConfig {

    /** Whether documents must be scanned; env {@code DOCUMENTS_CLAMAV_SCANNING}. */
    enum Scanning {
        /** Every document is scanned; without a {@link #host()} the service refuses to start. */
        REQUIRED,
        /** Documents are accepted without a scan (a WARN line at start-up says so; readiness data too). */
        OFF
    }

    /** {@code required} (the default) or {@code off}. */
    @WithDefault("required")
    Scanning scanning();

    /** clamd's host (TCP); needed when scanning is required, ignored when it is off. */
    Optional<String> host();

    @WithDefault("3310")
    int port();

    /** Longest wait for clamd to connect and to accept the next chunk. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Longest wait for clamd's verdict once the whole file is sent: clamd scans only then, and a large archive takes
     * time (about 19 s for 1,000 MiB on two cores). Keep it above clamd's {@code MaxScanTime}, so that clamd's own
     * limit answers first (a refusal) rather than this wait (a 503).
     */
    @WithDefault("150s")
    Duration verdictTimeout();

    /** Bytes sent per INSTREAM chunk; also the scanner's buffer per scan. Must stay below clamd's StreamMaxLength. */
    @WithDefault("1048576")
    int chunkSize();
}
