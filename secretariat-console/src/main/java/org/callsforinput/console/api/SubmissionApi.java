package org.callsforinput.console.api;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** submission-service's calls API (docs/api.md), as the signed-in user. */
@RegisterRestClient(configKey = "submission")
@RegisterProvider(UserTokenFilter.class)
@RegisterProvider(ServiceErrors.Submission.class)
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SubmissionApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @GET
    JsonNode calls(@QueryParam("status") String status);

    @GET
    @Path("{id}")
    JsonNode call(@PathParam("id") UUID id);

    @POST
    JsonNode create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, JsonNode call);

    @PUT
    @Path("{id}")
    JsonNode replace(@PathParam("id") UUID id, JsonNode call);

    @POST
    @Path("{id}/open")
    JsonNode open(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") UUID id);

    @POST
    @Path("{id}/close")
    JsonNode close(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") UUID id);
}
