package org.callsforinput.contracts;

import java.util.UUID;

/**
 * A stored document as handed from one service to another: the receiving service may read the object at
 * {@code bucket}/{@code key} and must check it against {@code sha256} (lower-case hex).
 */
public record DocumentRef(
        UUID documentId,
        String role,
        String bucket,
        String key,
        String fileName,
        String contentType,
        long size,
        String sha256) {

    public static final String ROLE_MAIN = "MAIN";
    public static final String ROLE_ANNEX = "ANNEX";
}
