package org.callsforinput.platform.eventing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * The service's dead-letter topic: {@code <quarkus.application.name>.dead-letter} (platform-support's default, which
 * the connector's {@code dead-letter-queue.topic} also reads), one per consuming service.
 */
@ConfigMapping(prefix = "platform.dead-letters")
public interface DeadLetterConfig {

    /** The topic where every incoming channel of the service puts the records it gave up on. */
    String topic();

    /** Longest a listing or a replay waits for the broker (metadata, offsets, each poll). */
    Duration timeout();
}
