package org.callsforinput.platform.eventing;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;

/**
 * The transactional outbox relay of every service. The values are platform-support's defaults (its
 * {@code META-INF/microprofile-config.properties}); a service or the environment overrides them. Validated at start-up.
 */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent events that no commit woke it for (read by its @Scheduled). */
    Duration interval();

    /** The most events the relay locks and sends in one transaction. */
    @Positive
    int batchSize();

    /** How long sent events stay in the outbox before they are purged. */
    Duration retention();
}
