package org.callsforinput.platform.storage;

import java.time.Duration;

/**
 * Object storage could not be reached or did not answer in time (or answered with an error that is not about the
 * object). Every caller treats it the same way: retry later. Unchecked, so that a request ends in the one mapper
 * ({@code ProblemMapper}: 503 {@code storage-unavailable} with Retry-After) and a background loop in its back-off.
 */
public class StorageUnavailableException extends RuntimeException {

    /** What a client is told to wait before retrying, unless the operation knows better. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final Duration retryAfter;

    public StorageUnavailableException(String message, Throwable cause) {
        this(message, cause, DEFAULT_RETRY_AFTER);
    }

    public StorageUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
