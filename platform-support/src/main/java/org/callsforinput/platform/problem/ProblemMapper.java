package org.callsforinput.platform.problem;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.callsforinput.platform.input.NulCharacterException;
import org.callsforinput.platform.input.RequestRules;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.callsforinput.platform.storage.ObjectMissingException;
import org.callsforinput.platform.storage.StorageUnavailableException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one error mapper of every service: exception type to status and problem type. Responses never carry stack
 * traces or class names.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder response = respond(e.status(), e.slug(), e.title(), e.getMessage(), List.of());
        e.headers().forEach(response::header);
        return response.build();
    }

    /** Every service's answer to object storage being away: retry later. */
    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e) {
        Log.warnf("%s", e.getMessage());
        return respond(503, StorageUnavailableException.SLUG, StorageUnavailableException.TITLE,
                "Document storage is temporarily unavailable; retry later", List.of())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .build();
    }

    /**
     * A stored object that an operation needed and did not find, where the operation gave no answer of its own (those
     * that know what a missing object means, such as an upload not made yet, catch the exception themselves).
     */
    @ServerExceptionMapper
    public Response objectMissing(ObjectMissingException e) {
        Log.errorf("Stored object missing: %s", e.getMessage());
        return respond(404, ObjectMissingException.SLUG, ObjectMissingException.TITLE,
                "The stored document is missing", List.of()).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(400, "validation-failed", "Invalid request",
                "The request has " + errors.size() + " invalid field(s)", errors).build();
    }

    // Listed one by one: quarkus-rest-jackson has its own mappers for the subtypes, which would win otherwise.
    @ServerExceptionMapper({ UnrecognizedPropertyException.class, InvalidFormatException.class,
            MismatchedInputException.class, JsonProcessingException.class })
    public Response unreadable(JsonProcessingException e) {
        String detail;
        if (e instanceof NulCharacterException nul) {
            return respond(400, RequestRules.NUL_CHARACTER, "NUL character", "Field '" + path(nul)
                    + "' contains the NUL character (U+0000), which no text may contain", List.of()).build();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + path(unknown) + "'";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            detail = "Field '" + path(invalid) + "' must be a JSON string";
        } else if (e instanceof InvalidFormatException invalid) {
            detail = "Field '" + path(invalid) + "' has an invalid value" + allowedValues(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            detail = "Field '" + path(mismatched) + "' has the wrong type" + allowedValues(mismatched.getTargetType());
        } else if (e instanceof MismatchedInputException) {
            detail = "The request body is not one JSON document of the expected shape";
        } else {
            detail = "The request body is not valid JSON for this operation";
        }
        return respond(400, "malformed-request", "Malformed request", detail, List.of()).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return respond(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token from the platform's identity provider is required", List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", "Forbidden", "Your roles do not allow this operation", List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder response;
        if (status == 400) {
            // The framework's own 400s: a body or parameter that cannot be read.
            response = respond(400, "malformed-request", "Malformed request", "The request could not be read", List.of());
        } else {
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known == null ? "Request refused" : known.getReasonPhrase();
            response = respond(status, title.toLowerCase().replace(' ', '-'), title, title, List.of());
        }
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error, incident %s", incident);
        return respond(500, "internal-error", "Internal error",
                "The request failed unexpectedly; incident " + incident, List.of()).build();
    }

    private static Response.ResponseBuilder respond(int status, String slug, String title, String detail,
            List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type(slug), title, status, detail, errors));
    }

    /** "create.request.title" becomes "title": the method and parameter names mean nothing to a client. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            return ": expected one of " + Arrays.stream(type.getEnumConstants()).map(c -> jsonName((Enum<?>) c)).toList();
        }
        return "";
    }

    /** The constant as JSON spells it: its {@code @JsonProperty} name where it has one. */
    private static String jsonName(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
