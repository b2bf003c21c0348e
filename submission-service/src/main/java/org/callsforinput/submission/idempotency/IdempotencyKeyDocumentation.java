package org.callsforinput.submission.idempotency;

import java.util.LinkedHashMap;
import java.util.List;

import org.callsforinput.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents {@link IdempotencyFilter} in the OpenAPI document: on every POST that needs a token, the optional
 * {@code Idempotency-Key} header and the three problems it can answer (their examples are in META-INF/openapi.yaml).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyDocumentation implements OASFilter {

    private record Refusal(String status, String slug, String why) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal("400", "invalid-idempotency-key", "the Idempotency-Key header is invalid"),
            new Refusal("409", "idempotency-key-in-progress", "a request with the same Idempotency-Key is still running"),
            new Refusal("422", "idempotency-key-reused", "the Idempotency-Key was used for a different request"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream()
                .map(PathItem::getPOST)
                .filter(post -> post != null && post.getSecurity() != null && !post.getSecurity().isEmpty())
                .forEach(post -> document(openAPI, post));
    }

    private static void document(OpenAPI openAPI, Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name(IdempotencyFilter.HEADER)
                .in(Parameter.In.HEADER)
                .description("Makes a retry safe: the same key with the same request replays the first response "
                        + "(with Idempotent-Replayed: true); 1 to 255 visible ASCII characters")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(255))
                .example("4c1b7e0a-3f2d-4b8e-9a51-6d2f0c7e8b13"));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        for (Refusal refusal : REFUSALS) {
            APIResponse response = operation.getResponses().getAPIResponse(refusal.status());
            if (response == null) {
                response = OASFactory.createAPIResponse()
                        .description(Character.toUpperCase(refusal.why().charAt(0)) + refusal.why().substring(1));
            } else {
                if (response.getRef() != null) {
                    response = inlined(openAPI, response.getRef());
                }
                response.setDescription(response.getDescription() + "; or " + refusal.why());
            }
            operation.getResponses().addAPIResponse(refusal.status(), response);
            if (response.getContent() == null) {
                response.setContent(OASFactory.createContent());
            }
            Content content = response.getContent();
            MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
            if (problem == null) {
                problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
                content.addMediaType(Problem.MEDIA_TYPE, problem);
            }
            problem.addExample(refusal.slug(), OASFactory.createExample().ref("#/components/examples/" + refusal.slug()));
        }
    }

    /** A copy of a shared component response, so that adding to it leaves the component as it is. */
    private static APIResponse inlined(OpenAPI openAPI, String ref) {
        APIResponse shared = openAPI.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
        APIResponse copy = OASFactory.createAPIResponse().description(shared.getDescription());
        if (shared.getContent() != null) {
            Content content = OASFactory.createContent();
            shared.getContent().getMediaTypes().forEach((type, media) -> content.addMediaType(type,
                    OASFactory.createMediaType().schema(media.getSchema())
                            .examples(media.getExamples() == null ? null : new LinkedHashMap<>(media.getExamples()))));
            copy.setContent(content);
        }
        return copy;
    }
}
