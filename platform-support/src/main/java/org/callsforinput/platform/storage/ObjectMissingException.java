package org.callsforinput.platform.storage;

/**
 * The storage answered, and the object (or its bucket) is not there. Unchecked: what it means depends on the
 * operation (an upload not made yet, a stored document lost, an event naming a key that does not exist), so the
 * operations that know catch it; one that does not ends in {@code ProblemMapper}'s 404 {@code document-missing}.
 */
public class ObjectMissingException extends RuntimeException {


    private final String bucket;
    private final String key;

    public ObjectMissingException(String bucket, String key, String code) {
        super(bucket + "/" + key + ": " + code);
        this.bucket = bucket;
        this.key = key;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }
}
