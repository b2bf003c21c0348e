package org.callsforinput.review.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.review.service.CaseQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
@SecurityRequirement(name = "oidc")
@Tag(name = "Cases")
public class CaseResource {

    private final CaseQueries cases;

    public CaseResource(CaseQueries cases) {
        this.cases = cases;
    }

    @GET
    @Operation(summary = "List cases, newest first")
    public List<CaseView> list(@QueryParam("callId") UUID callId, @QueryParam("status") ReviewCase.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return cases.list(callId, status, page, size).stream().map(c -> CaseView.of(c, cases.documents(c.id))).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Open a case")
    public CaseView get(UUID id) {
        return cases.find(id).map(c -> CaseView.of(c, cases.documents(c.id)))
                .orElseThrow(() -> ApiException.notFound("Case " + id));
    }
}
