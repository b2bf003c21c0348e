package org.callsforinput.platform.eventing;

/**
 * A service's consumer of one incoming channel. Its {@code @Incoming} method reads the record, retries, and calls
 * {@link #handle}; the replay of the service's dead letters ({@link DeadLetters}) calls {@link #handle} directly, once,
 * for each record that came from the channel's topic.
 */
public interface ChannelConsumer {

    /** The channel of the consumer's {@code @Incoming} method (its topic is {@code mp.messaging.incoming.<channel>.topic}). */
    String channel();

    /** Applies the event; returns false when it was processed before (the inbox skipped it). */
    boolean handle(InboundEvent event);
}
