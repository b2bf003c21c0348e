package org.callsforinput.publication.rest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.callsforinput.publication.PublicationProblems;
import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.PublicQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Public calls and their published contributions as JSON, and each call's Atom feed. No login. */
@Path("/public/calls")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class PublicCallResource {

    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");

    private final PublicQueries queries;
    private final ObjectMapper mapper;
    private final AtomFeeds feeds;
    private final RenderedListings rendered;

    public PublicCallResource(PublicQueries queries, ObjectMapper mapper, AtomFeeds feeds, RenderedListings rendered) {
        this.queries = queries;
        this.mapper = mapper;
        this.feeds = feeds;
        this.rendered = rendered;
    }

    @GET
    @Operation(summary = "List public calls, soonest deadline first, with the number of published contributions")
    public Response list(@Context HttpHeaders headers) {
        List<PublicQueries.CallEntry> calls = queries.calls();
        List<PublicViews.CallSummaryView> views = calls.stream()
                .map(entry -> PublicViews.summary(entry.call(), entry.summary())).toList();
        Instant lastModified = calls.stream()
                .flatMap(entry -> java.util.stream.Stream.of(entry.call().updatedAt, entry.summary().lastChange()))
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        return Conditional.respond(headers, json(views), MediaType.APPLICATION_JSON, lastModified, null);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One call with its published contributions, grouped by submitter category and sorted by name")
    public Response call(String slug, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PublicTexts t = PublicTexts.of(Languages.choose(lang, headers));
        PublicQueries.CallEntry entry = find(queries, slug);
        RenderedListings.Rendered body = rendered.get("json", entry, t.lang(), null,
                () -> json(PublicViews.call(entry.call(), queries.published(entry.call()), t)));
        return Conditional.respond(headers, body, MediaType.APPLICATION_JSON, lastModified(entry), HttpHeaders.ACCEPT_LANGUAGE);
    }

    @GET
    @Path("{slug}/feed")
    @Produces(AtomFeeds.MEDIA_TYPE)
    @Operation(summary = "Atom feed of a call's published contributions")
    public Response feed(String slug, @QueryParam("lang") String lang, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        PublicTexts t = PublicTexts.of(Languages.choose(lang, headers));
        PublicQueries.CallEntry entry = find(queries, slug);
        Instant lastModified = lastModified(entry);
        String base = feeds.base(uri);
        RenderedListings.Rendered body = rendered.get("feed", entry, t.lang(), base,
                () -> feeds.callFeed(entry.call(), queries.published(entry.call()), t, lastModified, base));
        return Conditional.respond(headers, body, AtomFeeds.MEDIA_TYPE, lastModified, HttpHeaders.ACCEPT_LANGUAGE);
    }

    static PublicQueries.CallEntry find(PublicQueries queries, String slug) {
        checkSlug(slug);
        return queries.callForListing(slug).orElseThrow(() -> PlatformProblems.NOT_FOUND.exception(
                "There is no public call '" + slug + "'"));
    }

    static void checkSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw PublicationProblems.MALFORMED_SLUG.exception(
                    "A call is named by its slug: lower-case letters, digits and dashes");
        }
    }

    static Instant lastModified(PublicQueries.CallEntry entry) {
        PublicCall call = entry.call();
        Instant change = entry.summary().lastChange();
        return change != null && change.isAfter(call.updatedAt) ? change : call.updatedAt;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the public view", e);
        }
    }
}
