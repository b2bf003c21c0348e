package org.callsforinput.publication.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.publication.service.PublicQueries;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Rendered per-call listings (JSON, page, feed) with their ETag, kept in memory and keyed by everything they are
 * made of: the call's version, the number of its publications and the time of its last publication change, the
 * language and the public base address. A change makes a new key, so a listing is never served stale, also with
 * several replicas; only the small lookup of the call and its summary reaches the database on each request.
 */
@ApplicationScoped
public class RenderedListings {

    /**
     * A representation, its gzip-encoded form (for clients that accept it: a listing of a thousand contributions
     * shrinks about tenfold; null when not made) and their strong ETags, all computed once.
     */
    public record Rendered(byte[] body, String etag, byte[] gzip, String gzipEtag) {

        /** Both encodings, for the cache. */
        static Rendered of(byte[] body) {
            return of(body, true);
        }

        /** The identity encoding, and the gzip one only when asked for (a representation rendered for one answer). */
        static Rendered of(byte[] body, boolean withGzip) {
            String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(Conditional.sha256(body)).substring(0, 27);
            return new Rendered(body, "\"" + tag + "\"", withGzip ? gzip(body) : null, "\"" + tag + "-gzip\"");
        }

        private static byte[] gzip(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    private record Key(String kind, UUID callId, long callVersion, long published, Instant lastChange, String lang, String base) {
    }

    private final Cache cache;

    public RenderedListings(@CacheName("public-listings") Cache cache) {
        this.cache = cache;
    }

    Rendered get(String kind, PublicQueries.CallEntry entry, String lang, String base, Supplier<byte[]> render) {
        Key key = new Key(kind, entry.call().id, entry.call().version, entry.summary().published(), entry.summary().lastChange(),
                lang, base);
        return cache.get(key, k -> Rendered.of(render.get())).await().indefinitely();
    }
}
