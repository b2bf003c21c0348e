package org.callsforinput.gate.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.callsforinput.gate.scan.ScanConfig.Scanning;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.TestDocuments;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * "No scanner" is an explicit setting: scanning is required by default, and a required scanning without clamd's host
 * refuses to start (the scanner is created at start-up); {@code off} says so once, as a WARN line, and in readiness.
 * No clamd needed (VirusScannerTest scans with a real one).
 */
class ScanningSettingTest {

    /** clamd's port in these settings: nothing listens there. */
    static final int NOBODY = TcpProxy.freePort();

    record Config(Scanning scanning, Optional<String> host) implements ScanConfig {

        @Override
        public int port() {
            return NOBODY;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration verdictTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int chunkSize() {
            return 1024;
        }
    }

    @Test
    void requiredWithoutAHostRefusesToStart() {
        for (Optional<String> host : List.of(Optional.<String>empty(), Optional.of("  "))) {
            IllegalStateException refused = catchThrowableOfType(IllegalStateException.class,
                    () -> new VirusScanner(new Config(Scanning.REQUIRED, host), new SimpleMeterRegistry()));
            assertThat(refused).as("host %s", host).isNotNull();
            assertThat(refused.getMessage()).contains("Virus scanning is required", "DOCUMENTS_CLAMAV_HOST",
                    "DOCUMENTS_CLAMAV_SCANNING=off");
        }
    }

    @Test
    void offIsLoggedOnceAsAWarningScansNothingAndReadinessSaysSo(@TempDir Path dir) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(VirusScanner.class.getName());
        logger.addHandler(capture);
        VirusScanner off;
        try {
            off = new VirusScanner(new Config(Scanning.OFF, Optional.of("127.0.0.1")), new SimpleMeterRegistry());
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
        assertThat(message(records.get(0))).isEqualTo("Virus scanning is off (documents.clamav.scanning=off): documents are"
                + " accepted WITHOUT a virus scan; documents.clamav.host 127.0.0.1 is ignored");
        assertThat(off.enabled()).isFalse();
        Path eicar = Files.write(dir.resolve("eicar.com"), TestDocuments.eicar());
        assertThatCode(() -> off.scan(eicar)).doesNotThrowAnyException();
        HealthCheckResponse ready = new ClamavHealth(off).call();
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ready.getData().orElseThrow()).containsEntry("scanning", "off").containsEntry("clamd", "off");
    }

    @Test
    void requiredWithAHostIsReadyOnlyWhenClamdAnswers() {
        VirusScanner required = new VirusScanner(new Config(Scanning.REQUIRED, Optional.of("127.0.0.1")),
                new SimpleMeterRegistry());

        assertThat(required.enabled()).isTrue();
        HealthCheckResponse ready = new ClamavHealth(required).call();
        assertThat(ready.getStatus()).as("nothing listens on clamd's port").isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(ready.getData().orElseThrow()).containsEntry("scanning", "required");
    }

    private static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }
}
