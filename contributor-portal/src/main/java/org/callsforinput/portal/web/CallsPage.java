package org.callsforinput.portal.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.portal.PortalConfig;
import org.callsforinput.portal.api.SubmissionApi;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The open calls and one call's page: what it asks for, until when, what is accepted, what publication means. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class CallsPage {

    private final Pages pages;
    private final SubmissionApi api;
    private final Template home;
    private final Template call;
    private final Template signedOut;
    private final String publicUrl;

    public CallsPage(Pages pages, @RestClient SubmissionApi api, @Location("home.html") Template home,
            @Location("call.html") Template call, @Location("signed-out.html") Template signedOut,
            PortalConfig config) {
        this.pages = pages;
        this.api = api;
        this.home = home;
        this.call = call;
        this.signedOut = signedOut;
        this.publicUrl = config.publicUrl();
    }

    @GET
    public TemplateInstance home() {
        return pages.render(home).data("calls", api.calls("OPEN"));
    }

    @GET
    @Path("calls/{id}")
    public TemplateInstance call(@PathParam("id") UUID id) {
        JsonNode found = api.call(id);
        return pages.render(call).data("call", found).data("facts", CallFacts.of(found, Instant.now()))
                .data("publicUrl", publicUrl)
                // The countdown's text with placeholders, for the page's script that counts down (portal.js).
                .data("countdownFormat", MessageBundles.get(Msg.class, Localized.Literal.of(pages.lang())).countdown("DD", "HH", "MM"));
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return pages.render(signedOut);
    }
}
