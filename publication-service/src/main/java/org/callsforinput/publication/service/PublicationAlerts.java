package org.callsforinput.publication.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * What needs a human: a document that does not match its decision, is missing, or is published without its copy.
 * Each is an error log line marked {@value #MARKER} (grep for it) and counted as
 * {@code platform_publication_alerts_total} on {@code /q/metrics} (created at start; the alert in docs/operations.md).
 */
@Startup
@ApplicationScoped
public class PublicationAlerts {

    /** The marker of every log line that needs a human. */
    public static final String MARKER = "PUBLICATION-ALERT";
    private static final Logger LOG = Logger.getLogger(PublicationAlerts.class);

    private final Counter raised;

    public PublicationAlerts(MeterRegistry registry) {
        this.raised = Counter.builder("platform.publication.alerts")
                .description("Publication alerts raised (PUBLICATION-ALERT log lines)").register(registry);
    }

    /** Logs {@code format} (with {@link String#format} arguments) after the marker, and counts it. */
    public void raise(String format, Object... params) {
        raised.increment();
        LOG.errorf(MARKER + " " + format, params);
    }
}
