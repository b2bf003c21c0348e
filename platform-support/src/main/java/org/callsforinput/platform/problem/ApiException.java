package org.callsforinput.platform.problem;

import java.util.Map;

/**
 * A refusal that the client can act on. {@code slug} names the problem type ({@code urn:calls-for-input:problem:<slug>}),
 * distinct for each kind of refusal; {@code headers} go on the response (for example Retry-After).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, String> headers;

    public ApiException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ApiException(int status, String slug, String title, String detail, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.headers = headers;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " does not exist or is not yours");
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(409, slug, "Conflict", detail);
    }

    public static ApiException badRequest(String slug, String detail) {
        return new ApiException(400, slug, "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
