package org.callsforinput.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkus.logging.Log;

/**
 * An object and a local copy of its bytes in a temporary file, taken while they were hashed on their way; closing
 * it deletes the copy. The copy lets a caller check the content without reading the object back.
 */
public record Spooled(String key, long size, String sha256, Path spool) implements AutoCloseable {

    public Digest digest() {
        return new Digest(size, sha256);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            Log.warnf("Could not delete spool file %s: %s", spool, e.getMessage());
        }
    }
}
