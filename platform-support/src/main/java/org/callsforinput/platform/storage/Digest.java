package org.callsforinput.platform.storage;

/** What passed through a stream: its size in bytes and its SHA-256 (lower-case hex). */
public record Digest(long size, String sha256) {

    public boolean matches(String expectedSha256, long expectedSize) {
        return size == expectedSize && sha256.equals(expectedSha256);
    }
}
