package org.callsforinput.console.api;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.web.api.ServiceErrors;
import org.callsforinput.web.api.UserTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * review-service's cases API (docs/api.md), as the signed-in user. Every change names the case's version in If-Match
 * (the ETag of the GET), so a stale form is refused with 412 instead of overwriting a newer change.
 */
@RegisterRestClient(configKey = "review")
@RegisterProvider(UserTokenFilter.class)
@RegisterProvider(ServiceErrors.Review.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReviewApi {

    /** The queue: {@code filters} are the API's query parameters (callId, status, assignee, q, sort, page, ...). */
    @GET
    @Path("cases")
    JsonNode cases(@RestQuery Map<String, String> filters);

    @GET
    @Path("cases/{id}")
    RestResponse<JsonNode> caseById(@PathParam("id") UUID id);

    @GET
    @Path("cases/{id}/history")
    JsonNode history(@PathParam("id") UUID id);

    @GET
    @Path("cases/{id}/comments")
    JsonNode comments(@PathParam("id") UUID id);

    @POST
    @Path("cases/{id}/comments")
    JsonNode comment(@PathParam("id") UUID id, JsonNode comment);

    @PUT
    @Path("cases/{id}/assignee")
    JsonNode assign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String version, JsonNode assignment);

    @GET
    @Path("reviewers/{reviewer}/conflicts")
    JsonNode conflicts(@PathParam("reviewer") String reviewer);

    @POST
    @Path("cases/{id}/claim")
    JsonNode claim(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String version);

    @PUT
    @Path("cases/{id}/screening")
    JsonNode screen(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String version, JsonNode screening);

    @POST
    @Path("cases/{id}/decision")
    JsonNode propose(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String version, JsonNode decision);

    @POST
    @Path("cases/{id}/decision/approval")
    JsonNode approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String version);

    @POST
    @Path("cases/{id}/decision/rejection")
    JsonNode sendBack(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String version, JsonNode rejection);

    @PUT
    @Path("cases/{id}/metadata")
    JsonNode completeMetadata(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String version, JsonNode metadata);

    @POST
    @Path("cases/{id}/documents/{documentId}/cleaned-copy")
    JsonNode clean(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String version);

    @PUT
    @Path("cases/{id}/documents/{documentId}/redacted")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    JsonNode redact(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String version, @RestQuery String fileName, java.io.InputStream file);

    @GET
    @Path("cases/{id}/documents/{documentId}/text")
    @Produces(MediaType.TEXT_PLAIN)
    String text(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @GET
    @Path("cases/{id}/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    Response content(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @GET
    @Path("calls/{callId}/statistics")
    JsonNode statistics(@PathParam("callId") UUID callId);

    @GET
    @Path("calls/{callId}/export")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    Response export(@PathParam("callId") UUID callId, @jakarta.ws.rs.QueryParam("format") String format);

    @GET
    @Path("audit/verification")
    JsonNode verifyAudit();
}
