package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:calls-for-input:problem:";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Operations that answer nothing but success (and the 500 every operation may answer). */
    private static final Set<String> CANNOT_REFUSE = Set.of("GET /.well-known/jwks.json");

    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationDocumentsItsProblemResponses() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                // Large documents: 202, the document CHECKING (its schema generated from DocumentView)
                .body("components.schemas", hasKey("DocumentView"))
                .body("components.responses.StoredForCheck.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/DocumentView"))
                .body("paths.'/submissions/{id}/documents'.post.responses.'202'.'$ref'",
                        equalTo("#/components/responses/StoredForCheck"))
                .body("paths.'/submissions/{id}/uploads/{uploadId}/complete'.post.responses.'202'.'$ref'",
                        equalTo("#/components/responses/StoredForCheck"))
                .body("components.securitySchemes.oidc.scheme", equalTo("bearer"))
                .body("paths.'/submissions/{id}/submit'.post.responses.default.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/submissions/{id}/submit'.post.responses.'401'", notNullValue())
                .body("paths.'/calls'.post.requestBody.content.'application/json'.schema", notNullValue())
                .body("components.schemas.CallRequest.properties.timeZone.examples[0]", equalTo("Europe/Zurich"));
    }

    @Test
    void theDocumentKeepsThePlatformsContract() {
        org.assertj.core.api.Assertions.assertThat(org.callsforinput.testing.OpenApiContract.ofService().breaches()).isEmpty();
    }

    @Test
    void everySuccessResponseIsDocumentedWithAnExample() {
        List<String> failures = new ArrayList<>();
        int[] bodies = { 0 };
        forEachOperation((name, operation) -> {
            List<String> success = codes(operation, code -> code.startsWith("2"));
            if (success.isEmpty()) {
                failures.add(name + ": no 2xx response");
            }
            for (String code : success) {
                JsonNode content = resolve(operation.path("responses").path(code)).path("content");
                content.fields().forEachRemaining(media -> {
                    bodies[0]++;
                    JsonNode mediaType = media.getValue();
                    if (mediaType.has("example") || mediaType.has("examples")) {
                        return;
                    }
                    List<String> missing = new ArrayList<>();
                    unexemplified(mediaType.path("schema"), "body", new HashSet<>(), missing);
                    missing.forEach(path -> failures.add(name + " " + code + " " + media.getKey() + ": " + path + " has no example"));
                });
            }
        });
        assertThat(failures, empty());
        assertTrue(bodies[0] >= 15, "response bodies checked: " + bodies[0]);
    }

    @Test
    void everyRefusalIsAProblemWithADistinctTypeAndAnExample() {
        List<String> failures = new ArrayList<>();
        Map<String, String> statusOfType = new HashMap<>();
        forEachOperation((name, operation) -> {
            List<String> refusals = codes(operation, code -> code.matches("[45]\\d\\d"));
            if (!CANNOT_REFUSE.contains(name) && refusals.stream().noneMatch(code -> code.startsWith("4"))) {
                failures.add(name + ": documents no 4xx");
            }
            for (String code : refusals) {
                JsonNode response = resolve(operation.path("responses").path(code));
                List<String> types = new ArrayList<>();
                response.path("content").fieldNames().forEachRemaining(types::add);
                if (!types.equals(List.of(PROBLEM))) {
                    failures.add(name + " " + code + ": content is " + types + ", not only " + PROBLEM);
                    continue;
                }
                JsonNode media = response.path("content").path(PROBLEM);
                if (!"#/components/schemas/Problem".equals(media.path("schema").path("$ref").asText())) {
                    failures.add(name + " " + code + ": schema is not Problem");
                }
                if (media.path("examples").isEmpty()) {
                    failures.add(name + " " + code + ": no problem example");
                }
                media.path("examples").fields().forEachRemaining(example -> {
                    JsonNode value = resolve(example.getValue()).path("value");
                    String type = value.path("type").asText();
                    if (!type.equals(TYPE_PREFIX + example.getKey())) {
                        failures.add(name + " " + code + " " + example.getKey() + ": type is '" + type + "'");
                    }
                    if (!String.valueOf(value.path("status").asInt()).equals(code)) {
                        failures.add(name + " " + code + " " + example.getKey() + ": status is " + value.path("status"));
                    }
                    if (value.path("title").asText().isBlank() || value.path("detail").asText().isBlank()) {
                        failures.add(name + " " + code + " " + example.getKey() + ": no title or detail");
                    }
                    String other = statusOfType.putIfAbsent(type, code);
                    if (other != null && !other.equals(code)) {
                        failures.add(type + " is documented as " + other + " and as " + code);
                    }
                });
            }
        });
        assertThat(failures, empty());
        assertTrue(statusOfType.size() >= 40, "distinct problem types documented: " + statusOfType.keySet());
    }

    @Test
    void theIntakeOperationsNameTheirOwnProblems() {
        JsonNode submit = operation("post", "/submissions/{id}/submit");
        assertThat(exampleNames(submit, "409"), hasItems("already-submitted", "deadline-passed", "call-not-open"));
        assertThat(exampleNames(submit, "422"), hasItems("incomplete-submission"));
        assertThat(exampleNames(submit, "404"), containsInAnyOrder("not-found"));

        JsonNode upload = operation("post", "/submissions/{id}/documents");
        assertThat(exampleNames(upload, "413"), containsInAnyOrder("file-too-large", "submission-too-large", "request-too-large"));
        assertThat(exampleNames(upload, "415"), containsInAnyOrder("unsupported-document-type", "content-mismatch"));
        assertThat(exampleNames(upload, "422"), hasItems("virus-found", "macro-enabled-document", "encrypted-document",
                "zip-bomb", "malformed-document", "xml-declarations", "external-reference", "unsafe-hyperlink",
                "idempotency-key-reused"));
        assertThat(exampleNames(upload, "503"), containsInAnyOrder("storage-unavailable", "scanner-unavailable"));
        assertThat(exampleNames(operation("post", "/submissions/{id}/uploads/{uploadId}/complete"), "422"),
                hasItems("size-mismatch", "checksum-mismatch", "virus-found"));
        assertThat(exampleNames(operation("post", "/submissions"), "403"), containsInAnyOrder("forbidden", "no-organisation"));
        assertThat(exampleNames(operation("post", "/calls"), "400"), hasItems("validation-failed", "invalid-time-zone",
                "invalid-idempotency-key"));
        assertThat(exampleNames(operation("put", "/calls/{id}"), "409"), containsInAnyOrder("call-slug-taken", "intake-email-taken"));
        assertThat(exampleNames(operation("post", "/submissions/email"), "409"), hasItems("call-not-open", "deadline-passed"));
        assertThat(exampleNames(operation("post", "/submissions/email"), "400"), hasItems("validation-failed", "unknown-call"));
        assertThat(exampleNames(operation("post", "/receipts/verify"), "422"), containsInAnyOrder("invalid-receipt"));
        assertTrue(operation("post", "/submissions").path("parameters").findValuesAsText("name").contains("Idempotency-Key"));
    }

    @Test
    void theInputRefusalsOfEveryServiceAreListedWhereTheyApply() {
        JsonNode create = operation("post", "/submissions");
        assertThat(exampleNames(create, "400"), hasItems("nul-character", "malformed-request", "validation-failed"));
        assertThat(exampleNames(create, "415"), containsInAnyOrder("unsupported-media-type"));
        assertThat(exampleNames(create, "413"), containsInAnyOrder("request-too-large"));
        assertThat(exampleNames(operation("post", "/submissions/{id}/uploads"), "409"),
                hasItems("call-not-open", "deadline-passed", "not-a-draft"));
        assertThat(exampleNames(operation("post", "/submissions/{id}/documents"), "409"), hasItems("call-not-open", "deadline-passed"));
        assertThat(exampleNames(operation("post", "/submissions/{id}/uploads/{uploadId}/complete"), "409"),
                hasItems("call-not-open", "deadline-passed"));
        forEachOperation((name, operation) -> {
            assertThat(name, exampleNames(operation, "414"), containsInAnyOrder("uri-too-long"));
            assertThat(name, exampleNames(operation, "431"), containsInAnyOrder("headers-too-large"));
        });
        // A streamed upload takes any Content-Type: no 415 for an undeclared body type there.
        assertThat(exampleNames(operation("post", "/submissions/{id}/documents"), "415"),
                containsInAnyOrder("unsupported-document-type", "content-mismatch"));
        JsonNode kind = document.at("/components/schemas/LinkRequest/properties/kind");
        assertEquals(List.of("legislation", "statistics", "report", "website", "other"), enumValues(kind), kind.toString());
    }

    /** The enum of a property: on itself, or on the schema it refers to. */
    private List<String> enumValues(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("enum").forEach(v -> values.add(v.asText()));
        if (values.isEmpty() && property.has("$ref")) {
            resolve(property).path("enum").forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    @Test
    void successStatusesAreThoseTheOperationsAnswer() {
        for (String path : List.of("/calls", "/submissions", "/submissions/{id}/documents",
                "/submissions/{id}/uploads/{uploadId}/complete")) {
            JsonNode created = operation("post", path).path("responses").path("201");
            assertTrue(created.path("headers").has("Location"), path + " 201 names the new resource in Location");
            assertFalse(created.path("content").path("application/json").path("schema").isMissingNode(), path);
        }
        assertEquals(List.of("201"), codes(operation("post", "/submissions/{id}/uploads"), code -> code.startsWith("2")));
        for (String[] noContent : new String[][] { { "delete", "/submissions/{id}" },
                { "delete", "/submissions/{id}/documents/{documentId}" } }) {
            JsonNode operation = operation(noContent[0], noContent[1]);
            assertEquals(List.of("204"), codes(operation, code -> code.startsWith("2")), noContent[1]);
            assertTrue(operation.path("responses").path("204").path("content").isMissingNode(), noContent[1]);
        }
        assertEquals(List.of("200"), codes(operation("post", "/submissions/{id}/submit"), code -> code.startsWith("2")));
        assertEquals("#/components/schemas/SignedReceipt", operation("post", "/submissions/{id}/submit")
                .path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText());
        assertEquals("EMLER-2023-0042", document.at("/components/schemas/Receipt/properties/reference/examples/0").asText());
        assertEquals("emler-2023-racial-justice", document.at("/components/schemas/CallView/properties/slug/examples/0").asText());
        assertEquals("EC", operation("get", "/.well-known/jwks.json").at(
                "/responses/200/content/application~1json/examples/jwks/value/keys/0/kty").asText());
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        int[] count = { 0 };
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method.getKey())) {
                count[0]++;
                check.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        assertTrue(count[0] >= 19, "operations walked: " + count[0]);
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertFalse(operation.isMissingNode(), method + " " + path);
        return operation;
    }

    private static List<String> codes(JsonNode operation, Predicate<String> which) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> {
            if (which.test(code)) {
                codes.add(code);
            }
        });
        return codes;
    }

    private List<String> exampleNames(JsonNode operation, String code) {
        List<String> names = new ArrayList<>();
        resolve(operation.path("responses").path(code)).path("content").path(PROBLEM).path("examples").fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    /** Follows local $refs ("#/components/..."); a dangling one fails the test. */
    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), "local reference: " + ref);
            JsonNode target = document.at(ref.substring(1));
            assertFalse(target.isMissingNode(), "dangling reference " + ref);
            node = target;
        }
        return node;
    }

    /**
     * Collects the paths of properties without an example: a schema is exemplified when it has an example itself, or
     * when it is an array of exemplified items, or an object whose (referenced) properties all are.
     */
    private void unexemplified(JsonNode schema, String path, Set<String> visiting, List<String> missing) {
        if (schema.has("example") || schema.has("examples")) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (visiting.add(ref)) {
                unexemplified(resolve(schema), path, visiting, missing);
                visiting.remove(ref);
            }
            return;
        }
        if (schema.has("items")) {
            unexemplified(schema.get("items"), path + "[]", visiting, missing);
            return;
        }
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            missing.add(path);
            return;
        }
        properties.fields().forEachRemaining(property ->
                unexemplified(property.getValue(), path + "." + property.getKey(), visiting, missing));
    }
}
