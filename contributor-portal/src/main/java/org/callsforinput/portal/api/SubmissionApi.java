package org.callsforinput.portal.api;

import java.io.InputStream;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** submission-service's calls, submissions and receipts API (docs/api.md), as the signed-in contributor. */
@RegisterRestClient(configKey = "submission")
@RegisterProvider(UserTokenFilter.class)
@RegisterProvider(ServiceErrors.Submission.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SubmissionApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @GET
    @Path("/calls")
    JsonNode calls(@QueryParam("status") String status);

    @GET
    @Path("/calls/{id}")
    JsonNode call(@PathParam("id") UUID id);

    @GET
    @Path("/submissions")
    JsonNode submissions(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/submissions/{id}")
    JsonNode submission(@PathParam("id") UUID id);

    @POST
    @Path("/submissions")
    JsonNode create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, JsonNode draft);

    @PUT
    @Path("/submissions/{id}")
    JsonNode replace(@PathParam("id") UUID id, JsonNode draft);

    @DELETE
    @Path("/submissions/{id}")
    void delete(@PathParam("id") UUID id);

    /** A document streamed through the portal (the upload form without script). */
    @POST
    @Path("/submissions/{id}/documents")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    JsonNode upload(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") UUID id,
            @QueryParam("role") String role, @QueryParam("fileName") String fileName, InputStream file);

    /** A presigned URL for the browser to PUT a document straight to object storage. */
    @POST
    @Path("/submissions/{id}/uploads")
    JsonNode startUpload(@PathParam("id") UUID id, JsonNode upload);

    @POST
    @Path("/submissions/{id}/uploads/{uploadId}/complete")
    JsonNode completeUpload(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") UUID id,
            @PathParam("uploadId") UUID uploadId);

    @DELETE
    @Path("/submissions/{id}/documents/{documentId}")
    void removeDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @POST
    @Path("/submissions/{id}/submit")
    JsonNode submit(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") UUID id);

    @GET
    @Path("/submissions/{id}/receipt")
    JsonNode receipt(@PathParam("id") UUID id);

    @POST
    @Path("/submissions/{id}/withdraw")
    JsonNode withdraw(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") UUID id);

    @POST
    @Path("/receipts/verify")
    JsonNode verify(JsonNode jws);
}
