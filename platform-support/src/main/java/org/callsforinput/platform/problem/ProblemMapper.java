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
import io.quarkus.oidc.OIDCException;
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
        Response.ResponseBuilder response = e.type().response(e.getMessage());
        e.headers().forEach(response::header);
        return response.build();
    }

    /** Every service's answer to object storage being away: retry later. */
    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e) {
        Log.warnf("%s", e.getMessage());
        return PlatformProblems.STORAGE_UNAVAILABLE.response("Document storage is temporarily unavailable; retry later")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .build();
    }

    /**
     * A token that cannot be checked because the identity provider is away (an instance started while Keycloak was
     * unreachable has no keys yet): retry later, as for storage.
     */
    @ServerExceptionMapper
    public Response identityUnavailable(OIDCException e) {
        Log.warnf("Identity provider unavailable: %s", e.getMessage());
        return PlatformProblems.IDENTITY_UNAVAILABLE.response("The identity provider is temporarily unavailable; retry later")
                .header(HttpHeaders.RETRY_AFTER, "30")
                .build();
    }

    /**
     * A stored object that an operation needed and did not find, where the operation gave no answer of its own (those
     * that know what a missing object means, such as an upload not made yet, catch the exception themselves).
     */
    @ServerExceptionMapper
    public Response objectMissing(ObjectMissingException e) {
        Log.errorf("Stored object missing: %s", e.getMessage());
        return PlatformProblems.DOCUMENT_MISSING.response("The stored document is missing").build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(PlatformProblems.VALIDATION_FAILED, "The request has " + errors.size() + " invalid field(s)", errors)
                .build();
    }

    // Listed one by one: quarkus-rest-jackson has its own mappers for the subtypes, which would win otherwise.
    @ServerExceptionMapper({ UnrecognizedPropertyException.class, InvalidFormatException.class,
            MismatchedInputException.class, JsonProcessingException.class })
    public Response unreadable(JsonProcessingException e) {
        String detail;
        if (e instanceof NulCharacterException nul) {
            return PlatformProblems.NUL_CHARACTER.response("Field '" + path(nul)
                    + "' contains the NUL character (U+0000), which no text may contain").build();
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
        return PlatformProblems.MALFORMED_REQUEST.response(detail).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return PlatformProblems.UNAUTHENTICATED.response(
                "A valid bearer token from the platform's identity provider is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return PlatformProblems.FORBIDDEN.response("Your roles do not allow this operation").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        // The framework's own refusals: a body or parameter that cannot be read, a route or method that does not exist.
        Response.ResponseBuilder response = switch (status) {
            case 400 -> PlatformProblems.MALFORMED_REQUEST.response("The request could not be read");
            case 404 -> PlatformProblems.NOT_FOUND.response("There is nothing at this path");
            case 405 -> PlatformProblems.METHOD_NOT_ALLOWED.response(PlatformProblems.METHOD_NOT_ALLOWED.example());
            case 406 -> PlatformProblems.NOT_ACCEPTABLE.response(PlatformProblems.NOT_ACCEPTABLE.example());
            case 413 -> PlatformProblems.REQUEST_TOO_LARGE.response("The request body is over this service's limit");
            case 415 -> PlatformProblems.UNSUPPORTED_MEDIA_TYPE.response("The operation does not take this Content-Type");
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                String title = known == null ? PlatformProblems.REQUEST_REFUSED.title() : known.getReasonPhrase();
                yield Response.status(status).type(Problem.MEDIA_TYPE)
                        .entity(new Problem(PlatformProblems.REQUEST_REFUSED.type(), title, status, title, List.of()));
            }
        };
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
        return PlatformProblems.INTERNAL_ERROR.response("The request failed unexpectedly; incident " + incident).build();
    }

    private static Response.ResponseBuilder respond(ProblemType type, String detail, List<Problem.FieldError> errors) {
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(type.problem(detail, errors));
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
