package org.callsforinput.platform.storage;

/** A stream went over the byte limit its caller set; nothing beyond the limit was read or stored. */
public class SizeLimitExceededException extends RuntimeException {

    private final long limit;

    public SizeLimitExceededException(long limit) {
        super("more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
