package org.callsforinput.gate.scan;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where ClamAV's clamd listens. Without a host, uploads are not scanned. */
@ConfigMapping(prefix = "documents.clamav")
public interface ScanConfig {

    /** clamd's host (TCP); empty or absent turns scanning off. */
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
