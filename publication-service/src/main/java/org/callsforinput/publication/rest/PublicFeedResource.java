package org.callsforinput.publication.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.PublicQueries;
import org.callsforinput.publication.service.PublicationConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Atom feed of the latest contributions to all calls. No login. */
@Path("/public/feed")
@Produces(AtomFeeds.MEDIA_TYPE)
@PermitAll
@Tag(name = "Public")
public class PublicFeedResource {

    private final PublicQueries queries;
    private final AtomFeeds feeds;
    private final PublicationConfig config;

    public PublicFeedResource(PublicQueries queries, AtomFeeds feeds, PublicationConfig config) {
        this.queries = queries;
        this.feeds = feeds;
        this.config = config;
    }

    @GET
    @Operation(summary = "Atom feed of the latest published contributions to all calls")
    public Response feed(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
        PublicTexts t = PublicTexts.of(Languages.choose(lang, headers));
        List<PublicQueries.Published> latest = queries.latest(config.feedSize());
        Map<UUID, PublicCall> calls = queries.callsById(latest);
        // A retraction changes the feed too: the latest change of any call counts.
        Instant lastModified = queries.calls().stream()
                .flatMap(entry -> Stream.of(entry.call().updatedAt, entry.summary().lastChange()))
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        byte[] body = feeds.allCallsFeed(latest, calls, t, lastModified, feeds.base(uri));
        return Conditional.respond(headers, body, AtomFeeds.MEDIA_TYPE, lastModified, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
