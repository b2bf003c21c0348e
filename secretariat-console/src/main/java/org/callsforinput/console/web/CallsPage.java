package org.callsforinput.console.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.callsforinput.console.ConsoleConfig;
import org.callsforinput.console.api.CallPreviewApi;
import org.callsforinput.console.api.SubmissionApi;
import org.callsforinput.web.api.ServiceException;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Calls for input: the list, one call, and (call managers) create, edit, open and close. */
@Path("/calls")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR, Roles.CALL_MANAGER, Roles.ADMIN })
public class CallsPage {

    private final SubmissionApi submission;
    private final CallPreviewApi previews;
    private final Pages pages;
    private final Problems problems;
    private final Template list;
    private final Template detail;
    private final Template form;
    private final String publicUrl;

    public CallsPage(@RestClient SubmissionApi submission, @RestClient CallPreviewApi previews, Pages pages, Problems problems, @Location("calls/list.html") Template list,
            @Location("calls/detail.html") Template detail, @Location("calls/form.html") Template form,
            ConsoleConfig config) {
        this.submission = submission;
        this.previews = previews;
        this.pages = pages;
        this.problems = problems;
        this.list = list;
        this.detail = detail;
        this.form = form;
        this.publicUrl = config.publicUrl();
    }

    @GET
    public TemplateInstance calls() {
        List<JsonNode> all = new ArrayList<>();
        if (pages.is(Roles.CALL_MANAGER)) {
            submission.calls("DRAFT").forEach(all::add);
        }
        submission.calls("OPEN").forEach(all::add);
        submission.calls("CLOSED").forEach(all::add);
        return pages.render(list).data("calls", all);
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.CALL_MANAGER)
    public TemplateInstance newCall() {
        return form(CallForm.blank(), null, Map.of(), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CALL_MANAGER)
    public Response create(MultivaluedMap<String, String> posted) {
        ObjectNode call = CallForm.read(posted);
        try {
            JsonNode created = submission.create(posted.getFirst("idempotencyKey"), call);
            return Response.seeOther(URI.create("/calls/" + created.path("id").asText())).build();
        } catch (ServiceException e) {
            return refused(e, call, null);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance call(@PathParam("id") UUID id) {
        JsonNode call = submission.call(id);
        return pages.render(detail).data("call", call)
                .data("publicPage", publicUrl + "/calls/" + call.path("slug").asText())
                .data("idempotencyKey", UUID.randomUUID().toString());
    }

    /**
     * The call's public page as publication-service renders it, drafts included, with a notice that it is not
     * public; under publication's Content-Security-Policy for that page (no script at all, its inline style).
     */
    @GET
    @Path("{id}/preview")
    @RolesAllowed({ Roles.CALL_MANAGER, Roles.ADMIN })
    public Response preview(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        String slug = submission.call(id).path("slug").asText();
        try (Response page = previews.preview(slug, lang == null ? pages.lang() : lang)) {
            return Response.ok(page.readEntity(String.class), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", page.getHeaderString("Content-Security-Policy"))
                    .header("X-Robots-Tag", "noindex")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Roles.CALL_MANAGER)
    public TemplateInstance edit(@PathParam("id") UUID id) {
        return form(submission.call(id), id, Map.of(), List.of());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CALL_MANAGER)
    public Response replace(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        ObjectNode call = CallForm.read(posted);
        try {
            submission.replace(id, call);
            return Response.seeOther(URI.create("/calls/" + id)).build();
        } catch (ServiceException e) {
            return refused(e, call, id);
        }
    }

    /** Opens or closes the call; the form's Idempotency-Key makes a second click replay the first answer. */
    @POST
    @Path("{id}/{change:open|close}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CALL_MANAGER)
    public Response changeStatus(@PathParam("id") UUID id, @PathParam("change") String change,
            MultivaluedMap<String, String> posted) {
        String key = posted.getFirst("idempotencyKey");
        if (change.equals("open")) {
            submission.open(key, id);
        } else {
            submission.close(key, id);
        }
        return Response.seeOther(URI.create("/calls/" + id)).build();
    }

    /** The form again, as posted, with the API's reasons next to the fields; the status is the API's. */
    private Response refused(ServiceException e, ObjectNode call, UUID id) {
        if (!e.isClientError()) {
            throw e;
        }
        Map<String, String> byField = CallForm.errorsByField(problems.fieldErrors(e));
        List<String> general = e.fieldErrors().isEmpty() ? List.of(problems.describe(e)) : List.of();
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(form(call, id, byField, general).render()).build();
    }

    private TemplateInstance form(JsonNode call, UUID id, Map<String, String> errors, List<String> general) {
        List<Integer> themeRows = new ArrayList<>();
        for (int i = 0; i < call.path("themes").size() + CallForm.EXTRA_THEME_ROWS; i++) {
            themeRows.add(i);
        }
        return pages.render(form).data("call", call).data("id", id).data("errors", errors).data("general", general)
                .data("themeRows", themeRows)
                .data("opensAt", CallForm.openingInput(call)).data("deadline", CallForm.deadlineInput(call))
                .data("maxFileMegabytes", CallForm.megabytes(call, "maxFileBytes"))
                .data("maxSubmissionMegabytes", CallForm.megabytes(call, "maxSubmissionBytes"))
                .data("languages3", CallForm.LANGUAGES).data("latePolicies", CallForm.LATE_POLICIES)
                .data("formats", CallForm.FORMATS).data("consents", CallForm.CONSENTS)
                .data("idempotencyKey", UUID.randomUUID().toString());
    }
}
