package org.callsforinput.review.config;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;

/** The documents of cases: their text for reviewers and the redacted copies reviewers upload. Validated at start-up. */
@ConfigMapping(prefix = "review")
public interface DocumentsConfig {

    Documents documents();

    Redaction redaction();

    interface Documents {
        /** How often the document check looks for new documents (review.documents.interval, read by its @Scheduled). */
        Duration interval();

        /** The most characters of extracted text kept per document (review.documents.text-limit). */
        @Positive
        int textLimit();
    }

    interface Redaction {
        /** The largest redacted copy accepted, in bytes (review.redaction.max-size); the HTTP body limit must be at least this. */
        @Positive
        long maxSize();
    }
}
