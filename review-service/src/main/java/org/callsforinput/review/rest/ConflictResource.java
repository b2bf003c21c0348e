package org.callsforinput.review.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.review.ReviewProblems;
import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.review.audit.AuditTrail;
import org.callsforinput.review.entity.ReviewerConflict;
import org.callsforinput.review.rest.Requests.ConflictRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

/** Conflicts of interest reviewers declare: cases of that organisation or country are never assigned to them. */
@Path("/reviewers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Conflicts of interest")
public class ConflictResource {

    public record ConflictView(UUID id, String reviewer, ReviewerConflict.Kind kind, String value, Instant createdAt) {
        static ConflictView of(ReviewerConflict c) {
            return new ConflictView(c.id, c.reviewer, c.kind, c.value, c.createdAt);
        }
    }

    private final SecurityIdentity identity;
    private final AuditTrail audit;

    public ConflictResource(SecurityIdentity identity, AuditTrail audit) {
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Path("me/conflicts")
    @RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
    @Operation(summary = "My declared conflicts of interest")
    public List<ConflictView> mine() {
        return ReviewerConflict.of(me()).stream().map(ConflictView::of).toList();
    }

    @GET
    @Path("{reviewer}/conflicts")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "A reviewer's declared conflicts of interest")
    public List<ConflictView> of(String reviewer) {
        return ReviewerConflict.of(reviewer).stream().map(ConflictView::of).toList();
    }

    @POST
    @Path("me/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
    @Transactional
    @Operation(summary = "Declare a conflict of interest", description = "An organisation (by name: also matches co-submitters) "
            + "or a country (ISO 3166-1 alpha-2). Declaring the same one twice gives 409.")
    @APIResponse(responseCode = "201", description = "The conflict", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/reviewers/me/conflicts/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConflictView.class)))
    @APIResponse(responseCode = "400", description = "Invalid conflict",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "invalid-country", ref = "invalid-country") }))
    @APIResponse(responseCode = "409", description = "Declared already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "conflict-already-declared",
                    ref = "conflict-already-declared")))
    public Response declare(@NotNull @Valid ConflictRequest request) {
        String value = request.value().strip();
        if (request.kind() == ReviewerConflict.Kind.COUNTRY) {
            if (!value.matches("[A-Za-z]{2}")) {
                throw PlatformProblems.INVALID_COUNTRY.exception("A country conflict names an ISO 3166-1 alpha-2 code");
            }
            value = value.toUpperCase();
        }
        String normalised = value;
        if (ReviewerConflict.of(me()).stream().anyMatch(c -> c.kind == request.kind() && c.value.equalsIgnoreCase(normalised))) {
            throw ReviewProblems.CONFLICT_ALREADY_DECLARED.exception(
                    "Already declared: " + request.kind() + " " + value);
        }
        ReviewerConflict conflict = new ReviewerConflict();
        conflict.id = UUID.randomUUID();
        conflict.reviewer = me();
        conflict.kind = request.kind();
        conflict.value = value;
        conflict.createdAt = Instant.now();
        conflict.persist();
        audit.record(me(), "conflict.declared", null, null, ConflictView.of(conflict));
        return Response.created(URI.create("/reviewers/me/conflicts/" + conflict.id)).entity(ConflictView.of(conflict)).build();
    }

    @GET
    @Path("me/conflicts/{id}")
    @RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
    @Operation(summary = "One of my declared conflicts of interest")
    @APIResponse(responseCode = "200", description = "The conflict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConflictView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConflictView one(UUID id) {
        return ConflictView.of(ReviewerConflict.<ReviewerConflict>findByIdOptional(id).filter(c -> c.reviewer.equals(me()))
                .orElseThrow(() -> ApiException.notFound("Conflict " + id)));
    }

    @DELETE
    @Path("me/conflicts/{id}")
    @RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
    @Transactional
    @Operation(summary = "Withdraw one of my declared conflicts of interest")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response withdraw(UUID id) {
        ReviewerConflict conflict = ReviewerConflict.<ReviewerConflict>findByIdOptional(id).filter(c -> c.reviewer.equals(me()))
                .orElseThrow(() -> ApiException.notFound("Conflict " + id));
        conflict.delete();
        audit.record(me(), "conflict.withdrawn", null, ConflictView.of(conflict), null);
        return Response.noContent().build();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
