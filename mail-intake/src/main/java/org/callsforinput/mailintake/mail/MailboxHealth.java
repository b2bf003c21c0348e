package org.callsforinput.mailintake.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the intake mailbox is connected; down (with the server's last error) while it is away. */
@Readiness
@ApplicationScoped
public class MailboxHealth implements HealthCheck {

    private final MailboxReader reader;

    public MailboxHealth(MailboxReader reader) {
        this.reader = reader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mailbox").status(reader.connected())
                .withData("error", reader.lastError() == null ? "" : reader.lastError()).build();
    }
}
