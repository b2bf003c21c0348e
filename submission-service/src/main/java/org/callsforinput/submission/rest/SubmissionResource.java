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

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.submission.entity.Submission;
import org.callsforinput.submission.receipt.Receipts;
import org.callsforinput.submission.service.Contributor;
import org.callsforinput.submission.service.SubmissionService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

@Path("/submissions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CONTRIBUTOR)
@SecurityRequirement(name = "oidc")
@Tag(name = "Submissions")
public class SubmissionResource {

    private final SubmissionService submissions;
    private final Receipts receipts;
    private final JsonWebToken token;

    public SubmissionResource(SubmissionService submissions, Receipts receipts, JsonWebToken token) {
        this.submissions = submissions;
        this.receipts = receipts;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft for an open call")
    public Response create(@Valid @NotNull SubmissionRequest request) {
        Submission draft = submissions.createDraft(contributor(), request);
        return Response.created(URI.create("/submissions/" + draft.id)).entity(view(draft)).build();
    }

    @GET
    @Operation(summary = "List your organisation's submissions, newest first")
    public List<SubmissionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return submissions.list(contributor(), page, size).stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one of your organisation's submissions")
    public SubmissionView get(UUID id) {
        return submissions.find(contributor(), id).map(this::view).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}")
    @Operation(summary = "Replace a draft's metadata")
    public SubmissionView update(UUID id, @Valid @NotNull SubmissionRequest request) {
        return submissions.updateDraft(contributor(), id, request).map(this::view).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft and its documents")
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
    public Response upload(UUID id,
            @Parameter(description = "MAIN (the Word contribution) or ANNEX") @QueryParam("role") @DefaultValue("MAIN") Document.Role role,
            @Parameter(description = "Original file name, kept as metadata", example = "contribution.docx") @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        Document document = submissions.attach(contributor(), id, role, fileName, contentLength, body);
        return Response.created(URI.create("/submissions/" + id + "/documents/" + document.id))
                .entity(DocumentView.of(document)).build();
    }

    /** A document to upload straight to object storage: its name, role, size and SHA-256 (lower-case hex). */
    public record UploadRequest(
            @NotNull Document.Role role,
            @NotBlank @Size(max = 255) String fileName,
            @Positive long size,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "a lower-case hex SHA-256") String sha256) {
    }

    @POST
    @Path("{id}/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a presigned URL to PUT a document straight to object storage",
            description = "PUT the file to the URL before it expires, then confirm with POST .../uploads/{uploadId}/complete.")
    public Response startUpload(UUID id, @Valid @NotNull UploadRequest request) {
        SubmissionService.UploadTicket ticket = submissions.startUpload(contributor(), id, request.role(), request.fileName(),
                request.size(), request.sha256());
        return Response.status(201).entity(ticket).build();
    }

    @POST
    @Path("{id}/uploads/{uploadId}/complete")
    @Operation(summary = "Confirm a presigned upload: size, SHA-256 and content are verified")
    public Response completeUpload(UUID id, UUID uploadId) {
        Document document = submissions.completeUpload(contributor(), id, uploadId);
        return Response.created(URI.create("/submissions/" + id + "/documents/" + document.id))
                .entity(DocumentView.of(document)).build();
    }

    @DELETE
    @Path("{id}/documents/{documentId}")
    @Operation(summary = "Remove a document from a draft")
    public Response removeDocument(UUID id, UUID documentId) {
        if (!submissions.removeDocument(contributor(), id, documentId)) {
            throw ApiException.notFound("Document " + documentId);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit a complete draft; answers with the signed receipt")
    public Receipts.SignedReceipt submit(UUID id) {
        return submissions.submit(contributor(), id).map(s -> receipts.read(s.receiptJws)).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/receipt")
    @Operation(summary = "The signed receipt of a submitted contribution")
    public Receipts.SignedReceipt receipt(UUID id) {
        return submissions.find(contributor(), id)
                .filter(s -> s.receiptJws != null)
                .map(s -> receipts.read(s.receiptJws))
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw a submitted contribution")
    public SubmissionView withdraw(UUID id) {
        return submissions.withdraw(contributor(), id).map(this::view).orElseThrow(() -> notFound(id));
    }

    private SubmissionView view(Submission submission) {
        return SubmissionView.of(submission, submissions.documents(submission.id));
    }

    private Contributor contributor() {
        String organisation = token.getClaim(Roles.ORGANISATION_CLAIM);
        if (organisation == null || organisation.isBlank()) {
            throw new ApiException(403, "no-organisation", "No organisation",
                    "Your token does not name an organisation (claim " + Roles.ORGANISATION_CLAIM + ")");
        }
        String name = token.getClaim(Roles.ORGANISATION_NAME_CLAIM);
        return new Contributor(organisation, name == null ? organisation : name, token.getSubject());
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("Submission " + id);
    }
}
