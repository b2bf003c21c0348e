package org.callsforinput.publication.rest;

import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.http.ByteRanges;
import org.callsforinput.platform.http.ContentDisposition;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.storage.ObjectMissingException;
import org.callsforinput.platform.storage.StorageUnavailableException;
import org.callsforinput.publication.entity.ContributionDocument;
import org.callsforinput.publication.service.PublicQueries;
import org.callsforinput.publication.service.PublicStorage;
import org.callsforinput.publication.service.PublicationConfig;
import org.callsforinput.publication.service.PublicationAlerts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Published documents, exactly as received (or as approved redacted), under their public id. The bytes under an id
 * never change, so they are cached for long; a retraction turns the id into 410 Gone.
 */
@Path("/public/documents")
@PermitAll
@Tag(name = "Public")
public class PublicDocumentResource {

    private final PublicQueries queries;
    private final PublicStorage storage;
    private final PublicationConfig config;
    private final PublicationAlerts alerts;

    public PublicDocumentResource(PublicQueries queries, PublicStorage storage, PublicationConfig config,
            PublicationAlerts alerts) {
        this.queries = queries;
        this.storage = storage;
        this.config = config;
        this.alerts = alerts;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Download a published document, with its SHA-256 in Repr-Digest",
            description = "A single byte range (`Range: bytes=first-last`, `bytes=first-`, `bytes=-suffix`) is answered with 206 "
                    + "and Content-Range, so that a large download can be resumed; a range past the end with 416. A malformed "
                    + "Range, several ranges, or an If-Range other than the current ETag get the whole document (200).")
    @APIResponse(responseCode = "200", description = "The whole document")
    @APIResponse(responseCode = "206", description = "The requested byte range",
            headers = @Header(name = "Content-Range", description = "bytes first-last/size", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "416", description = "No byte of the document is in the requested range",
            headers = @Header(name = "Content-Range", description = "bytes */size", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "range-not-satisfiable",
                    ref = "range-not-satisfiable")))
    public Response download(String id, @Context HttpHeaders headers) {
        ContributionDocument document = published(id);
        if (Conditional.notModified(headers, etag(document), null)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag(document))
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl()).build();
        }
        String rangeHeader = headers.getHeaderString("Range");
        ByteRanges.Answer range = ByteRanges.of(rangeHeader, headers.getHeaderString("If-Range"), etag(document), document.sizeBytes);
        if (range instanceof ByteRanges.Unsatisfiable unsatisfiable) {
            throw PlatformProblems.RANGE_NOT_SATISFIABLE.exception("The document has " + document.sizeBytes
                    + " bytes: the range " + rangeHeader.strip() + " selects none of them",
                    Map.of("Content-Range", unsatisfiable.contentRange(), "Accept-Ranges", "bytes"));
        }
        InputStream in;
        try {
            in = range instanceof ByteRanges.Partial part
                    ? storage.open(document.objectKey, part.first(), part.length())
                    : storage.open(document.objectKey);
        } catch (ObjectMissingException e) {
            // Published means copied: a missing copy is an incident for the operators, and to the public the
            // storage is away for longer (their copy may be restored), not a document that does not exist.
            alerts.raise("published document %s has no stored copy at %s", document.id, document.objectKey);
            throw new StorageUnavailableException(e.getMessage(), e, Duration.ofMinutes(5));
        }
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        if (range instanceof ByteRanges.Partial part) {
            return withHeaders(Response.status(206).entity(body).type(document.contentType), document, part.length())
                    .header("Content-Range", part.contentRange())
                    .build();
        }
        return withHeaders(Response.ok(body, document.contentType), document, document.sizeBytes).build();
    }

    /** The headers of a download without its bytes (and without opening the stored copy). */
    @HEAD
    @Path("{id}")
    @Operation(summary = "The headers of a download")
    public Response head(String id) {
        ContributionDocument document = published(id);
        return withHeaders(Response.ok().type(document.contentType), document, document.sizeBytes).build();
    }

    private ContributionDocument published(String id) {
        UUID uuid = Ids.parse(id, "document");
        PublicQueries.DocumentLookup lookup = queries.document(uuid);
        return switch (lookup.availability()) {
            case UNKNOWN -> throw Ids.notFound("document", uuid);
            case GONE -> throw Ids.gone("document", uuid);
            case PUBLISHED -> lookup.document();
        };
    }

    private Response.ResponseBuilder withHeaders(Response.ResponseBuilder response, ContributionDocument document, long length) {
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256));
        return response
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", ContentDisposition.attachment(document.fileName))
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("Digest", "sha-256=" + digest)
                .header(HttpHeaders.ETAG, etag(document))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                .header("X-Content-Type-Options", "nosniff")
                // Whatever the type says, a document never runs as a page of this site.
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    private static String etag(ContributionDocument document) {
        return "\"" + document.sha256 + "\"";
    }

    private String cacheControl() {
        return "public, max-age=" + config.downloadMaxAge().toSeconds() + ", immutable";
    }
}
