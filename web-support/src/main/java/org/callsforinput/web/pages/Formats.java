package org.callsforinput.web.pages;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateExtension;

/** What templates do to the services' values: pick a language, show times, sizes and links safely. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** A text of a per-language map ({@code {"en": ..., "fr": ...}}) in {@code lang}, else English, else any. */
    static String in(JsonNode texts, String lang) {
        if (texts == null || !texts.isObject() || texts.isEmpty()) {
            return "";
        }
        for (String candidate : List.of(lang, "en")) {
            String text = texts.path(candidate).asText("");
            if (!text.isBlank()) {
                return text;
            }
        }
        return texts.elements().next().asText("");
    }

    /**
     * The text of exactly this language in the per-language map {@code field} ({@code {call.text('title', 'fr')}}), or
     * empty: the side-by-side form shows gaps as gaps. The map may be absent or null.
     */
    static String text(JsonNode node, String field, String lang) {
        return node.path(field).path(lang).asText("");
    }

    /** The element at {@code index} of a list, or a missing node (whose members are all missing too). */
    static Object at(List<?> list, int index) {
        return list == null || index >= list.size() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : list.get(index);
    }

    /** For a URL's query: {@code /language/fr?return={here.urlEncoded}}. */
    static String urlEncoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An instant ({@code 2026-05-12T21:59:00Z}) as {@code 2026-05-12 21:59 UTC}. */
    static String utc(String instant) {
        try {
            return WHEN.format(Instant.parse(instant).atOffset(ZoneOffset.UTC)) + " UTC";
        } catch (RuntimeException e) {
            return instant == null ? "" : instant;
        }
    }

    /** An instant in a time zone: {@code 2026-05-12 23:59 (Europe/Zurich)}. */
    static String inZone(String instant, String zone) {
        try {
            return WHEN.format(Instant.parse(instant).atZone(ZoneId.of(zone))) + " (" + zone + ")";
        } catch (RuntimeException e) {
            return utc(instant);
        }
    }

    /** A wall-clock time ({@code 2026-05-12T23:59:00}) as {@code 2026-05-12 23:59}. */
    static String wallClock(String local) {
        try {
            return WHEN.format(LocalDateTime.parse(local));
        } catch (RuntimeException e) {
            return local == null ? "" : local;
        }
    }

    /** The host a link leads to, shown next to it so nobody follows a link blind. */
    static String domain(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The URL if it is an http(s) one, else null: a {@code javascript:} or {@code data:} link is never a link here. */
    static String safeHref(String url) {
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) ? url.strip() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a list holds this value: {@code {#if call.mainTypes.has('DOCX')}}. */
    static boolean has(List<?> list, String value) {
        return list != null && list.contains(value);
    }

    /** A piece of a search match: text, and whether it is a found word. */
    @io.quarkus.qute.TemplateData
    public record Piece(String text, boolean found) {
    }

    /**
     * review-service's search match ({@code … un ⟦récépissé⟧ après …}) cut into pieces, so that the template marks the
     * found words with {@code <mark>} and escapes everything else.
     */
    static List<Piece> pieces(String match) {
        List<Piece> pieces = new java.util.ArrayList<>();
        if (match == null) {
            return pieces;
        }
        int at = 0;
        while (at < match.length()) {
            int start = match.indexOf('\u27E6', at);
            int end = start < 0 ? -1 : match.indexOf('\u27E7', start);
            if (start < 0 || end < 0) {
                pieces.add(new Piece(match.substring(at).replace("\u27E6", "").replace("\u27E7", ""), false));
                break;
            }
            if (start > at) {
                pieces.add(new Piece(match.substring(at, start), false));
            }
            pieces.add(new Piece(match.substring(start + 1, end), true));
            at = end + 1;
        }
        return pieces;
    }

    /** A size in bytes for people: {@code 1.2 MB}. */
    static String bytes(Number size) {
        if (size == null) {
            return "";
        }
        double value = size.doubleValue();
        String[] units = { "B", "KB", "MB", "GB", "TB" };
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? size.longValue() + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
