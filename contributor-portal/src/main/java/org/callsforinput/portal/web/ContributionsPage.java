package org.callsforinput.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import org.callsforinput.portal.PortalConfig;
import org.callsforinput.portal.api.SubmissionApi;
import org.callsforinput.web.api.ServiceException;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A contribution from the first step to its receipt, and "my contributions". The draft lives in submission-service
 * from the first step on, so a contributor can stop and come back; every page reads it from there, as the signed-in
 * contributor, so another organisation's contribution is not found.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(PortalFrame.CONTRIBUTOR)
public class ContributionsPage {

    private static final String STEPS = "/contributions/";
    private static final java.util.List<String> STEP_NAMES = java.util.List.of("about", "details", "documents", "submit");

    private final Pages pages;
    private final Messages messages;
    private final SubmissionApi api;
    /** The signed-in person: their name and address fill in the contact of a first draft. */
    @Inject
    @IdToken
    JsonWebToken idToken;

    private final String publicUrl;
    private final Template about;
    private final Template details;
    private final Template documents;
    private final Template submit;
    private final Template receipt;
    private final Template list;
    private final Template status;
    private final Template withdraw;

    public ContributionsPage(Pages pages, Messages messages, @RestClient SubmissionApi api,
            PortalConfig config,
            @Location("contributions/about.html") Template about, @Location("contributions/details.html") Template details,
            @Location("contributions/documents.html") Template documents, @Location("contributions/submit.html") Template submit,
            @Location("contributions/receipt.html") Template receipt, @Location("contributions/list.html") Template list,
            @Location("contributions/status.html") Template status, @Location("contributions/withdraw.html") Template withdraw) {
        this.pages = pages;
        this.messages = messages;
        this.api = api;
        this.publicUrl = config.publicUrl();
        this.about = about;
        this.details = details;
        this.documents = documents;
        this.submit = submit;
        this.receipt = receipt;
        this.list = list;
        this.status = status;
        this.withdraw = withdraw;
    }

    // Step 1: who contributes. The first save creates the draft (with an Idempotency-Key: a double click, one draft).

    @GET
    @Path("calls/{callId}/contribute")
    public Response start(@PathParam("callId") UUID callId) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        String organisation = idToken.getClaim("org_name");
        values.put("organisationName", organisation);
        values.putObject("contact").put("name", (String) idToken.getClaim("name")).put("email", (String) idToken.getClaim("email"));
        values.put("language", pages.lang());
        return step(about, api.call(callId), null, values, Map.of(), false).build();
    }

    @POST
    @Path("calls/{callId}/contribute")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("callId") UUID callId, MultivaluedMap<String, String> form) {
        ObjectNode request = ContributionForm.first(callId, form);
        try {
            JsonNode draft = api.create(key(form), request);
            return next(draft.path("id").asText(), form, "about", "details");
        } catch (ServiceException e) {
            return refused(e, about, api.call(callId), null, request);
        }
    }

    @GET
    @Path("contributions/{id}/about")
    public Response about(@PathParam("id") UUID id, @QueryParam("saved") boolean saved) {
        return edit(id, about, saved);
    }

    @POST
    @Path("contributions/{id}/about")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveAbout(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return save(id, form, about, "about", "details", request -> ContributionForm.about(request, form));
    }

    // Step 2: the contribution itself.

    @GET
    @Path("contributions/{id}/details")
    public Response details(@PathParam("id") UUID id, @QueryParam("saved") boolean saved) {
        return edit(id, details, saved);
    }

    @POST
    @Path("contributions/{id}/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDetails(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return save(id, form, details, "details", "documents", request -> ContributionForm.details(request, form));
    }

    // Step 3: documents. With script, straight to object storage (uploads); without, streamed through the portal.

    @GET
    @Path("contributions/{id}/documents")
    public Response documents(@PathParam("id") UUID id) {
        return edit(id, documents, false);
    }

    @POST
    @Path("contributions/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") UUID id, @RestForm("role") String role, @RestForm("key") String key,
            @RestForm("file") FileUpload file) {
        JsonNode draft = draft(id);
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return page(documents, draft, Map.of("file", messages.msg().err_choose_file())).status(400).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            api.upload(key, id, "ANNEX".equals(role) ? "ANNEX" : "MAIN", file.fileName(), in);
        } catch (ServiceException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return page(documents, draft, Map.of("file", messages.describe(e))).status(e.status()).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return seeOther(STEPS + id + "/documents");
    }

    @POST
    @Path("contributions/{id}/documents/{documentId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        api.removeDocument(id, documentId);
        return seeOther(STEPS + id + "/documents");
    }

    /** Script: a presigned URL for a file whose size and SHA-256 the browser computed. Answers JSON. */
    @POST
    @Path("contributions/{id}/uploads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response startUpload(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        ObjectNode upload = JsonNodeFactory.instance.objectNode()
                .put("role", "ANNEX".equals(form.getFirst("role")) ? "ANNEX" : "MAIN")
                .put("fileName", form.getFirst("fileName"))
                .put("size", parseSize(form.getFirst("size")))
                .put("sha256", form.getFirst("sha256"));
        return json(() -> api.startUpload(id, upload));
    }

    @POST
    @Path("contributions/{id}/uploads/{uploadId}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response completeUpload(@PathParam("id") UUID id, @PathParam("uploadId") UUID uploadId) {
        // One key per upload: a retry of this completion replays its answer, the next file (after a refused one) is new.
        return json(() -> api.completeUpload("complete-" + uploadId, id, uploadId));
    }

    // Step 4: the publication choice, everything once more, and the submit.

    @GET
    @Path("contributions/{id}/submit")
    public Response review(@PathParam("id") UUID id) {
        return edit(id, submit, false);
    }

    @POST
    @Path("contributions/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        JsonNode draft = draft(id);
        if (!"DRAFT".equals(draft.path("status").asText())) {
            return seeOther(STEPS + id + "/receipt");
        }
        JsonNode call = api.call(UUID.fromString(draft.path("callId").asText()));
        ObjectNode request = ContributionForm.consent(ContributionForm.request(draft), form);
        CallFacts facts = CallFacts.of(call, Instant.now());
        // The deadline passed while the page was open: say what the late policy does before anything is sent.
        if (facts.passed() && !"true".equals(form.getFirst("shownLate"))) {
            return step(submit, call, draft, request, Map.of("", messages.msg().late_changed()), false).status(409).build();
        }
        try {
            if (!request.path("consent").equals(draft.path("consent"))) {
                api.replace(id, request);
            }
            api.submit(key(form), id);
        } catch (ServiceException e) {
            return refused(e, submit, call, draft, request);
        }
        return seeOther(STEPS + id + "/receipt");
    }

    // After the submit.

    @GET
    @Path("contributions/{id}/receipt")
    public TemplateInstance receipt(@PathParam("id") UUID id) {
        JsonNode signed = api.receipt(id);
        return pages.render(receipt).data("receipt", signed.path("receipt")).data("jws", signed.path("jws").asText())
                .data("id", id);
    }

    @GET
    @Path("contributions/{id}/receipt.jws")
    @Produces("application/jose")
    public Response receiptFile(@PathParam("id") UUID id) {
        JsonNode signed = api.receipt(id);
        String reference = signed.path("receipt").path("reference").asText("receipt").replaceAll("[^A-Za-z0-9-]", "_");
        return Response.ok(signed.path("jws").asText().getBytes(StandardCharsets.US_ASCII))
                .header("Content-Disposition", "attachment; filename=\"" + reference + ".jws\"").build();
    }

    @GET
    @Path("contributions")
    public TemplateInstance mine() {
        JsonNode all = api.submissions(0, 200);
        Map<String, JsonNode> calls = new HashMap<>();
        for (JsonNode s : all) {
            calls.computeIfAbsent(s.path("callId").asText(), callId -> callOrNull(callId));
        }
        return pages.render(list).data("contributions", all).data("calls", calls);
    }

    @GET
    @Path("contributions/{id}")
    public TemplateInstance contribution(@PathParam("id") UUID id) {
        JsonNode draft = draft(id);
        return pages.render(status).data("contribution", draft)
                .data("call", callOrNull(draft.path("callId").asText())).data("publicUrl", publicUrl);
    }

    @GET
    @Path("contributions/{id}/withdraw")
    public TemplateInstance confirmWithdrawal(@PathParam("id") UUID id) {
        return pages.render(withdraw).data("contribution", draft(id)).data("key", UUID.randomUUID());
    }

    @POST
    @Path("contributions/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        api.withdraw(key(form), id);
        return seeOther(STEPS + id);
    }

    @POST
    @Path("contributions/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id) {
        api.delete(id);
        return seeOther("/contributions");
    }

    // The steps' common ground.

    private Response edit(UUID id, Template template, boolean saved) {
        JsonNode draft = draft(id);
        if (!"DRAFT".equals(draft.path("status").asText())) {
            return seeOther(STEPS + id);
        }
        JsonNode call = api.call(UUID.fromString(draft.path("callId").asText()));
        return step(template, call, draft, ContributionForm.request(draft), Map.of(), saved).build();
    }

    private Response save(UUID id, MultivaluedMap<String, String> form, Template template, String here, String next,
            java.util.function.UnaryOperator<ObjectNode> change) {
        JsonNode draft = draft(id);
        if (!"DRAFT".equals(draft.path("status").asText())) {
            return seeOther(STEPS + id);
        }
        ObjectNode request = change.apply(ContributionForm.request(draft));
        JsonNode call = api.call(UUID.fromString(draft.path("callId").asText()));
        try {
            api.replace(id, request);
        } catch (ServiceException e) {
            return refused(e, template, call, draft, request);
        }
        return next(id.toString(), form, here, next);
    }

    /** "Save and continue" goes to the next step; "Save draft" stays, saying so. */
    private static Response next(String id, MultivaluedMap<String, String> form, String here, String next) {
        boolean stay = "stay".equals(form.getFirst("then"));
        return seeOther(STEPS + id + "/" + (stay ? here + "?saved=1" : next));
    }

    private Response.ResponseBuilder page(Template template, JsonNode draft, Map<String, String> errors) {
        JsonNode call = api.call(UUID.fromString(draft.path("callId").asText()));
        return step(template, call, draft, ContributionForm.request(draft), errors, false);
    }

    private Response.ResponseBuilder step(Template template, JsonNode call, JsonNode draft, JsonNode values,
            Map<String, String> errors, boolean saved) {
        String lang = pages.lang();
        TemplateInstance page = pages.render(template).data("call", call).data("draft", draft).data("values", values)
                .data("errors", errors).data("key", UUID.randomUUID()).data("facts", CallFacts.of(call, Instant.now()))
                .data("countries", Choices.countries(lang)).data("languageChoices", Choices.languages(lang))
                .data("categories", Choices.CATEGORIES).data("consents", Choices.CONSENTS).data("linkKinds", Choices.LINK_KINDS)
                .data("stepNames", STEP_NAMES).data("saved", saved)
                .data("version", draft == null ? "new" : draft.path("updatedAt").asText())
                .data("linkRows", java.util.stream.IntStream.range(0, values.path("links").size() + ContributionForm.NEW_LINK_ROWS)
                        .boxed().toList())
                .data("chosenConsent", values.path("consent").isTextual() ? values.path("consent").asText()
                        : call.path("publicationDefault").asText());
        return Response.status(errors.isEmpty() ? 200 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render());
    }

    private Response refused(ServiceException e, Template template, JsonNode call, JsonNode draft, JsonNode values) {
        if (!e.isClientError() || e.status() == 404 || e.status() == 403) {
            throw e;
        }
        return step(template, call, draft, values, ContributionForm.errors(e, messages), false).status(e.status()).build();
    }

    private Response json(java.util.function.Supplier<JsonNode> call) {
        try {
            return Response.ok(call.get()).build();
        } catch (ServiceException e) {
            if (!e.isClientError()) {
                throw e;
            }
            ObjectNode error = JsonNodeFactory.instance.objectNode().put("error", messages.describe(e)).put("detail", e.detail());
            return Response.status(e.status()).entity(error).build();
        }
    }

    private JsonNode draft(UUID id) {
        return api.submission(id);
    }

    private JsonNode callOrNull(String callId) {
        try {
            return api.call(UUID.fromString(callId));
        } catch (ServiceException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The form's Idempotency-Key (a UUID given with the page), or a new one. */
    private static String key(MultivaluedMap<String, String> form) {
        String key = form.getFirst("key");
        try {
            return UUID.fromString(key == null ? "" : key).toString();
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID().toString();
        }
    }

    private static long parseSize(String size) {
        try {
            return Long.parseLong(size == null ? "" : size.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
