package org.callsforinput.platform.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a stream through while computing its SHA-256, counting its bytes, copying them (to a spool file, when a
 * copy is given), and stopping with {@link LimitExceededException} as soon as more than {@code limit} bytes arrive.
 * The one place where the platform hashes what it stores: the bytes pass once.
 */
public final class HashingInputStream extends FilterInputStream {

    /** Thrown while streaming when the body goes over the limit; nothing beyond it is read. */
    public static final class LimitExceededException extends IOException {
        private final long limit;

        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private final MessageDigest digest;
    private final OutputStream copy;
    private final long limit;
    private long count;
    private IOException readFailure;

    /** Hashes and counts only, without a limit. */
    public HashingInputStream(InputStream in) {
        this(in, null, Long.MAX_VALUE);
    }

    /** {@code copy} may be null. */
    public HashingInputStream(InputStream in, OutputStream copy, long limit) {
        super(in);
        this.copy = copy;
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new LimitExceededException(limit);
            }
            digest.update(buffer, offset, n);
            if (copy != null) {
                copy.write(buffer, offset, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Every byte must be hashed and counted.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The client's side of the stream failed (as opposed to the storage side). */
    public boolean sourceFailed() {
        return readFailure != null;
    }

    public long count() {
        return count;
    }

    /** The SHA-256 of what was read (lower-case hex); call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Size and SHA-256 of what was read; call once, at the end. */
    public Digest digest() {
        return new Digest(count, sha256());
    }
}
