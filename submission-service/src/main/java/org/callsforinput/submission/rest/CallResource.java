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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.submission.entity.CallForInput;
import org.callsforinput.submission.entity.CallForInput.Status;
import org.callsforinput.submission.service.CallService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls for input")
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
    public CallView replace(UUID id, @Valid @NotNull CallRequest request) {
        return calls.replace(id, request).map(call -> view(call, Instant.now()))
                .orElseThrow(() -> ApiException.notFound("Call " + id));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed(Roles.CALL_MANAGER)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Open a call: it becomes public and accepts submissions from opensAt")
    public CallView open(UUID id) {
        return changeStatus(id, Status.OPEN);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.CALL_MANAGER)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Close a call: it stays public and accepts nothing more")
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
