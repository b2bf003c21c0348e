package org.callsforinput.submission.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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

import org.callsforinput.submission.SubmissionProblems;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.submission.idempotency.Idempotent;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.submission.entity.Submission;
import org.callsforinput.submission.receipt.Receipts;
import org.callsforinput.submission.service.Contributor;
import org.callsforinput.submission.service.SubmissionService;
import org.eclipse.microprofile.jwt.JsonWebToken;
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

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

@Path("/submissions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CONTRIBUTOR, Roles.MAIL_INTAKE })
@SecurityRequirement(name = "oidc")
@Tag(name = "Submissions")
@APIResponse(responseCode = "403", description = "Not a contributor, or the token names no organisation (claim org_id) and"
        + " is not an individual's (role individual: a self-registered contributor is an organisation of its own)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                @ExampleObject(name = "forbidden", ref = "forbidden"),
                @ExampleObject(name = "no-organisation", ref = "no-organisation") }))
@Idempotent
public class SubmissionResource {

    private final SubmissionService submissions;
    private final Receipts receipts;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public SubmissionResource(SubmissionService submissions, Receipts receipts, JsonWebToken token, SecurityIdentity identity) {
        this.submissions = submissions;
        this.receipts = receipts;
        this.token = token;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft for an open call")
    @APIResponse(responseCode = "201", description = "The draft", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/submissions/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid metadata, or no such public call",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "unknown-call", ref = "unknown-call"),
                    @ExampleObject(name = "invalid-country", ref = "invalid-country"),
                    @ExampleObject(name = "invalid-language", ref = "invalid-language"),
                    @ExampleObject(name = "unknown-theme", ref = "unknown-theme"),
                    @ExampleObject(name = "invalid-link", ref = "invalid-link") }))
    @APIResponse(responseCode = "409", description = "The call does not accept submissions now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "call-not-open", ref = "call-not-open"),
                    @ExampleObject(name = "deadline-passed", ref = "deadline-passed") }))
    @RolesAllowed(Roles.CONTRIBUTOR)
    public Response create(@Valid @NotNull SubmissionRequest request) {
        Submission draft = submissions.createDraft(contributor(), request);
        return Response.created(URI.create("/submissions/" + draft.id)).entity(view(draft)).build();
    }

    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MAIL_INTAKE)
    @Operation(summary = "Create a draft on behalf of an e-mail sender (mail-intake only)",
            description = "Channel EMAIL: the sender's address is the (unverified) contact, category and country stay empty"
                    + " for reviewers, the consent is the call's default. Documents and submit as for any draft.")
    @APIResponse(responseCode = "201", description = "The draft", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/submissions/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid metadata, or no such public call",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "unknown-call", ref = "unknown-call"),
                    @ExampleObject(name = "invalid-language", ref = "invalid-language"),
                    @ExampleObject(name = "invalid-link", ref = "invalid-link") }))
    @APIResponse(responseCode = "409", description = "The call does not accept submissions now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "call-not-open", ref = "call-not-open"),
                    @ExampleObject(name = "deadline-passed", ref = "deadline-passed") }))
    public Response createFromEmail(@Valid @NotNull EmailSubmissionRequest request) {
        Submission draft = submissions.createEmailDraft(contributor(), request);
        return Response.created(URI.create("/submissions/" + draft.id)).entity(view(draft)).build();
    }

    @GET
    @Operation(summary = "List your organisation's submissions, newest first")
    @APIResponse(responseCode = "200", description = "One page of submissions")
    @APIResponse(responseCode = "400", description = "page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "validation-failed", ref = "validation-failed")))
    public List<SubmissionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return submissions.list(contributor(), page, size).stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one of your organisation's submissions")
    @APIResponse(responseCode = "200", description = "The submission")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubmissionView get(UUID id) {
        return submissions.find(contributor(), id).map(this::view).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}")
    @Operation(summary = "Replace a draft's metadata")
    @APIResponse(responseCode = "200", description = "The draft")
    @APIResponse(responseCode = "400", description = "Invalid metadata, or another call",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "call-immutable", ref = "call-immutable"),
                    @ExampleObject(name = "invalid-country", ref = "invalid-country"),
                    @ExampleObject(name = "invalid-language", ref = "invalid-language"),
                    @ExampleObject(name = "unknown-theme", ref = "unknown-theme"),
                    @ExampleObject(name = "invalid-link", ref = "invalid-link") }))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not a draft any more, or the call does not accept submissions now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "not-a-draft", ref = "not-a-draft"),
                    @ExampleObject(name = "call-not-open", ref = "call-not-open"),
                    @ExampleObject(name = "deadline-passed", ref = "deadline-passed") }))
    @RolesAllowed(Roles.CONTRIBUTOR)
    public SubmissionView update(UUID id, @Valid @NotNull SubmissionRequest request) {
        return submissions.updateDraft(contributor(), id, request).map(this::view).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft and its documents")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not a draft: withdraw it instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not-a-draft", ref = "not-a-draft")))
    public Response delete(UUID id) {
        if (!submissions.deleteDraft(contributor(), id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @Operation(summary = "Upload a document by streaming it as the request body",
            description = "The body is the file itself (any Content-Type); its type is checked by content. Size limits apply while streaming.")
    @APIResponse(responseCode = "201", description = "The stored document", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/submissions/{id}/documents/{documentId}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "202", ref = "StoredForCheck")
    @APIResponse(responseCode = "400", description = "No usable file name, an empty file, or an interrupted upload",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "invalid-file-name", ref = "invalid-file-name"),
                    @ExampleObject(name = "empty-file", ref = "empty-file"),
                    @ExampleObject(name = "upload-interrupted", ref = "upload-interrupted") }))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "DraftClosedOrFull")
    @APIResponse(responseCode = "413", ref = "OverSizeLimit")
    @APIResponse(responseCode = "415", description = "A type the call does not accept, or content that is not what the name says",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "unsupported-document-type", ref = "unsupported-document-type"),
                    @ExampleObject(name = "content-mismatch", ref = "content-mismatch") }))
    @APIResponse(responseCode = "422", description = "Refused by the document checks or the virus scanner; nothing was kept",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "virus-found", ref = "virus-found"),
                    @ExampleObject(name = "not-scannable", ref = "not-scannable"),
                    @ExampleObject(name = "macro-enabled-document", ref = "macro-enabled-document"),
                    @ExampleObject(name = "encrypted-document", ref = "encrypted-document"),
                    @ExampleObject(name = "zip-bomb", ref = "zip-bomb"),
                    @ExampleObject(name = "xml-declarations", ref = "xml-declarations"),
                    @ExampleObject(name = "external-reference", ref = "external-reference"),
                    @ExampleObject(name = "unsafe-hyperlink", ref = "unsafe-hyperlink"),
                    @ExampleObject(name = "malformed-document", ref = "malformed-document") }))
    @APIResponse(responseCode = "503", ref = "StorageOrScannerAway")
    public Response upload(UUID id,
            @Parameter(description = "MAIN (the Word contribution) or ANNEX") @QueryParam("role") @DefaultValue("MAIN") Document.Role role,
            @Parameter(description = "Original file name, kept as metadata", example = "contribution.docx") @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        return stored(id, submissions.attach(contributor(), id, role, fileName, contentLength, body));
    }

    /** A document to upload straight to object storage: its name, role, size and SHA-256 (lower-case hex). */
    public record UploadRequest(
            @NotNull @Schema(examples = "MAIN") Document.Role role,
            @NotBlank @Size(max = 255) @Schema(examples = "Contribution ODH.docx") String fileName,
            @Positive @Schema(description = "Bytes", examples = "48213") long size,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "a lower-case hex SHA-256")
            @Schema(examples = "4d37a748c72a75226aca138fa9eb0c7c0a5e6fa0f30d374a05f5ba69630fa2ab") String sha256) {
    }

    @POST
    @Path("{id}/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a presigned URL to PUT a document straight to object storage",
            description = "PUT the file to the URL before it expires, then confirm with POST .../uploads/{uploadId}/complete.")
    @APIResponse(responseCode = "201", description = "The presigned PUT, valid for 15 minutes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionService.UploadTicket.class),
                    examples = @ExampleObject(name = "ticket", value = """
                            {"uploadId": "24b37fbc-7f55-432d-88ce-3bf20dfed4d2", "method": "PUT",
                             "url": "https://storage.example.org/submissions/submissions/5017930d-eb6b-4af2-8680-ae55c569a515/24b37fbc-7f55-432d-88ce-3bf20dfed4d2?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=…",
                             "expiresAt": "2023-05-10T14:13:42.107Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid announcement or file name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "invalid-file-name", ref = "invalid-file-name") }))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "DraftClosedOrFull")
    @APIResponse(responseCode = "413", ref = "OverSizeLimit")
    @APIResponse(responseCode = "415", description = "A type the call does not accept",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unsupported-document-type", ref = "unsupported-document-type")))
    @APIResponse(responseCode = "503", description = "Storage is away; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "storage-unavailable", ref = "storage-unavailable")))
    public Response startUpload(UUID id, @Valid @NotNull UploadRequest request) {
        SubmissionService.UploadTicket ticket = submissions.startUpload(contributor(), id, request.role(), request.fileName(),
                request.size(), request.sha256());
        return Response.status(201).entity(ticket).build();
    }

    @POST
    @Path("{id}/uploads/{uploadId}/complete")
    @Operation(summary = "Confirm a presigned upload: size, SHA-256 and content are verified")
    @APIResponse(responseCode = "201", description = "The stored document", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/submissions/{id}/documents/{documentId}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "202", ref = "StoredForCheck")
    @APIResponse(responseCode = "400", description = "The uploaded file is empty",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "empty-file", ref = "empty-file")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not a draft, the call does not accept submissions any more, nothing uploaded yet, "
            + "or the maximum number of files is reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "not-a-draft", ref = "not-a-draft"),
                    @ExampleObject(name = "call-not-open", ref = "call-not-open"),
                    @ExampleObject(name = "deadline-passed", ref = "deadline-passed"),
                    @ExampleObject(name = "upload-not-found", ref = "upload-not-found"),
                    @ExampleObject(name = "too-many-files", ref = "too-many-files") }))
    @APIResponse(responseCode = "413", ref = "OverSizeLimit")
    @APIResponse(responseCode = "415", description = "Content that is not what the name says, or a type the call no longer accepts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "content-mismatch", ref = "content-mismatch"),
                    @ExampleObject(name = "unsupported-document-type", ref = "unsupported-document-type") }))
    @APIResponse(responseCode = "422", description = "Not the announced file, or refused by the checks or the virus scanner; nothing was kept",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "size-mismatch", ref = "size-mismatch"),
                    @ExampleObject(name = "checksum-mismatch", ref = "checksum-mismatch"),
                    @ExampleObject(name = "virus-found", ref = "virus-found"),
                    @ExampleObject(name = "not-scannable", ref = "not-scannable"),
                    @ExampleObject(name = "macro-enabled-document", ref = "macro-enabled-document"),
                    @ExampleObject(name = "encrypted-document", ref = "encrypted-document"),
                    @ExampleObject(name = "zip-bomb", ref = "zip-bomb"),
                    @ExampleObject(name = "xml-declarations", ref = "xml-declarations"),
                    @ExampleObject(name = "external-reference", ref = "external-reference"),
                    @ExampleObject(name = "unsafe-hyperlink", ref = "unsafe-hyperlink"),
                    @ExampleObject(name = "malformed-document", ref = "malformed-document") }))
    @APIResponse(responseCode = "503", ref = "StorageOrScannerAway")
    public Response completeUpload(UUID id, UUID uploadId) {
        return stored(id, submissions.completeUpload(contributor(), id, uploadId));
    }

    /** 201 for a checked document, 202 for one whose check follows. */
    private static Response stored(UUID id, Document document) {
        URI location = URI.create("/submissions/" + id + "/documents/" + document.id);
        return (document.status == Document.Status.CHECKING ? Response.accepted() : Response.created(location))
                .location(location).entity(DocumentView.of(document)).build();
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @Operation(summary = "One document of a submission, with its status (CHECKING, ACCEPTED or REFUSED)")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DocumentView document(UUID id, UUID documentId) {
        return submissions.document(contributor(), id, documentId).map(DocumentView::of)
                .orElseThrow(() -> ApiException.notFound("Document " + documentId));
    }

    @DELETE
    @Path("{id}/documents/{documentId}")
    @Operation(summary = "Remove a document from a draft")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "NotADraft")
    public Response removeDocument(UUID id, UUID documentId) {
        if (!submissions.removeDocument(contributor(), id, documentId)) {
            throw ApiException.notFound("Document " + documentId);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit a complete draft; answers with the signed receipt")
    @APIResponse(responseCode = "200", description = "Received: the receipt and its signed JWS")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Already submitted, the call does not accept submissions now, a document "
            + "still being checked (retry after Retry-After seconds) or refused after it was stored (remove it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "already-submitted", ref = "already-submitted"),
                    @ExampleObject(name = "call-not-open", ref = "call-not-open"),
                    @ExampleObject(name = "deadline-passed", ref = "deadline-passed"),
                    @ExampleObject(name = "document-being-checked", ref = "document-being-checked"),
                    @ExampleObject(name = "document-refused", ref = "document-refused") }))
    @APIResponse(responseCode = "422", description = "No main document in Word format",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "incomplete-submission", ref = "incomplete-submission")))
    public Receipts.SignedReceipt submit(UUID id) {
        return submissions.submit(contributor(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/receipt")
    @Operation(summary = "The signed receipt of a submitted contribution")
    @APIResponse(responseCode = "200", description = "The receipt and its signed JWS")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Receipts.SignedReceipt receipt(UUID id) {
        return submissions.find(contributor(), id)
                .filter(s -> s.receiptJws != null)
                .map(s -> receipts.read(s.receiptJws))
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw a submitted contribution")
    @APIResponse(responseCode = "200", description = "The submission, WITHDRAWN (withdrawing again changes nothing)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "A draft: delete it instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not-submitted", ref = "not-submitted")))
    public SubmissionView withdraw(UUID id) {
        return submissions.withdraw(contributor(), id).map(this::view).orElseThrow(() -> notFound(id));
    }

    private SubmissionView view(Submission submission) {
        return SubmissionView.of(submission, submissions.documents(submission.id));
    }

    private Contributor contributor() {
        String organisation = token.getClaim(Roles.ORGANISATION_CLAIM);
        if (organisation == null || organisation.isBlank()) {
            if (!identity.hasRole(Roles.INDIVIDUAL) || token.getSubject() == null) {
                throw SubmissionProblems.NO_ORGANISATION.exception(
                        "Your token does not name an organisation (claim " + Roles.ORGANISATION_CLAIM + ")");
            }
            // A self-registered contributor is an organisation of its own, so sees only what it sent. Its name on the
            // public page is the request's organisationName; the token's names are the person's, not for publishing.
            String individual = Contributor.INDIVIDUAL_PREFIX + token.getSubject();
            return new Contributor(individual, individual, token.getSubject());
        }
        String name = token.getClaim(Roles.ORGANISATION_NAME_CLAIM);
        return new Contributor(organisation, name == null ? organisation : name, token.getSubject());
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("Submission " + id);
    }
}
