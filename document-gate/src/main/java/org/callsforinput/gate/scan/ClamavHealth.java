package org.callsforinput.gate.scan;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;

/**
 * Whether clamd answers (on {@code /q/health/well}, which no probe reads): a clamd outage fails uploads with 503
 * {@code scanner-unavailable}, but takes no replica out of rotation, since every replica shares the one clamd and
 * everything else the service does still works (docs/architecture.md "Health and metrics"). UP when clamd answers PING with PONG (data {@code scanning: required}, {@code clamd: host:port}); always up, with
 * data {@code scanning: off} and {@code clamd: off}, when scanning is turned off ({@code documents.clamav.scanning=off}).
 */
@Wellness
@ApplicationScoped
public class ClamavHealth implements HealthCheck {

    static final String NAME = "clamav";

    private final VirusScanner scanner;

    public ClamavHealth(VirusScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public HealthCheckResponse call() {
        if (!scanner.enabled()) {
            return HealthCheckResponse.named(NAME).up().withData("scanning", "off").withData("clamd", scanner.address())
                    .build();
        }
        try {
            boolean pong = scanner.ping();
            return HealthCheckResponse.named(NAME).status(pong).withData("scanning", "required")
                    .withData("clamd", scanner.address()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("scanning", "required")
                    .withData("clamd", scanner.address())
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
