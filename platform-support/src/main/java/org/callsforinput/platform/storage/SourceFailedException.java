package org.callsforinput.platform.storage;

/**
 * Reading the stream handed to {@link ObjectStorage} failed (a client's upload broke off), as opposed to the
 * storage failing: the caller's fault, not a reason to retry against the storage.
 */
public class SourceFailedException extends RuntimeException {

    public SourceFailedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
