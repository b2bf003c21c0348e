package org.callsforinput.submission.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a document is checked after it is stored ({@link DocumentChecks}); how often the background check polls is
 * {@code submission.documents.check-interval}, read by its @Scheduled.
 */
@ConfigMapping(prefix = "submission.documents")
public interface DocumentChecksConfig {

    /**
     * A document announced at least this large (streamed with a Content-Length, or presigned) is stored, answered
     * {@code 202 Accepted} as CHECKING, and checked by the document gate afterwards; smaller ones are checked before
     * the answer. Checking a GiB takes clamd tens of seconds, longer than a client should hold a request open.
     */
    @WithDefault("64M")
    MemorySize checkAfterStorageFrom();

    /** How often the background check looks for due documents (read by its @Scheduled). */
    String checkInterval();
}
