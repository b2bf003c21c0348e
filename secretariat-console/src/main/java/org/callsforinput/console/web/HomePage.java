package org.callsforinput.console.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.web.pages.Pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The start page (each role lands where its work is) and the signed-out page; the language switch is LanguageSwitch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final Pages pages;
    private final Template signedOut;

    public HomePage(Pages pages, @Location("signed-out.html") Template signedOut) {
        this.pages = pages;
        this.signedOut = signedOut;
    }

    @GET
    @RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR, Roles.CALL_MANAGER, Roles.ADMIN })
    public Response home() {
        String start = pages.is(Roles.REVIEWER) || pages.is(Roles.COORDINATOR) ? "/cases" : "/calls";
        return Response.seeOther(URI.create(start)).build();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return pages.render(signedOut);
    }
}
