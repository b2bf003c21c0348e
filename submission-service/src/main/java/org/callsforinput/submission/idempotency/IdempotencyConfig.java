package org.callsforinput.submission.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code Idempotency-Key}: how long keys are kept and how a running request holds its key (see {@link IdempotencyStore}). */
@ConfigMapping(prefix = "submission.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its answer are kept: a retry within this replays the first answer. */
    @WithDefault("24h")
    Duration retention();

    /**
     * How long a running request's claim on its key outlives the last renewal: the claim of a process that died is
     * free again after this. Well above {@link #heartbeat()}.
     */
    @WithDefault("10s")
    Duration lease();

    /** How often this process renews the claims it holds (read by the heartbeat's @Scheduled). */
    @WithDefault("3s")
    Duration heartbeat();

    /** The longest a claimed request's transaction runs (a long upload included). */
    @WithDefault("1h")
    Duration maxDuration();
}
