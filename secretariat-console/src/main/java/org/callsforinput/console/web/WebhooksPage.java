package org.callsforinput.console.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.callsforinput.console.api.PublicationApi;
import org.callsforinput.web.api.ServiceException;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Admins: the UN site's webhook subscriptions (create with the secret shown once, rotate, pause, resume, delete) and
 * each one's delivery log with redelivery.
 */
@Path("/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class WebhooksPage {

    static final List<String> EVENT_TYPES = List.of("publication.published", "publication.retracted");
    static final List<String> DELIVERY_STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

    private final PublicationApi publication;
    private final Pages pages;
    private final Problems problems;
    private final Template list;
    private final Template detail;

    public WebhooksPage(@RestClient PublicationApi publication, Pages pages, Problems problems, @Location("webhooks/list.html") Template list,
            @Location("webhooks/detail.html") Template detail) {
        this.publication = publication;
        this.pages = pages;
        this.problems = problems;
        this.list = list;
        this.detail = detail;
    }

    @GET
    public TemplateInstance subscriptions() {
        return listPage(null, List.of());
    }

    /** The new subscription's secret is on this answer only (never in a URL, never stored by the console). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("url", value(form, "url"));
        var types = request.putArray("eventTypes");
        List<String> chosen = form.get("eventTypes");
        if (chosen != null) {
            chosen.forEach(types::add);
        }
        String callId = value(form, "callId");
        if (!callId.isBlank()) {
            request.put("callId", callId);
        }
        String description = value(form, "description");
        if (!description.isBlank()) {
            request.put("description", description);
        }
        try {
            JsonNode created = publication.create(request);
            return html(200, detailPage(UUID.fromString(created.path("id").asText()), created.path("secret").asText(), null));
        } catch (ServiceException e) {
            if (!e.isClientError() || e.status() == 403) {
                throw e;
            }
            return html(e.status(), listPage(request, problems.explain(e)));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance subscription(@PathParam("id") UUID id, @QueryParam("status") String status) {
        return detailPage(id, null, status);
    }

    @POST
    @Path("{id}/{action:pause|resume}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("id") UUID id, @PathParam("action") String action) {
        JsonNode current = publication.subscription(id);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("url", current.path("url").asText());
        request.set("eventTypes", current.path("eventTypes"));
        if (current.hasNonNull("callId")) {
            request.put("callId", current.path("callId").asText());
        }
        if (current.hasNonNull("description")) {
            request.put("description", current.path("description").asText());
        }
        request.put("active", action.equals("resume"));
        publication.replace(id, request);
        return Response.seeOther(URI.create("/webhooks/" + id)).build();
    }

    @POST
    @Path("{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("id") UUID id) {
        String secret = publication.rotate(id).path("secret").asText();
        return html(200, detailPage(id, secret, null));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id) {
        publication.delete(id);
        return Response.seeOther(URI.create("/webhooks")).build();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        publication.redeliver(deliveryId);
        return Response.seeOther(URI.create("/webhooks/" + id + "?redelivered=" + deliveryId)).build();
    }

    private TemplateInstance listPage(JsonNode typed, List<String> errors) {
        return pages.render(list).data("subscriptions", publication.subscriptions(200)).data("typed", typed)
                .data("errors", errors).data("eventTypes", EVENT_TYPES);
    }

    private TemplateInstance detailPage(UUID id, String secret, String status) {
        String filter = status != null && DELIVERY_STATUSES.contains(status) ? status : null;
        return pages.render(detail).data("subscription", publication.subscription(id)).data("secret", secret)
                .data("deliveries", publication.deliveries(id, filter, 100)).data("status", filter)
                .data("statuses", DELIVERY_STATUSES);
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
