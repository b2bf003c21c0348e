package org.callsforinput.web.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service refused a request (4xx) or failed (5xx), with the problem detail it answered. Pages show {@link #detail()}
 * and each field error next to its field.
 */
public class ServiceException extends RuntimeException {

    private final String service;
    private final int status;
    private final String type;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ServiceException(String service, int status, JsonNode problem) {
        super(service + " answered " + status + (problem == null ? "" : ": " + problem.path("detail").asText("")));
        this.service = service;
        this.status = status;
        this.type = problem == null ? "" : problem.path("type").asText("");
        String title = problem == null ? "" : problem.path("title").asText("");
        String text = problem == null ? "" : problem.path("detail").asText("");
        this.detail = text.isBlank() ? title : text;
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (problem != null) {
            for (JsonNode e : problem.path("errors")) {
                errors.merge(e.path("field").asText(""), e.path("message").asText(""), (a, b) -> a + "; " + b);
            }
        }
        this.fieldErrors = Map.copyOf(errors);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The problem type's last part, e.g. {@code stale-version}. */
    public String problemType() {
        return type.substring(type.lastIndexOf(':') + 1);
    }

    public String detail() {
        return detail;
    }

    /** Field (as the API names it, e.g. {@code title.en} or {@code deadline}) to message. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
