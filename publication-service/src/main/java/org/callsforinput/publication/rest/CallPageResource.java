package org.callsforinput.publication.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.PublicPaths;
import org.callsforinput.publication.service.PublicQueries;
import org.callsforinput.publication.service.PublicationConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The public HTML pages, in English, French or Spanish ({@code ?lang=}, else Accept-Language). Qute escapes every
 * value; the pages run no script, and their Content-Security-Policy says so.
 */
@Path("/calls")
@Produces(MediaType.TEXT_HTML)
@PermitAll
@Tag(name = "Public")
public class CallPageResource {

    private static final String HTML = "text/html;charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance call(CallPage page);

        static native TemplateInstance calls(CallsPage page);
    }

    private final PublicQueries queries;
    private final PublicationConfig config;
    private final RenderedListings rendered;

    public CallPageResource(PublicQueries queries, PublicationConfig config, RenderedListings rendered) {
        this.queries = queries;
        this.config = config;
        this.rendered = rendered;
    }

    @GET
    @Operation(summary = "Public page listing the calls")
    public Response calls(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PublicTexts t = PublicTexts.of(Languages.choose(lang, headers));
        List<PublicQueries.CallEntry> calls = queries.calls();
        List<CallsPage.Item> items = calls.stream().map(entry -> new CallsPage.Item(
                Languages.pick(entry.call().title, t.lang()), entry.call().mandate,
                PublicPaths.page(entry.call().slug) + "?lang=" + t.lang(), t.statusText(entry.call().status),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale())
                        .format(entry.call().deadline.atZone(zone(entry.call().timeZone))),
                entry.summary().published())).toList();
        Instant lastModified = calls.stream()
                .flatMap(entry -> Stream.of(entry.call().updatedAt, entry.summary().lastChange()))
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        String html = Templates.calls(new CallsPage(t, CallPage.languages(null, t.lang()), items)).render();
        return page(headers, html, lastModified);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Public page of a call with its published contributions")
    public Response call(String slug, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PublicTexts t = PublicTexts.of(Languages.choose(lang, headers));
        PublicQueries.CallEntry entry = PublicCallResource.find(queries, slug);
        RenderedListings.Rendered html = rendered.get("page", entry, t.lang(), null,
                () -> Conditional.utf8(Templates.call(CallPage.of(entry.call(), queries.published(entry.call()), t, config.portalUrl())).render()));
        return page(headers, html, PublicCallResource.lastModified(entry));
    }

    @GET
    @Path("{slug}/preview")
    @RolesAllowed({ Roles.CALL_MANAGER, Roles.ADMIN })
    @SecurityRequirement(name = "oidc")
    @Tag(name = "Secretariat")
    @Operation(summary = "Preview of a call's public page, drafts included (call managers, admins)",
            description = "The page as the public will see it, with a notice that it is not public; never cached,"
                    + " not for search engines. A call created a moment ago may answer 404 until its event arrives.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "The slug or the language is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "malformed-slug", ref = "malformed-slug"),
                    @ExampleObject(name = "unsupported-language", ref = "unsupported-language") }))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response preview(String slug, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PublicTexts t = PublicTexts.of(Languages.choose(lang, headers));
        PublicCallResource.checkSlug(slug);
        PublicCall call = queries.anyCall(slug).orElseThrow(() -> PlatformProblems.NOT_FOUND.exception(
                "There is no call '" + slug + "'"));
        String html = Templates.call(CallPage.preview(call, queries.published(call), t, config.portalUrl())).render();
        return Response.ok(html, HTML)
                .header("Content-Security-Policy", config.pageContentSecurityPolicy())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response page(HttpHeaders headers, String html, Instant lastModified) {
        return page(headers, RenderedListings.Rendered.of(Conditional.utf8(html), Conditional.acceptsGzip(headers)), lastModified);
    }

    private Response page(HttpHeaders headers, RenderedListings.Rendered html, Instant lastModified) {
        Response response = Conditional.respond(headers, html, HTML, lastModified, HttpHeaders.ACCEPT_LANGUAGE);
        return Response.fromResponse(response)
                .header("Content-Security-Policy", config.pageContentSecurityPolicy())
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }
}
