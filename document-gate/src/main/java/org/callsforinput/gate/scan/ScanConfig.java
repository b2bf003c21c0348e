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

    /** Longest wait for clamd: to connect, to accept the next chunk, and for its verdict once the file is sent. */
    @WithDefault("10s")
    Duration timeout();

    /** Bytes sent per INSTREAM chunk; also the scanner's buffer per scan. Must stay below clamd's StreamMaxLength. */
    @WithDefault("1048576")
    int chunkSize();
}
