package org.callsforinput.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:calls-for-input:problem:";

    /** One invalid field of the request. */
    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }
}
