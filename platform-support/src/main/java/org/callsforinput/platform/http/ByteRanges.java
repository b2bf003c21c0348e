package org.callsforinput.platform.http;

import java.util.Locale;

/**
 * What a {@code Range} header (RFC 9110, section 14) asks of a representation of known size, for downloads that can be
 * resumed. One byte range is served as 206; a range set that no byte satisfies is 416; anything this server does not
 * serve as a part is answered in full (200), as the RFC lets a server do: no Range, another unit, a malformed header,
 * several ranges (no multipart/byteranges), or an {@code If-Range} that does not name the current entity tag.
 */
public final class ByteRanges {

    /** The answer to give. */
    public sealed interface Answer permits Full, Partial, Unsatisfiable {
    }

    /** The whole representation, 200. */
    public record Full() implements Answer {
    }

    /** Bytes {@code first} to {@code last} (inclusive) of {@code size}, 206. */
    public record Partial(long first, long last, long size) implements Answer {
        public long length() {
            return last - first + 1;
        }

        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** No byte of the representation is in the range set, 416 with {@link #contentRange()}. */
    public record Unsatisfiable(long size) implements Answer {
        public String contentRange() {
            return "bytes */" + size;
        }
    }

    private static final Full FULL = new Full();

    private ByteRanges() {
    }

    /**
     * @param range the Range header, or null
     * @param ifRange the If-Range header, or null
     * @param etag the representation's current strong entity tag, quoted
     * @param size the representation's length in bytes
     */
    public static Answer of(String range, String ifRange, String etag, long size) {
        if (range == null) {
            return FULL;
        }
        // If-Range needs a strong match; a date cannot match (these downloads send no Last-Modified).
        if (ifRange != null && !ifRange.strip().equals(etag)) {
            return FULL;
        }
        String header = range.strip();
        int equals = header.indexOf('=');
        if (equals < 0 || !header.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return FULL;
        }
        String set = header.substring(equals + 1).strip();
        if (set.isEmpty() || set.contains(",")) {
            return FULL;
        }
        int dash = set.indexOf('-');
        if (dash < 0) {
            return FULL;
        }
        String firstText = set.substring(0, dash).strip();
        String lastText = set.substring(dash + 1).strip();
        if (firstText.isEmpty()) {
            // suffix-range: the last N bytes
            if (!digits(lastText)) {
                return FULL;
            }
            long suffix = number(lastText);
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable(size);
            }
            return new Partial(Math.max(0, size - suffix), size - 1, size);
        }
        if (!digits(firstText) || (!lastText.isEmpty() && !digits(lastText))) {
            return FULL;
        }
        long first = number(firstText);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : number(lastText);
        if (last < first) {
            return FULL; // an invalid range-spec makes the header invalid: ignored
        }
        if (first >= size) {
            return new Unsatisfiable(size);
        }
        return new Partial(first, Math.min(last, size - 1), size);
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A position past what a long holds is past any representation's end. */
    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
    }
}
