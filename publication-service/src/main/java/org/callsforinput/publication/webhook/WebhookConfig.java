package org.callsforinput.publication.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery: retry schedule, timeouts, secret rotation and the SSRF policy. */
@ConfigMapping(prefix = "publication.webhooks")
public interface WebhookConfig {

    /**
     * Delay before each attempt, the first one included (Standard Webhooks' example schedule). After the last
     * attempt fails, the delivery is FAILED.
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Multiplies every delay of the schedule; tests use a tiny scale, production 1. */
    @WithDefault("1")
    double retryScale();

    /** Longest wait a receiver's Retry-After may impose before the next attempt. */
    @WithDefault("24h")
    Duration maxRetryAfter();

    /** Whole request: connect, send, and the receiver's answer. Standard Webhooks recommends 15 to 30 s. */
    @WithDefault("15s")
    Duration requestTimeout();

    /**
     * How long a claimed delivery stays reserved for the worker that claimed it; renewed every third of it while the
     * attempt runs, so a crashed worker's delivery is sent again soon after this (at least 3 s).
     */
    @WithDefault("20s")
    Duration lease();

    /** How often the worker looks for due deliveries (it also runs right after every commit that enqueued some). */
    @WithDefault("1s")
    Duration interval();

    /** How long delivered and failed deliveries stay in the delivery log. */
    @WithDefault("30d")
    Duration retention();

    /** Deliveries claimed and sent (concurrently) per pass of the worker. */
    @WithDefault("20")
    int batchSize();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /**
     * CIDR networks that webhooks may reach although the SSRF policy refuses them (private, loopback, ...), for
     * example {@code 10.20.0.0/16} for a receiver inside the organisation. Empty by default.
     */
    Optional<List<String>> allowedNetworks();

    /**
     * The keyring that encrypts signing secrets at rest: entries {@code id:base64} (AES-256, base64 of 32 bytes; ids of
     * 1 to 32 letters, digits or '-'), the first encrypts new secrets, every one decrypts; environment
     * PUBLICATION_WEBHOOKS_ENCRYPTION_KEYS in production. Unset, with {@link #encryptionKey()} unset too: a key is
     * generated and kept in the database.
     */
    Optional<List<String>> encryptionKeys();

    /**
     * The single key of before the keyring (base64 of 32 bytes; PUBLICATION_WEBHOOKS_ENCRYPTION_KEY), its id derived
     * from it: the current key while {@link #encryptionKeys()} is unset, otherwise one more key that decrypts.
     */
    Optional<String> encryptionKey();

    /** Subscriptions re-encrypted per transaction by the re-encryption job. */
    @WithDefault("100")
    int reEncryptionBatchSize();

    /** Longest run of one re-encryption request; what is left is done by the next request. */
    @WithDefault("20s")
    Duration reEncryptionMaxDuration();
}
