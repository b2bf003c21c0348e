package org.callsforinput.console.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.callsforinput.console.api.ReviewApi;
import org.callsforinput.web.api.ServiceException;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The review queue and a case: reviewers find, claim, screen and propose; coordinators approve or send back. Every
 * change carries the version the user saw (If-Match), so a stale page never overwrites a newer change: the case is
 * shown again as it is now, with a notice.
 */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
public class CasesPage {

    /** The queue's filters, as review-service's {@code GET /cases} names them. */
    static final List<String> FILTERS = List.of("callId", "status", "assignee", "category", "country", "language", "theme",
            "tag", "late", "consent", "q", "approvableBy", "sort", "page", "size");
    /** Saved views: a name and the filters it sets. */
    static final Map<String, Map<String, String>> VIEWS = views();
    static final List<String> STATUSES = List.of("NEW", "IN_REVIEW", "PROPOSED", "DECIDED", "WITHDRAWN");
    static final List<String> CATEGORIES = List.of("STATE", "NHRI", "INTERGOVERNMENTAL_OR_UN", "CIVIL_SOCIETY", "ACADEMIA",
            "INDIVIDUAL", "OTHER");
    static final List<String> CONSENTS = List.of("PUBLISH_IN_FULL", "PUBLISH_WITHOUT_NAME", "DO_NOT_PUBLISH");
    static final List<String> SORTS = List.of("-receivedAt", "receivedAt", "-updatedAt", "reference", "organisationName",
            "country", "status");
    static final List<String> REASONS = List.of("WITHIN_MANDATE", "OUTSIDE_THEMATIC_SCOPE", "OUTSIDE_MANDATE_BODY",
            "NOT_A_CONTRIBUTION", "DUPLICATE", "ABUSIVE_CONTENT", "COMMERCIAL_PROMOTION", "OTHER");
    static final List<String> DECISIONS = List.of("PUBLISH", "PUBLISH_REDACTED", "CONSIDER_WITHOUT_PUBLISHING", "OUT_OF_MANDATE");
    private static final Set<String> CASE_ACTIONS = Set.of("claim", "screening", "proposal", "approval", "send-back", "comment",
            "metadata");

    private final ReviewApi review;
    private final Pages pages;
    private final Problems problems;
    private final ViewCounts viewCounts;
    private final Template queue;
    private final Template oneCase;
    private final Template text;

    public CasesPage(@RestClient ReviewApi review, Pages pages, Problems problems, ViewCounts viewCounts, @Location("cases/queue.html") Template queue,
            @Location("cases/case.html") Template oneCase, @Location("cases/text.html") Template text) {
        this.review = review;
        this.pages = pages;
        this.problems = problems;
        this.viewCounts = viewCounts;
        this.queue = queue;
        this.oneCase = oneCase;
        this.text = text;
    }

    @GET
    public TemplateInstance queue(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        String view = query.getFirst("view");
        Map<String, String> filters = new LinkedHashMap<>();
        if (view != null && VIEWS.containsKey(view)) {
            filters.putAll(VIEWS.get(view));
        }
        for (String name : FILTERS) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }
        Map<String, Long> counts = viewCounts.of(pages.userName(), () -> {
            Map<String, Long> counted = new LinkedHashMap<>();
            VIEWS.forEach((name, viewFilters) -> {
                if (!name.equals("approvals") || pages.is(Roles.COORDINATOR)) {
                    Map<String, String> one = new LinkedHashMap<>(viewFilters);
                    one.put("size", "1");
                    counted.put(name, review.cases(one).path("total").asLong());
                }
            });
            return counted;
        });
        JsonNode page = review.cases(filters);
        return pages.render(queue).data("result", page).data("filters", filters).data("view", view)
                .data("claimed", query.getFirst("claimed")).data("refused", query.getFirst("refused"))
                .data("counts", counts).data("statuses", STATUSES).data("categories", CATEGORIES)
                .data("consents", CONSENTS).data("sorts", SORTS)
                .data("previous", pageLink(filters, page.path("page").asInt() - 1))
                .data("next", (page.path("page").asLong() + 1) * page.path("size").asLong() < page.path("total").asLong()
                        ? pageLink(filters, page.path("page").asInt() + 1) : null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") UUID id) {
        return casePage(id, null, List.of());
    }

    @GET
    @Path("{id}/documents/{documentId}/text")
    public TemplateInstance documentText(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        JsonNode c = review.caseById(id).getEntity();
        JsonNode document = null;
        for (JsonNode d : c.path("documents")) {
            if (d.path("id").asText().equals(documentId.toString())) {
                document = d;
            }
        }
        if (document == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return pages.render(text).data("case", c).data("document", document).data("text", review.text(id, documentId));
    }

    /** The original as received, from review-service, as a download (never shown inline). */
    @GET
    @Path("{id}/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return Downloads.of(review.content(id, documentId), MediaType.APPLICATION_OCTET_STREAM, "attachment");
    }

    /** One of the case's actions, posted by its form with the version the page showed. */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") UUID id, @PathParam("action") String action, MultivaluedMap<String, String> form) {
        if (!CASE_ACTIONS.contains(action)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        String version = "\"" + form.getFirst("version") + "\"";
        return change(id, action, () -> switch (action) {
            case "claim" -> review.claim(id, version);
            case "screening" -> review.screen(id, version, screening(form));
            case "proposal" -> review.propose(id, version, body("decision", form.getFirst("decision"), "reason", form.getFirst("reason")));
            case "approval" -> review.approve(id, version);
            case "send-back" -> review.sendBack(id, version, body("reason", form.getFirst("reason"), null, null));
            case "comment" -> review.comment(id, body("body", form.getFirst("body"), null, null));
            case "metadata" -> review.completeMetadata(id, version, metadata(form));
            default -> throw new IllegalStateException(action);
        });
    }

    /** Claims every case ticked in the queue, each with the version the queue showed; says how many were taken. */
    @POST
    @Path("claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response claimSelected(MultivaluedMap<String, String> form) {
        int claimed = 0;
        int refused = 0;
        List<String> picked = form.get("case");
        for (String entry : picked == null ? List.<String>of() : picked.subList(0, Math.min(picked.size(), 200))) {
            String[] idAndVersion = entry.split(":", 2);
            try {
                review.claim(UUID.fromString(idAndVersion[0]), "\"" + (idAndVersion.length > 1 ? idAndVersion[1] : "") + "\"");
                claimed++;
            } catch (ServiceException | IllegalArgumentException e) {
                if (e instanceof ServiceException se && !se.isClientError()) {
                    throw se;
                }
                refused++;
            }
        }
        viewCounts.forget(pages.userName());
        String back = Pages.localPath(form.getFirst("return"));
        return Response.seeOther(URI.create(back + (back.contains("?") ? "&" : "?") + "claimed=" + claimed + "&refused=" + refused))
                .build();
    }

    /**
     * Assigns the case to a reviewer. A reviewer who declared conflicts of interest is not assigned at once: the page
     * lists the declarations first and the coordinator confirms (review-service still refuses a conflict that
     * concerns the case, with its reason).
     */
    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.COORDINATOR)
    public Response assign(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String assignee = form.getFirst("assignee") == null ? "" : form.getFirst("assignee").strip();
        if (!assignee.matches("[A-Za-z0-9._@-]{1,100}")) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(casePage(id, "refused", List.of("Not a user name: " + assignee)).render()).build();
        }
        if (!"yes".equals(form.getFirst("confirmed"))) {
            JsonNode declared = review.conflicts(assignee);
            if (!declared.isEmpty()) {
                return Response.ok(casePage(id, null, List.of()).data("candidate", assignee).data("candidateConflicts", declared)
                        .render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
        }
        return change(id, "assignment", () -> review.assign(id, "\"" + form.getFirst("version") + "\"",
                body("assignee", assignee, null, null)));
    }

    /** A document's metadata-cleaned copy, made by the platform (for contributors who asked not to be named). */
    @POST
    @Path("{id}/documents/{documentId}/cleaned-copy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clean(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId,
            MultivaluedMap<String, String> form) {
        return change(id, "cleaned-copy", () -> review.clean(id, documentId, "\"" + form.getFirst("version") + "\""));
    }

    /** A redacted copy uploaded by the reviewer: streamed on to review-service, which checks it as it checks intake. */
    @POST
    @Path("{id}/documents/{documentId}/redacted")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response redact(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId,
            @org.jboss.resteasy.reactive.RestForm("version") String version,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        if (file == null || file.size() == 0) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(casePage(id, "refused", List.of(problems.msg().no_file_chosen())).render()).build();
        }
        return change(id, "redacted", () -> {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
                return review.redact(id, documentId, "\"" + version + "\"", file.fileName(), in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Response change(UUID id, String action, java.util.function.Supplier<JsonNode> call) {
        try {
            call.get();
            viewCounts.forget(pages.userName());
        } catch (ServiceException e) {
            if (!e.isClientError() || e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(casePage(id, e.status() == 412 ? "stale" : "refused", problems.explain(e)).render()).build();
        }
        return Response.seeOther(URI.create("/cases/" + id + "?done=" + action)).build();
    }

    private TemplateInstance casePage(UUID id, String notice, List<String> messages) {
        RestResponse<JsonNode> current = review.caseById(id);
        JsonNode c = current.getEntity();
        boolean mine = pages.userName().equals(c.path("assignee").asText(null));
        boolean ownProposal = pages.userName().equals(c.path("decision").path("proposedBy").asText(null));
        return pages.render(oneCase).data("case", c).data("version", c.path("version").asLong())
                .data("history", review.history(id)).data("comments", review.comments(id))
                .data("mine", mine).data("ownProposal", ownProposal)
                .data("notice", notice).data("messages", messages)
                .data("reasons", REASONS).data("decisions", DECISIONS).data("categories", CATEGORIES)
                .data("candidate", null).data("candidateConflicts", null);
    }

    private static ObjectNode metadata(MultivaluedMap<String, String> form) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        String category = form.getFirst("submitterCategory");
        if (category != null && !category.isBlank()) {
            m.put("submitterCategory", category);
        }
        String organisation = form.getFirst("organisationName");
        if (organisation != null && !organisation.isBlank()) {
            m.put("organisationName", organisation.strip());
        }
        String country = form.getFirst("country");
        if (country != null && !country.isBlank()) {
            m.put("country", country.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return m;
    }

    private static ObjectNode screening(MultivaluedMap<String, String> form) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("withinMandate", "true".equals(form.getFirst("withinMandate")));
        s.put("reasonCode", form.getFirst("reasonCode"));
        String note = form.getFirst("note");
        if (note != null && !note.isBlank()) {
            s.put("note", note);
        }
        var tags = s.putArray("tags");
        String typed = form.getFirst("tags");
        if (typed != null) {
            for (String tag : typed.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        s.put("personalData", form.containsKey("personalData"));
        s.put("sensitiveData", form.containsKey("sensitiveData"));
        return s;
    }

    private static ObjectNode body(String field, String value, String field2, String value2) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put(field, value == null ? "" : value);
        if (field2 != null) {
            body.put(field2, value2 == null ? "" : value2);
        }
        return body;
    }

    private static String pageLink(Map<String, String> filters, int page) {
        if (page < 0) {
            return null;
        }
        StringBuilder link = new StringBuilder("/cases?");
        Map<String, String> withPage = new LinkedHashMap<>(filters);
        withPage.put("page", Integer.toString(page));
        withPage.forEach((k, v) -> link.append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&'));
        return link.substring(0, link.length() - 1);
    }

    private static Map<String, Map<String, String>> views() {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        views.put("mine", Map.of("assignee", "me"));
        views.put("unassigned", Map.of("assignee", "none"));
        views.put("late", Map.of("late", "true"));
        views.put("awaiting-screening", Map.of("status", "IN_REVIEW"));
        views.put("approvals", Map.of("approvableBy", "me"));
        return java.util.Collections.unmodifiableMap(views);
    }
}
