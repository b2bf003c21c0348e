package org.callsforinput.submission.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The clean-up of objects no document owns ({@link OrphanCleanup}); how often it runs is
 * {@code submission.cleanup.interval}, read by its @Scheduled ({@code off} in tests, which run it themselves).
 */
@ConfigMapping(prefix = "submission.cleanup")
public interface CleanupConfig {

    /** How often the clean-up runs (read by its @Scheduled; {@code off} in tests). */
    String interval();

    /** Objects younger than this are left alone: their upload may still run. */
    @WithDefault("1h")
    Duration minAge();
}
