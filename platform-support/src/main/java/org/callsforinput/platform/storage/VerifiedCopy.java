package org.callsforinput.platform.storage;

/**
 * What {@link ObjectStorage#copyVerified} found: the SHA-256 and size of the bytes it read, and the key they were
 * copied to when they matched what was expected (null otherwise: nothing was kept).
 */
public record VerifiedCopy(String sha256, long size, String objectKey) {

    public boolean matched() {
        return objectKey != null;
    }
}
