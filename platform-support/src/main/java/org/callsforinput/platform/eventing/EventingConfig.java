package org.callsforinput.platform.eventing;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;

/**
 * The event mechanism of every service: the outbox relay and the Kafka consumers. The values are platform-support's
 * defaults (its {@code META-INF/microprofile-config.properties}); a service or the environment overrides them.
 * Validated at start-up.
 */
@ConfigMapping(prefix = "platform")
public interface EventingConfig {

    Outbox outbox();

    Kafka kafka();

    interface Outbox {
        /** How often the relay looks for unsent events that no commit woke it for (read by its @Scheduled). */
        Duration interval();

        /** The most events the relay locks and sends in one transaction. */
        @Positive
        int batchSize();

        /** How long sent events stay in the outbox before they are purged. */
        Duration retention();
    }

    interface Kafka {
        /**
         * This replica's id for Kafka static group membership (environment {@code PLATFORM_KAFKA_INSTANCE_ID}, unique
         * among the running replicas of the service); unset, consumers are dynamic members (see
         * {@link StaticMembership}).
         */
        Optional<String> instanceId();
    }
}
