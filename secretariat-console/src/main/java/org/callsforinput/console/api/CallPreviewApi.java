package org.callsforinput.console.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.web.api.ServiceErrors;
import org.callsforinput.web.api.UserTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** publication-service's preview of a call's public page, drafts included (call managers and admins). */
@RegisterRestClient(configKey = "publication")
@RegisterProvider(UserTokenFilter.class)
@RegisterProvider(ServiceErrors.Publication.class)
@Path("/calls")
public interface CallPreviewApi {

    /** The page's HTML, with the Content-Security-Policy it needs (its inline style). */
    @GET
    @Path("{slug}/preview")
    @Produces(MediaType.TEXT_HTML)
    Response preview(@PathParam("slug") String slug, @QueryParam("lang") String lang);
}
