package org.callsforinput.publication.service;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.platform.storage.VerifiedCopy;

/**
 * This service's key policy for its bucket: public copies of published documents live under content-addressed keys
 * ({@code sha256/<hex>}), and a key only ever holds bytes whose SHA-256 was computed while they were written (the
 * platform's verified copy). Failures are the platform's storage exceptions.
 */
@ApplicationScoped
public class PublicStorage {

    private final ObjectStorage storage;

    public PublicStorage(ObjectStorage storage) {
        this.storage = storage;
    }

    public static String keyOf(String sha256) {
        return "sha256/" + sha256;
    }

    /**
     * Copies the object at {@code bucket}/{@code key} to its content-addressed key in this service's bucket when its
     * bytes have the expected SHA-256 and size; nothing is kept otherwise.
     */
    public VerifiedCopy copyVerified(String bucket, String key, String expectedSha256, long expectedSize) {
        return storage.copyVerified(bucket, key, expectedSha256, expectedSize, keyOf(expectedSha256));
    }

    /** Opens a public copy for reading; the caller closes the stream. */
    public InputStream open(String objectKey) {
        return storage.open(objectKey);
    }

    /** Opens {@code length} bytes of a public copy from {@code offset} (a Range request); the caller closes it. */
    public InputStream open(String objectKey, long offset, long length) {
        return storage.open(storage.bucket(), objectKey, offset, length);
    }

    /** Removes a public copy; removing one that is not there is fine. */
    public void remove(String objectKey) {
        storage.remove(objectKey);
    }
}
