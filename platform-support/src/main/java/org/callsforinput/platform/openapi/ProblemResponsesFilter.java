package org.callsforinput.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.problem.ProblemCatalogue;
import org.callsforinput.platform.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the error side of every operation: each one answers errors as {@code application/problem+json}
 * (RFC 9457) with a distinct {@code type}; 401 and 403 where the operation needs a token.
 * <p>
 * It also adds, as {@code components/examples} named by their slug, an example of every problem type of every
 * catalogue on the class path ({@link ProblemCatalogue#all()}: the platform's, the document gate's, the service's),
 * built from the catalogue (type, status, title, example detail), and lists the input refusals of
 * {@code RequestRules} and {@code HttpLimits} ({@code nul-character}, {@code unsupported-media-type},
 * {@code request-too-large}, {@code uri-too-long}, {@code headers-too-large}) on each operation they apply to.
 * Services document their own problem types per operation with {@code @APIResponse} and
 * {@code @ExampleObject(ref = "<slug>")}; an {@code application/problem+json} response declared without a schema
 * gets the {@code Problem} schema.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String EXAMPLE_REF = "#/components/examples/";

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
        ProblemCatalogue.all().values().forEach(problem -> {
            if (components.getExamples() == null || !components.getExamples().containsKey(problem.slug())) {
                components.addExample(problem.slug(), OASFactory.createExample().summary(problem.when())
                        .value(problemValue(problem)));
            }
        });
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(ProblemResponsesFilter::completeProblemSchema);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            addProblems(operation);
            addInputProblems(components, item, operation);
        }));
    }

    /**
     * The refusals of RequestRules and HttpLimits, which apply before any resource method: 414 and 431 for every
     * operation; 400 nul-character where there is a parameter or a body; 413 request-too-large for a body; 415
     * unsupported-media-type for a JSON-only body.
     */
    private static void addInputProblems(Components components, PathItem item, Operation operation) {
        addProblem(components, operation, "414", "The request target is too long",
                PlatformProblems.URI_TOO_LONG.slug());
        addProblem(components, operation, "431", "The request's headers are too large",
                PlatformProblems.HEADERS_TOO_LARGE.slug());
        boolean parameters = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        RequestBody body = operation.getRequestBody();
        if (body != null && body.getRef() != null && components.getRequestBodies() != null) {
            body = components.getRequestBodies().get(body.getRef().substring(body.getRef().lastIndexOf('/') + 1));
        }
        if (parameters || body != null) {
            addProblem(components, operation, "400", "A parameter or text field contains U+0000",
                    PlatformProblems.NUL_CHARACTER.slug());
        }
        if (body != null) {
            addProblem(components, operation, "413", "The body is over the service's size limit",
                    PlatformProblems.REQUEST_TOO_LARGE.slug());
            Map<String, MediaType> types = body.getContent() == null ? null : body.getContent().getMediaTypes();
            if (types != null && !types.isEmpty() && types.keySet().stream().allMatch(t -> t.contains("json"))) {
                addProblem(components, operation, "415", "The body is not declared as JSON",
                        PlatformProblems.UNSUPPORTED_MEDIA_TYPE.slug());
            }
        }
    }

    /** Adds the example to the operation's response of that status (or to the shared response it refers to), or creates one. */
    private static void addProblem(Components components, Operation operation, String status, String description, String slug) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            operation.getResponses().addAPIResponse(status, problem(description, slug));
            return;
        }
        if (response.getRef() != null && components.getResponses() != null) {
            response = components.getResponses().get(response.getRef().substring(response.getRef().lastIndexOf('/') + 1));
            if (response == null) {
                return;
            }
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
            response.getContent().addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getExamples() == null || !problem.getExamples().containsKey(slug)) {
            problem.addExample(slug, OASFactory.createExample().ref(EXAMPLE_REF + slug));
        }
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
                        problem(description, (status.equals("401") ? PlatformProblems.UNAUTHENTICATED
                                : PlatformProblems.FORBIDDEN).slug()));
            }
        });
        if (operation.getResponses().getDefaultValue() == null) {
            operation.getResponses().setDefaultValue(problem("Any refusal or error, as application/problem+json",
                    PlatformProblems.INTERNAL_ERROR.slug()));
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

    private static Map<String, Object> problemValue(ProblemType problem) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", problem.type().toString());
        value.put("title", problem.title());
        value.put("status", problem.status());
        value.put("detail", problem.example());
        if (problem == PlatformProblems.VALIDATION_FAILED) {
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
