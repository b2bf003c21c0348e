package org.callsforinput.platform.eventing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How this replica's Kafka consumers join their groups (see {@link StaticMembership}). */
@ConfigMapping(prefix = "platform.kafka")
public interface MembershipConfig {

    /**
     * This replica's id for Kafka static group membership (environment {@code PLATFORM_KAFKA_INSTANCE_ID}, unique among
     * the running replicas of the service); unset, consumers are dynamic members.
     */
    Optional<String> instanceId();
}
