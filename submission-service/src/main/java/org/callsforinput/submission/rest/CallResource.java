package org.callsforinput.submission.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.submission.idempotency.Idempotent;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.submission.entity.CallForInput;
import org.callsforinput.submission.entity.CallForInput.Status;
import org.callsforinput.submission.service.CallService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls for input")
@Idempotent
public class CallResource {

    private final CallService calls;
    private final SecurityIdentity identity;

    public CallResource(CallService calls, SecurityIdentity identity) {
        this.calls = calls;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(summary = "List calls", description = "Open calls by default; CLOSED lists past calls; DRAFT is for call managers.")
    @APIResponse(responseCode = "200", description = "The calls with that status, soonest deadline first")
    @APIResponse(responseCode = "403", description = "DRAFT without the call-manager role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", ref = "forbidden")))
    public List<CallView> list(@QueryParam("status") @DefaultValue("OPEN") Status status) {
        if (status == Status.DRAFT && !identity.hasRole(Roles.CALL_MANAGER)) {
            throw new ForbiddenException();
        }
        Instant now = Instant.now();
        return calls.list(status).stream().map(call -> view(call, now)).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Read one call")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CallView get(UUID id) {
        return calls.find(id)
                .filter(call -> call.isPublic() || identity.hasRole(Roles.CALL_MANAGER))
                .map(call -> view(call, Instant.now()))
                .orElseThrow(() -> ApiException.notFound("Call " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CALL_MANAGER)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Create a call (as a draft)")
    @APIResponse(responseCode = "201", description = "The call, in DRAFT", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/calls/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidCall")
    @APIResponse(responseCode = "409", description = "Another call has this slug or intake address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "call-slug-taken", ref = "call-slug-taken"),
                    @ExampleObject(name = "intake-email-taken", ref = "intake-email-taken") }))
    public Response create(@Valid @NotNull CallRequest request) {
        CallForInput call = calls.create(request);
        return Response.created(URI.create("/calls/" + call.id)).entity(view(call, Instant.now())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}")
    @RolesAllowed(Roles.CALL_MANAGER)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Replace a call's definition")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "400", ref = "InvalidCall")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Another call has this slug or intake address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "call-slug-taken", ref = "call-slug-taken"),
                    @ExampleObject(name = "intake-email-taken", ref = "intake-email-taken") }))
    public CallView replace(UUID id, @Valid @NotNull CallRequest request) {
        return calls.replace(id, request).map(call -> view(call, Instant.now()))
                .orElseThrow(() -> ApiException.notFound("Call " + id));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed(Roles.CALL_MANAGER)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Open a call: it becomes public and accepts submissions from opensAt")
    @APIResponse(responseCode = "200", description = "The call, OPEN")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CallView open(UUID id) {
        return changeStatus(id, Status.OPEN);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.CALL_MANAGER)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Close a call: it stays public and accepts nothing more")
    @APIResponse(responseCode = "200", description = "The call, CLOSED")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CallView close(UUID id) {
        return changeStatus(id, Status.CLOSED);
    }

    private CallView changeStatus(UUID id, Status status) {
        return calls.changeStatus(id, status).map(call -> view(call, Instant.now()))
                .orElseThrow(() -> ApiException.notFound("Call " + id));
    }

    private static CallView view(CallForInput call, Instant now) {
        return CallView.of(call, call.timeliness(now).accepted());
    }
}
