package org.callsforinput.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public state of a call after a change; consumers replace what they hold with it when {@code version}
 * is newer. Texts are keyed by language (en, fr, es).
 */
public record CallSnapshot(
        UUID callId,
        long version,
        String slug,
        String mandate,
        Map<String, String> title,
        Map<String, String> description,
        List<Theme> themes,
        Instant opensAt,
        Instant deadline,
        String timeZone,
        String status) {

    /** A thematic area of a call, with its labels by language. */
    public record Theme(String key, Map<String, String> label) {
    }
}
