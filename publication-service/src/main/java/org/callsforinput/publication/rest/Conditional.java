package org.callsforinput.publication.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Conditional GET for listings (RFC 9110): a strong ETag from the bytes of the representation and a Last-Modified
 * from the data; 304 for a matching If-None-Match, or, without one, for an If-Modified-Since not older than the data.
 */
final class Conditional {

    /** Listings may be stored by caches but are checked every time: a retraction shows within a second. */
    static final String LISTING_CACHE = "public, no-cache";

    private Conditional() {
    }

    static Response respond(HttpHeaders headers, byte[] body, String mediaType, Instant lastModified, String vary) {
        return respond(headers, RenderedListings.Rendered.of(body, acceptsGzip(headers)), mediaType, lastModified, vary);
    }

    static Response respond(HttpHeaders headers, RenderedListings.Rendered rendered, String mediaType, Instant lastModified,
            String vary) {
        boolean gzip = rendered.gzip() != null && acceptsGzip(headers);
        String etag = gzip ? rendered.gzipEtag() : rendered.etag();
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        Response.ResponseBuilder response = notModified(headers, etag, modified)
                ? Response.notModified()
                : Response.ok(gzip ? rendered.gzip() : rendered.body(), mediaType);
        if (gzip) {
            response.header("Content-Encoding", "gzip");
        }
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, LISTING_CACHE);
        if (modified != null) {
            response.header(HttpHeaders.LAST_MODIFIED, httpDate(modified));
        }
        response.header(HttpHeaders.VARY, vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
        return response.build();
    }

    /** Whether the client takes gzip (RFC 9110, 12.5.3), not refused with q=0. */
    static boolean acceptsGzip(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING);
        if (accept == null) {
            return false;
        }
        return Arrays.stream(accept.split(",")).map(String::strip).anyMatch(coding -> {
            String[] parts = coding.split(";");
            if (!parts[0].strip().equalsIgnoreCase("gzip")) {
                return false;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().replace(" ", "");
                if (parameter.startsWith("q=") && parameter.substring(2).matches("0(\\.0{0,3})?")) {
                    return false;
                }
            }
            return true;
        });
    }

    static boolean notModified(HttpHeaders headers, String etag, Instant modified) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
        }
        String ifModifiedSince = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null && modified != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !modified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // an invalid date is ignored (RFC 9110, 13.1.3)
            }
        }
        return false;
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
