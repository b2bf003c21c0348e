package org.callsforinput.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * One kind of refusal or error: its slug (the {@code type} URI is {@code urn:calls-for-input:problem:<slug>}), its
 * status and its title, the same wherever it is answered. Each module keeps its types in one enum (its catalogue,
 * see {@link ProblemCatalogue}); the code answers with {@link #exception}, the OpenAPI document gets an example of each
 * ({@code ProblemResponsesFilter}) and docs/problems.md lists them all.
 */
public interface ProblemType {

    /**
     * What a catalogue's constant holds.
     *
     * @param slug the last part of the type URI, for example {@code deadline-passed}
     * @param when when it is answered, in a sentence (the OpenAPI example's summary and docs/problems.md)
     * @param example an example detail, as the code words it
     */
    record Definition(String slug, int status, String title, String when, String example) {
    }

    Definition definition();

    default String slug() {
        return definition().slug();
    }

    default int status() {
        return definition().status();
    }

    default String title() {
        return definition().title();
    }

    default String when() {
        return definition().when();
    }

    default String example() {
        return definition().example();
    }

    default URI type() {
        return Problem.type(slug());
    }

    /** The refusal to throw: ProblemMapper answers it with this type's status and title. */
    default ApiException exception(String detail) {
        return new ApiException(this, detail, Map.of());
    }

    default ApiException exception(String detail, Map<String, String> headers) {
        return new ApiException(this, detail, headers);
    }

    default Problem problem(String detail) {
        return problem(detail, List.of());
    }

    default Problem problem(String detail, List<Problem.FieldError> errors) {
        return new Problem(type(), title(), status(), detail, errors);
    }

    /** The answer, for code that builds a response itself (filters, the idempotency replay). */
    default Response.ResponseBuilder response(String detail) {
        return Response.status(status()).type(Problem.MEDIA_TYPE).entity(problem(detail));
    }
}
