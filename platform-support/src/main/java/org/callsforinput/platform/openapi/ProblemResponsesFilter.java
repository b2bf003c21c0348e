package org.callsforinput.platform.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the error side of every operation: each one answers errors as {@code application/problem+json}
 * (RFC 9457) with a distinct {@code type}; 401 and 403 where the operation needs a token.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
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
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::addProblems));
    }

    private void addProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        Map<String, String> errors = secured
                ? Map.of("401", "No valid bearer token", "403", "The token's roles do not allow this")
                : Map.of();
        errors.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, problem(description));
            }
        });
        if (operation.getResponses().getDefaultValue() == null) {
            operation.getResponses().setDefaultValue(problem("Any refusal or error, as application/problem+json"));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }
}
