package org.callsforinput.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The contract every service's OpenAPI document keeps, checked by each service's tests against its running
 * {@code /q/openapi}: every operation documents a success and its refusals; every 4xx/5xx is only
 * {@code application/problem+json} with the Problem schema and examples whose type, status and title are the ones
 * docs/problems.md lists for that type; every local {@code $ref} resolves.
 */
public final class OpenApiContract {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:calls-for-input:problem:";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (\\d{3}) \\| ([^|]+) \\|", Pattern.MULTILINE);

    private final JsonNode document;

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** Reads the OpenAPI document of the service under test. */
    public static OpenApiContract ofService() {
        try {
            return new OpenApiContract(new ObjectMapper().readTree(given().queryParam("format", "json")
                    .when().get("/q/openapi").then().statusCode(200).extract().asString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every breach of the contract, one line each; an empty list when the document keeps it. */
    public List<String> breaches() {
        List<String> breaches = new ArrayList<>();
        List<String[]> listed = listedTypes();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = method.getValue().path("responses");
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
                breaches.add(name + ": documents no success");
            }
            if (method.getValue().path("summary").asText().isBlank()) {
                breaches.add(name + ": no summary");
            }
            for (String code : codes) {
                JsonNode response = resolve(responses.path(code), breaches);
                if (!code.matches("[45]\\d\\d")) {
                    continue;
                }
                List<String> types = new ArrayList<>();
                response.path("content").fieldNames().forEachRemaining(types::add);
                if (!types.equals(List.of(PROBLEM))) {
                    breaches.add(name + " " + code + ": content is " + types + ", not only " + PROBLEM);
                    continue;
                }
                JsonNode media = response.path("content").path(PROBLEM);
                if (!"#/components/schemas/Problem".equals(media.path("schema").path("$ref").asText())) {
                    breaches.add(name + " " + code + ": schema is not Problem");
                }
                if (media.path("examples").isEmpty()) {
                    breaches.add(name + " " + code + ": no problem example");
                }
                media.path("examples").fields().forEachRemaining(example -> {
                    JsonNode value = resolve(example.getValue(), breaches).path("value");
                    String slug = example.getKey();
                    if (!value.path("type").asText().equals(TYPE_PREFIX + slug)) {
                        breaches.add(name + " " + code + " " + slug + ": type is '" + value.path("type").asText() + "'");
                    }
                    if (!String.valueOf(value.path("status").asInt()).equals(code)) {
                        breaches.add(name + " " + code + " " + slug + ": the example's status is " + value.path("status"));
                    }
                    String[] row = listed.stream().filter(r -> r[0].equals(slug)).findFirst().orElse(null);
                    if (row == null) {
                        breaches.add(slug + ": not listed in docs/problems.md");
                    } else if (!row[1].equals(code) || !row[2].equals(value.path("title").asText())) {
                        breaches.add(slug + ": docs/problems.md lists " + row[1] + " '" + row[2] + "', the document "
                                + code + " '" + value.path("title").asText() + "'");
                    }
                });
            }
        }));
        return breaches.stream().distinct().toList();
    }

    /** The slugs of the problem examples of one response of one operation. */
    public List<String> problemTypes(String method, String path, String code) {
        List<String> names = new ArrayList<>();
        resolve(document.path("paths").path(path).path(method).path("responses").path(code), new ArrayList<>())
                .path("content").path(PROBLEM).path("examples").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The response codes an operation documents. */
    public List<String> codes(String method, String path) {
        List<String> codes = new ArrayList<>();
        document.path("paths").path(path).path(method).path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    /** One response of one operation, with its $ref followed. */
    public JsonNode response(String method, String path, String code) {
        return resolve(document.path("paths").path(path).path(method).path("responses").path(code), new ArrayList<>());
    }

    private JsonNode resolve(JsonNode node, List<String> breaches) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = ref.startsWith("#/") ? document.at(ref.substring(1)) : MissingNode.getInstance();
            if (target.isMissingNode()) {
                breaches.add("dangling reference " + ref);
                return target;
            }
            node = target;
        }
        return node;
    }

    /** The rows of docs/problems.md (slug, status, title), read from the repository's root above the module. */
    private static List<String[]> listedTypes() {
        Path docs = Path.of("..", "docs", "problems.md");
        try {
            String text = Files.readString(docs);
            List<String[]> rows = new ArrayList<>();
            Matcher row = ROW.matcher(text);
            while (row.find()) {
                rows.add(new String[] { row.group(1), row.group(2), row.group(3).strip() });
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("docs/problems.md cannot be read from " + docs.toAbsolutePath(), e);
        }
    }
}
