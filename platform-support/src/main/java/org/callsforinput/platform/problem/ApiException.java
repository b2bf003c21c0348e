package org.callsforinput.platform.problem;

import java.util.Map;

/**
 * A refusal that the client can act on, of a type from a catalogue ({@link ProblemType}); {@code headers} go on the
 * response (for example Retry-After). Thrown with {@code SomeProblems.X.exception(detail)}.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, String> headers;

    ApiException(ProblemType type, String detail, Map<String, String> headers) {
        super(detail);
        this.type = type;
        this.headers = headers;
    }

    /** 404 {@code not-found}: the object does not exist, or is not the caller's to see (the two are not told apart). */
    public static ApiException notFound(String what) {
        return PlatformProblems.NOT_FOUND.exception(what + " does not exist or is not yours");
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public String slug() {
        return type.slug();
    }

    public String title() {
        return type.title();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
