package org.callsforinput.gate.scan;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when clamd answers PING with PONG; always up (data "disabled") when scanning is not configured. */
@Readiness
@ApplicationScoped
public class ClamavReadiness implements HealthCheck {

    static final String NAME = "clamav";

    private final VirusScanner scanner;

    public ClamavReadiness(VirusScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public HealthCheckResponse call() {
        if (!scanner.enabled()) {
            return HealthCheckResponse.named(NAME).up().withData("clamd", "disabled").build();
        }
        try {
            boolean pong = scanner.ping();
            return HealthCheckResponse.named(NAME).status(pong).withData("clamd", scanner.address()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("clamd", scanner.address())
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
