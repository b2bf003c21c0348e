package org.callsforinput.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.platform.security.Roles;
import org.callsforinput.review.audit.AuditTrail;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COORDINATOR, Roles.ADMIN })
@SecurityRequirement(name = "oidc")
@Tag(name = "Audit")
public class AuditResource {

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify the audit trail's hash chain", description = "Walks every entry in order and re-computes its hash. "
            + "`valid` is false and `brokenAt` names the first entry that does not hold when an entry was changed, removed or reordered.")
    public AuditTrail.Verification verify() {
        return audit.verify();
    }
}
