package org.callsforinput.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callsforinput.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the error side of every operation: each one answers errors as {@code application/problem+json}
 * (RFC 9457) with a distinct {@code type}; 401 and 403 where the operation needs a token.
 * <p>
 * It also adds, as {@code components/examples} named by their slug, an example of each problem type that
 * {@code ProblemMapper} answers for every service ({@code unauthenticated}, {@code forbidden}, {@code not-found},
 * {@code validation-failed}, {@code malformed-request}, {@code internal-error}); a service's own example of the same
 * name wins. Services document their own problem types per operation with {@code @APIResponse} and
 * {@code @ExampleObject(ref = "<slug>")}; an {@code application/problem+json} response declared without a schema
 * gets the {@code Problem} schema.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String EXAMPLE_REF = "#/components/examples/";

    /** A problem type that ProblemMapper answers in every service, with an example detail. */
    private record PlatformProblem(String slug, int status, String title, String detail) {
    }

    private static final List<PlatformProblem> PLATFORM_PROBLEMS = List.of(
            new PlatformProblem("unauthenticated", 401, "Unauthenticated",
                    "A valid bearer token from the platform's identity provider is required"),
            new PlatformProblem("forbidden", 403, "Forbidden", "Your roles do not allow this operation"),
            new PlatformProblem("not-found", 404, "Not found",
                    "Call 0bf49d07-74cd-4f84-b57c-b1d8b8f664d6 does not exist or is not yours"),
            new PlatformProblem("validation-failed", 400, "Invalid request", "The request has 1 invalid field(s)"),
            new PlatformProblem("malformed-request", 400, "Malformed request",
                    "The request body is not valid JSON for this operation"),
            new PlatformProblem("internal-error", 500, "Internal error",
                    "The request failed unexpectedly; incident 7c9e6679-7425-40de-944b-e07fc1f90ae7"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem detail; the type names the refusal")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri")
                        .examples(List.of("urn:calls-for-input:problem:deadline-passed")))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of("Conflict")))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).examples(List.of(409)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("The deadline of call 'emler-2023' has passed (2023-05-12T23:59 Europe/Zurich)")))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("The invalid fields, for validation-failed")
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))))));
        PLATFORM_PROBLEMS.forEach(problem -> {
            if (components.getExamples() == null || !components.getExamples().containsKey(problem.slug())) {
                components.addExample(problem.slug(), OASFactory.createExample().summary(problem.title())
                        .value(problemValue(problem)));
            }
        });
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(ProblemResponsesFilter::completeProblemSchema);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::addProblems));
    }

    private void addProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(ProblemResponsesFilter::completeProblemSchema);
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        Map<String, String> errors = secured
                ? Map.of("401", "No valid bearer token", "403", "The token's roles do not allow this")
                : Map.of();
        errors.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status,
                        problem(description, status.equals("401") ? "unauthenticated" : "forbidden"));
            }
        });
        if (operation.getResponses().getDefaultValue() == null) {
            operation.getResponses().setDefaultValue(problem("Any refusal or error, as application/problem+json", "internal-error"));
        }
    }

    /** A problem+json response declared with examples only gets the Problem schema. */
    private static void completeProblemSchema(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            return;
        }
        MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
    }

    private static Map<String, Object> problemValue(PlatformProblem problem) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", Problem.type(problem.slug()).toString());
        value.put("title", problem.title());
        value.put("status", problem.status());
        value.put("detail", problem.detail());
        if (problem.slug().equals("validation-failed")) {
            value.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
        }
        return value;
    }

    private static APIResponse problem(String description, String exampleSlug) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))
                                .addExample(exampleSlug, OASFactory.createExample().ref(EXAMPLE_REF + exampleSlug))));
    }
}
