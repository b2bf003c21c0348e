package org.callsforinput.platform.storage;

import java.time.Instant;

/** One entry of a bucket listing. */
public record StoredObject(String key, long size, Instant lastModified) {
}
