package org.callsforinput.review.rest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.platform.http.ByteRanges;
import org.callsforinput.platform.http.ContentDisposition;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.platform.storage.ObjectMissingException;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.review.audit.AuditEntry;
import org.callsforinput.review.entity.CaseComment;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.review.rest.Requests.AssignmentRequest;
import org.callsforinput.review.rest.Requests.CommentRequest;
import org.callsforinput.review.rest.Requests.DecisionRequest;
import org.callsforinput.review.rest.Requests.RejectionRequest;
import org.callsforinput.review.rest.Requests.ScreeningRequest;
import org.callsforinput.review.service.Actor;
import org.callsforinput.review.service.CaseQueries;
import org.callsforinput.review.service.CaseWork;
import org.callsforinput.review.service.CleanedCopies;
import org.callsforinput.review.service.Redactions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * Cases for the review front-ends. Reviewers and coordinators read every case; reviewers work on the cases
 * assigned to them (claim one first), coordinators on any, and only coordinators assign and approve. Updates
 * carry the case's ETag in If-Match.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
@SecurityRequirement(name = "oidc")
@Tag(name = "Cases")
public class CaseResource {

    private static final String IF_MATCH_DESCRIPTION = "The case's ETag, as the last GET returned it";

    /** A history entry as a front-end shows it; before/after are the case's state around the action. */
    public record HistoryEntry(long seq, Instant at, String actor, String action, JsonNode before, JsonNode after) {
    }

    public record CommentView(UUID id, String author, String body, Instant createdAt) {
    }

    private final CaseQueries cases;
    private final CaseWork work;
    private final Redactions redactions;
    private final CleanedCopies cleanedCopies;
    private final ObjectStorage storage;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public CaseResource(CaseQueries cases, CaseWork work, Redactions redactions, CleanedCopies cleanedCopies,
            ObjectStorage storage, SecurityIdentity identity, ObjectMapper mapper) {
        this.cases = cases;
        this.work = work;
        this.redactions = redactions;
        this.cleanedCopies = cleanedCopies;
        this.storage = storage;
        this.identity = identity;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "List cases", description = "Filters combine with AND. `q` searches the case's title, summary, "
            + "organisation and reference and its documents' extracted text (web-search syntax: words, \"a phrase\", -word, or).")
    public CaseSummary.Page list(@RestQuery @Parameter(description = "A call's id") String callId,
            @RestQuery @Parameter(description = "NEW, IN_REVIEW, PROPOSED, DECIDED or WITHDRAWN") String status,
            @RestQuery @Parameter(description = "A user name, `me`, or `none` for unassigned cases") @Size(max = 100) String assignee,
            @RestQuery @Parameter(description = "A submitter category, e.g. CIVIL_SOCIETY") String category,
            @RestQuery @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code") String country,
            @RestQuery @Pattern(regexp = "[a-z]{2}", message = "an ISO 639-1 code") String language,
            @RestQuery @Parameter(description = "A thematic area the contributor named") @Size(max = 60) String theme,
            @RestQuery @Parameter(description = "A thematic tag a reviewer set") @Size(max = 60) String tag,
            @RestQuery @Parameter(description = "true or false") String late,
            @RestQuery @Parameter(description = "PUBLISH_IN_FULL, PUBLISH_WITHOUT_NAME or DO_NOT_PUBLISH") String consent,
            @RestQuery @Size(max = 500) String q,
            @RestQuery @Parameter(description = "`me`: the proposed decisions the caller may approve (proposed by someone else)")
            @Pattern(regexp = "me", message = "me") String approvableBy,
            @RestQuery @DefaultValue("-receivedAt") @Parameter(description = "receivedAt, updatedAt, reference, organisationName, "
                    + "country or status; a leading '-' for descending") String sort,
            @RestQuery @DefaultValue("0") @Min(0) @Max(10000) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int size) {
        String who = "me".equals(assignee) ? identity.getPrincipal().getName() : assignee;
        CaseQueries.Filter filter = new CaseQueries.Filter(QueryParams.uuid("callId", callId),
                QueryParams.enumValue("status", status, ReviewCase.Status.class), who,
                QueryParams.enumValue("category", category, SubmitterCategory.class), country, language, theme, tag,
                QueryParams.bool("late", late), QueryParams.enumValue("consent", consent, Consent.class), q,
                approvableBy == null ? null : identity.getPrincipal().getName());
        CaseQueries.Page result = cases.list(filter, sort, page, size);
        return new CaseSummary.Page(result.total(), result.totalExact(), page, size, result.items().stream()
                .map(c -> CaseSummary.of(c, result.matches().get(c.id))).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Open a case", description = "Its ETag is the version to send in If-Match with an update.")
    public Response get(UUID id) {
        ReviewCase c = found(id);
        return Versions.ok(CaseView.of(c, cases.documents(c.id)), c.version);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "A case's history: every action on it, oldest first, from the audit trail")
    public List<HistoryEntry> history(UUID id) {
        ReviewCase c = found(id);
        return AuditEntry.ofCase(c.id).stream()
                .map(e -> new HistoryEntry(e.seq, e.at, e.actor, e.action, json(e.before), json(e.after))).toList();
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed(Roles.REVIEWER)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "409", description = "Assigned to another reviewer, a conflict of interest, or the case is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "already-assigned", ref = "already-assigned"),
                    @ExampleObject(name = "conflict-of-interest", ref = "conflict-of-interest"),
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed") }))
    @Operation(summary = "Claim an unassigned case", description = "Refused when you declared a conflict of interest with it.")
    public Response claim(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return view(work.claim(id, Versions.required(ifMatch), actor()));
    }

    @PUT
    @Path("{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request") }))
    @APIResponse(responseCode = "409", description = "A conflict of interest of that reviewer, or the case is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "conflict-of-interest", ref = "conflict-of-interest"),
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed") }))
    @Operation(summary = "Assign a case to a reviewer", description = "Refused when the reviewer declared a conflict of interest with it.")
    public Response assign(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch,
            @NotNull @Valid AssignmentRequest request) {
        return view(work.assign(id, Versions.required(ifMatch), actor(), request.assignee()));
    }

    @DELETE
    @Path("{id}/assignee")
    @RolesAllowed(Roles.COORDINATOR)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "409", description = "The case is closed or not assigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed") }))
    @Operation(summary = "Take a case back from its reviewer")
    public Response unassign(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return view(work.unassign(id, Versions.required(ifMatch), actor()));
    }

    @PUT
    @Path("{id}/metadata")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "400", description = "Invalid metadata",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "nothing-to-complete", ref = "nothing-to-complete"),
                    @ExampleObject(name = "invalid-country", ref = "invalid-country") }))
    @APIResponse(responseCode = "409", description = "The field already has a value, or the case is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "metadata-already-set", ref = "metadata-already-set"),
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed") }))
    @Operation(summary = "Fill in missing metadata", description = "The submitter category, country and organisation name of a "
            + "contribution that arrived without them (by e-mail); what the contributor gave is never overwritten. The assignee or a coordinator.")
    public Response completeMetadata(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch,
            @NotNull @Valid Requests.MetadataRequest request) {
        return view(work.completeMetadata(id, Versions.required(ifMatch), actor(), request.submitterCategory(), request.country(),
                request.organisationName()));
    }

    @PUT
    @Path("{id}/screening")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "400", description = "Invalid screening",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "invalid-reason-code", ref = "invalid-reason-code"),
                    @ExampleObject(name = "unknown-tag", ref = "unknown-tag") }))
    @APIResponse(responseCode = "409", description = "Not in a status to screen, or the call is not known yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed"),
                    @ExampleObject(name = "call-unknown", ref = "call-unknown"),
                    @ExampleObject(name = "conflict-of-interest", ref = "conflict-of-interest") }))
    @Operation(summary = "Record the screening", description = "Within the mandate or not, a reason code, a note, thematic tags "
            + "from the call's areas, and flags for personal or sensitive data. The assignee or a coordinator.")
    public Response screen(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch,
            @NotNull @Valid ScreeningRequest request) {
        return view(work.screen(id, Versions.required(ifMatch), actor(), new CaseWork.Screening(request.withinMandate(),
                request.reasonCode(), request.note(), request.tags(), request.personalData(), request.sensitiveData())));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "400", description = "Invalid decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request") }))
    @APIResponse(responseCode = "409", description = "The decision does not fit the case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "not-screened", ref = "not-screened"),
                    @ExampleObject(name = "decision-contradicts-screening", ref = "decision-contradicts-screening"),
                    @ExampleObject(name = "consent-forbids-publication", ref = "consent-forbids-publication"),
                    @ExampleObject(name = "no-redacted-copy", ref = "no-redacted-copy"),
                    @ExampleObject(name = "identifying-metadata", ref = "identifying-metadata"),
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed"),
                    @ExampleObject(name = "conflict-of-interest", ref = "conflict-of-interest") }))
    @Operation(summary = "Decide", description = "PUBLISH and PUBLISH_REDACTED are proposals that a coordinator other than the "
            + "proposer approves; CONSIDER_WITHOUT_PUBLISHING and OUT_OF_MANDATE are final. The assignee or a coordinator.")
    public Response decide(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch,
            @NotNull @Valid DecisionRequest request) {
        return view(work.decide(id, Versions.required(ifMatch), actor(), request.decision(), request.reason()));
    }

    @POST
    @Path("{id}/decision/approval")
    @RolesAllowed(Roles.COORDINATOR)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", description = "Not a coordinator, or the proposer themselves",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "forbidden", ref = "forbidden"),
                    @ExampleObject(name = "own-proposal", ref = "own-proposal") }))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "409", description = "No proposal to approve, or its documents are not verified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed"),
                    @ExampleObject(name = "documents-not-verified", ref = "documents-not-verified"),
                    @ExampleObject(name = "identifying-metadata", ref = "identifying-metadata"),
                    @ExampleObject(name = "conflict-of-interest", ref = "conflict-of-interest") }))
    @Operation(summary = "Approve a proposed publication", description = "By a coordinator who is not the proposer; review.decided goes out.")
    public Response approve(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return view(work.approve(id, Versions.required(ifMatch), actor()));
    }

    @POST
    @Path("{id}/decision/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request") }))
    @APIResponse(responseCode = "409", description = "No proposal to send back",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition"),
                    @ExampleObject(name = "case-closed", ref = "case-closed") }))
    @Operation(summary = "Send a proposed publication back to review")
    public Response reject(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch,
            @NotNull @Valid RejectionRequest request) {
        return view(work.reject(id, Versions.required(ifMatch), actor(), request.reason()));
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "Internal comments, oldest first")
    public List<CommentView> comments(UUID id) {
        return CaseComment.ofCase(found(id).id).stream().map(CaseResource::comment).toList();
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an internal comment", description = "Comments never leave review-service.")
    @APIResponse(responseCode = "201", description = "The comment", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/cases/{id}/comments/{commentId}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid comment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request") }))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response addComment(UUID id, @NotNull @Valid CommentRequest request) {
        CaseComment created = work.comment(id, actor(), request.body());
        return Response.created(URI.create("/cases/" + id + "/comments/" + created.id)).entity(comment(created)).build();
    }

    @GET
    @Path("{id}/comments/{commentId}")
    @Operation(summary = "One internal comment")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentView comment(UUID id, UUID commentId) {
        ReviewCase c = found(id);
        return CaseComment.<CaseComment>findByIdOptional(commentId).filter(comment -> comment.caseId.equals(c.id))
                .map(CaseResource::comment).orElseThrow(() -> ApiException.notFound("Comment " + commentId));
    }

    @GET
    @Path("{id}/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Blocking
    @Operation(summary = "Download a document", description = "The original as received, with `variant=redacted` its redacted "
            + "copy, with `variant=cleaned` its metadata-cleaned copy. "
            + "One byte range (`Range: bytes=first-last`, `bytes=first-`, `bytes=-suffix`) answers 206 with Content-Range; "
            + "a range past the end 416; a malformed Range or several ranges get the whole document (200).")
    @APIResponse(responseCode = "200", description = "The whole document")
    @APIResponse(responseCode = "206", description = "The requested byte range",
            headers = @Header(name = "Content-Range", description = "bytes first-last/size", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "416", description = "No byte of the document is in the requested range",
            headers = @Header(name = "Content-Range", description = "bytes */size", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "range-not-satisfiable",
                    ref = "range-not-satisfiable")))
    public Response download(UUID id, UUID documentId,
            @RestQuery @DefaultValue("original") @Pattern(regexp = "original|redacted|cleaned", message = "original, redacted or cleaned")
            String variant,
            @HeaderParam("Range") String rangeHeader) {
        CaseDocument d = cases.document(found(id), documentId);
        boolean redacted = "redacted".equals(variant);
        boolean cleaned = "cleaned".equals(variant);
        if (redacted && !d.isRedacted()) {
            throw ApiException.notFound("A redacted copy of document " + documentId);
        }
        if (cleaned && !d.isCleaned()) {
            throw ApiException.notFound("A metadata-cleaned copy of document " + documentId);
        }
        String bucket = redacted || cleaned ? redactions.bucket() : d.bucket;
        String key = redacted ? d.redactedKey : cleaned ? d.cleanedKey : d.objectKey;
        long size = redacted ? d.redactedSize : cleaned ? d.cleanedSize : d.sizeBytes;
        // Ranges as on the public downloads (RFC 9110): one range 206, none satisfiable 416, anything else the whole.
        ByteRanges.Answer range = ByteRanges.of(rangeHeader, null, null, size);
        if (range instanceof ByteRanges.Unsatisfiable unsatisfiable) {
            throw PlatformProblems.RANGE_NOT_SATISFIABLE.exception("The document has " + size
                    + " bytes: the range " + rangeHeader.strip() + " selects none of them",
                    Map.of("Content-Range", unsatisfiable.contentRange(), "Accept-Ranges", "bytes"));
        }
        InputStream in;
        try {
            in = range instanceof ByteRanges.Partial part ? storage.open(bucket, key, part.first(), part.length())
                    : storage.open(bucket, key);
        } catch (ObjectMissingException e) {
            throw PlatformProblems.DOCUMENT_MISSING.exception(
                    "The stored object of document " + documentId + " is missing (see its integrity)");
        }
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = range instanceof ByteRanges.Partial part
                ? Response.status(206).entity(body).type(redacted ? d.redactedContentType : d.contentType)
                        .header("Content-Range", part.contentRange()).header("Content-Length", part.length())
                : Response.ok(body, redacted ? d.redactedContentType : d.contentType).header("Content-Length", size);
        return response
                .header("Content-Disposition", ContentDisposition.attachment(redacted ? d.redactedFileName : d.fileName))
                .header("Accept-Ranges", "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @GET
    @Path("{id}/documents/{documentId}/text")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A document's extracted text", description = "404 until it is extracted (see the document's textState).")
    public Response text(UUID id, UUID documentId) {
        CaseDocument d = cases.document(found(id), documentId);
        if (d.textState != CaseDocument.TextState.EXTRACTED) {
            throw ApiException.notFound("Extracted text of document " + documentId + " (" + d.textState + ")");
        }
        return Response.ok(d.textContent, new MediaType("text", "plain", StandardCharsets.UTF_8.name()))
                .header("Content-Language", d.textLanguage).build();
    }

    @PUT
    @Path("{id}/documents/{documentId}/redacted")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @Operation(summary = "Upload a redacted copy of a document", description = "The body is the file (Word, PDF or ODT, checked by "
            + "its content). The original stays untouched; a new upload replaces the previous copy. The assignee or a coordinator.")
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "400", description = "No usable file name, an empty file, or an interrupted upload",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "invalid-file-name", ref = "invalid-file-name"),
                    @ExampleObject(name = "empty-file", ref = "empty-file"),
                    @ExampleObject(name = "upload-interrupted", ref = "upload-interrupted") }))
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The case is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "case-closed", ref = "case-closed"),
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition") }))
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "413", description = "Over the redacted-copy limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "file-too-large", ref = "file-too-large"),
                    @ExampleObject(name = "request-too-large", ref = "request-too-large") }))
    @APIResponse(responseCode = "415", description = "Not a Word, PDF or ODT file, or its content is not what its name says",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "unsupported-document-type", ref = "unsupported-document-type"),
                    @ExampleObject(name = "content-mismatch", ref = "content-mismatch") }))
    @APIResponse(responseCode = "422", description = "The gate refused the document",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "macro-enabled-document", ref = "macro-enabled-document"),
                    @ExampleObject(name = "encrypted-document", ref = "encrypted-document"),
                    @ExampleObject(name = "zip-bomb", ref = "zip-bomb"),
                    @ExampleObject(name = "malformed-document", ref = "malformed-document"),
                    @ExampleObject(name = "xml-declarations", ref = "xml-declarations"),
                    @ExampleObject(name = "external-reference", ref = "external-reference"),
                    @ExampleObject(name = "unsafe-hyperlink", ref = "unsafe-hyperlink"),
                    @ExampleObject(name = "virus-found", ref = "virus-found") }))
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "503", description = "Storage or the virus scanner is away; nothing was kept",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "storage-unavailable", ref = "storage-unavailable"),
                    @ExampleObject(name = "scanner-unavailable", ref = "scanner-unavailable") }))
    public Response redact(UUID id, UUID documentId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch,
            @RestQuery @NotNull @Size(min = 1, max = 255) String fileName, InputStream body) {
        return view(redactions.upload(id, documentId, Versions.required(ifMatch), actor(), fileName, body));
    }

    @POST
    @Path("{id}/documents/{documentId}/cleaned-copy")
    @Blocking
    @Operation(summary = "Make a metadata-cleaned copy of a document", description = "For a case whose contributor asked to be "
            + "published without their name (PUBLISH_WITHOUT_NAME): the platform writes a copy of the Word (.docx) document with "
            + "its core and application properties emptied, its custom properties and people part removed and every comment "
            + "and tracked change attributed to \"Anonymous\"; every other part is copied unchanged. The original stays "
            + "untouched; both SHA-256 are shown on the case, and a publication of the case publishes the cleaned copy. "
            + ".doc, .pdf and .odt documents cannot be cleaned (409): upload a redacted copy instead. The assignee or a coordinator.")
    @APIResponse(responseCode = "200", ref = "CaseUpdated")
    @APIResponse(responseCode = "403", ref = "NotAssignee")
    @APIResponse(responseCode = "404", description = "No such case or document, or its stored object is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "not-found", ref = "not-found"),
                    @ExampleObject(name = "document-missing", ref = "document-missing") }))
    @APIResponse(responseCode = "409", description = "The consent names the submitter, the document is not a .docx, its stored object changed since intake, the cleaning left identifying metadata, or the case is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "consent-names-submitter", ref = "consent-names-submitter"),
                    @ExampleObject(name = "document-not-cleanable", ref = "document-not-cleanable"),
                    @ExampleObject(name = "document-integrity", ref = "document-integrity"),
                    @ExampleObject(name = "cleaning-incomplete", ref = "cleaning-incomplete"),
                    @ExampleObject(name = "case-closed", ref = "case-closed"),
                    @ExampleObject(name = "invalid-transition", ref = "invalid-transition") }))
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    @APIResponse(responseCode = "503", description = "Object storage cannot be reached; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "storage-unavailable", ref = "storage-unavailable") }))
    public Response clean(UUID id, UUID documentId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return view(cleanedCopies.make(id, documentId, Versions.required(ifMatch), actor()));
    }

    /** The case as it now stands, read in a transaction of its own (after the update's has committed). */
    private Response view(ReviewCase updated) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewCase c = found(updated.id);
            return Versions.ok(CaseView.of(c, cases.documents(c.id)), c.version);
        });
    }

    private ReviewCase found(UUID id) {
        return cases.find(id).orElseThrow(() -> ApiException.notFound("Case " + id));
    }

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole(Roles.COORDINATOR));
    }

    private static CommentView comment(CaseComment c) {
        return new CommentView(c.id, c.author, c.body, c.createdAt);
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable audit state", e);
        }
    }
}
