package org.callsforinput.console.api;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.web.api.ServiceErrors;
import org.callsforinput.web.api.UserTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** publication-service's webhook administration (docs/webhooks.md), as the signed-in admin. */
@RegisterRestClient(configKey = "publication")
@RegisterProvider(UserTokenFilter.class)
@RegisterProvider(ServiceErrors.Publication.class)
@Path("/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PublicationApi {

    @GET
    @Path("subscriptions")
    JsonNode subscriptions(@QueryParam("size") int size);

    @POST
    @Path("subscriptions")
    JsonNode create(JsonNode subscription);

    @GET
    @Path("subscriptions/{id}")
    JsonNode subscription(@PathParam("id") UUID id);

    @PUT
    @Path("subscriptions/{id}")
    JsonNode replace(@PathParam("id") UUID id, JsonNode subscription);

    @DELETE
    @Path("subscriptions/{id}")
    void delete(@PathParam("id") UUID id);

    @POST
    @Path("subscriptions/{id}/rotate-secret")
    JsonNode rotate(@PathParam("id") UUID id);

    @GET
    @Path("subscriptions/{id}/deliveries")
    JsonNode deliveries(@PathParam("id") UUID id, @QueryParam("status") String status, @QueryParam("size") int size);

    @POST
    @Path("deliveries/{id}/redeliver")
    JsonNode redeliver(@PathParam("id") UUID id);
}
