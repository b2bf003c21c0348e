package org.callsforinput.console.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.console.api.ReviewApi;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The audit trail's verification: review-service re-computes its hash chain and says whether it holds. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.COORDINATOR, Roles.ADMIN })
public class AuditPage {

    private final ReviewApi review;
    private final Pages pages;
    private final Template audit;

    public AuditPage(@RestClient ReviewApi review, Pages pages, @Location("audit.html") Template audit) {
        this.review = review;
        this.pages = pages;
        this.audit = audit;
    }

    @GET
    public TemplateInstance verification() {
        return pages.render(audit).data("verification", review.verifyAudit());
    }
}
