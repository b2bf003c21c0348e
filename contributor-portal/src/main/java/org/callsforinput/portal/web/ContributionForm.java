package org.callsforinput.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;

import org.callsforinput.web.api.ServiceException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The steps of the contribution form and the API's draft: each step's fields replace theirs in the draft's request
 * (a PUT replaces the whole draft), the other steps' fields stay as they were. Nothing is checked here: the API
 * decides, and its reasons come back next to the fields ({@link #errors}).
 */
final class ContributionForm {

    /** How many link rows the form shows beyond those already given. */
    static final int NEW_LINK_ROWS = 3;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ContributionForm() {
    }

    /** The request that would recreate this draft (SubmissionRequest in docs/api.md). */
    static ObjectNode request(JsonNode draft) {
        ObjectNode request = JSON.objectNode();
        request.put("callId", draft.path("callId").asText());
        for (String field : List.of("organisationName", "submitterCategory", "country", "language", "title", "summary", "consent")) {
            request.set(field, draft.path(field).isMissingNode() ? JSON.nullNode() : draft.get(field));
        }
        ObjectNode contact = request.putObject("contact");
        contact.put("name", draft.path("contact").path("name").asText(""));
        contact.put("email", draft.path("contact").path("email").asText(""));
        request.set("themes", draft.path("themes").isArray() ? draft.get("themes") : JSON.arrayNode());
        request.set("links", draft.path("links").isArray() ? draft.get("links") : JSON.arrayNode());
        request.set("coSubmitters", draft.path("coSubmitters").isArray() ? draft.get("coSubmitters") : JSON.arrayNode());
        return request;
    }

    /** Step 1, who contributes: what a first draft needs. */
    static ObjectNode about(ObjectNode request, MultivaluedMap<String, String> form) {
        request.put("organisationName", text(form, "organisationName"));
        request.put("submitterCategory", blankToNull(text(form, "submitterCategory")));
        request.put("country", text(form, "country"));
        request.put("language", text(form, "language"));
        request.put("title", text(form, "title"));
        ObjectNode contact = request.putObject("contact");
        contact.put("name", text(form, "contactName"));
        contact.put("email", text(form, "contactEmail"));
        return request;
    }

    /** A first draft of {@code callId} from step 1. */
    static ObjectNode first(UUID callId, MultivaluedMap<String, String> form) {
        ObjectNode request = JSON.objectNode();
        request.put("callId", callId.toString());
        return about(request, form);
    }

    /** Step 2, the contribution: themes, summary, links, co-submitting organisations. */
    static ObjectNode details(ObjectNode request, MultivaluedMap<String, String> form) {
        ArrayNode themes = request.putArray("themes");
        form.getOrDefault("themes", List.of()).forEach(themes::add);
        request.put("summary", text(form, "summary"));
        ArrayNode links = request.putArray("links");
        for (int i = 0; form.containsKey("link." + i + ".url"); i++) {
            String url = text(form, "link." + i + ".url");
            if (!url.isBlank()) {
                ObjectNode link = links.addObject().put("url", url);
                String label = text(form, "link." + i + ".label");
                link.put("label", label.isBlank() ? null : label);
                link.put("kind", blankToNull(text(form, "link." + i + ".kind")));
            }
        }
        ArrayNode coSubmitters = request.putArray("coSubmitters");
        text(form, "coSubmitters").lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(coSubmitters::add);
        return request;
    }

    /** Step 4: the publication choice. */
    static ObjectNode consent(ObjectNode request, MultivaluedMap<String, String> form) {
        request.put("consent", blankToNull(text(form, "consent")));
        return request;
    }

    /**
     * The API's reasons, by the form's field: {@code update.request.contact.email} is {@code contactEmail},
     * {@code links[2].url} is {@code links}; a refusal that names no field but concerns one (an unknown country) is put
     * next to it; the rest under {@code ""}.
     */
    static Map<String, String> errors(ServiceException e, Messages messages) {
        Map<String, String> byField = new LinkedHashMap<>();
        e.fieldErrors().forEach((path, message) -> byField.merge(field(path), messages.validation(message),
                (a, b) -> a.equals(b) ? a : a + "; " + b));
        String field = switch (e.problemType()) {
            case "invalid-country" -> "country";
            case "invalid-language" -> "language";
            case "unknown-theme" -> "themes";
            case "invalid-link" -> "links";
            default -> "";
        };
        if (byField.isEmpty()) {
            byField.put(field, messages.describe(e));
        }
        return byField;
    }

    static String field(String apiPath) {
        String path = apiPath.replaceFirst("^\\w+\\.request\\.", "");
        if (path.startsWith("contact.name")) {
            return "contactName";
        }
        if (path.startsWith("contact.email")) {
            return "contactEmail";
        }
        return path.split("[.\\[]", 2)[0];
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
