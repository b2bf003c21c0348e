package org.callsforinput.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Strict validation against the schemas kept in {@code src/test/resources/schemas}: Kubernetes 1.35.0's definitions
 * (from its swagger.json) and the CRD schemas of the operator versions targeted (see deploy/kubernetes/README.md).
 * Strict as the API server with {@code --validate=strict}: every object schema that lists its properties and does not
 * preserve unknown fields refuses any other field; an object of a kind without a schema is an error.
 */
final class Schemas {

    private static final String[] CRD_FILES = {"strimzi-1.2.0.json", "cloudnative-pg-1.30.0.json",
        "plugin-barman-cloud-0.14.0.json", "keycloak-operator-26.0.0.json", "minio-operator-7.1.1.json",
        "prometheus-operator-0.93.0.json"};
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonSchema> byKind = new HashMap<>();
    private final JsonSchema objectMeta;

    Schemas() {
        ObjectNode k8s = (ObjectNode) load("kubernetes-1.35.0.json");
        ObjectNode definitions = (ObjectNode) strict(k8s.get("definitions"));
        // the API server takes a number for a quantity too (cpu: 1)
        definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity",
                NODES.objectNode().set("type", NODES.arrayNode().add("string").add("number")));
        k8s.get("kinds").fields().forEachRemaining(e -> byKind.put(e.getKey(), refSchema(definitions, e.getValue().asText())));
        objectMeta = refSchema(definitions, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        for (String file : CRD_FILES) {
            load(file).fields().forEachRemaining(e -> {
                ObjectNode schema = (ObjectNode) strict(e.getValue());
                // metadata is checked against ObjectMeta for every kind
                ((ObjectNode) schema.with("properties")).set("metadata", NODES.objectNode());
                String[] gvk = e.getKey().split("/");
                schema.set("properties", withApiVersionAndKind((ObjectNode) schema.get("properties"), gvk[0] + "/" + gvk[1], gvk[2]));
                byKind.put(e.getKey(), FACTORY.getSchema(schema));
            });
        }
    }

    /** Every schema violation of the object, each naming the object and the path; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        JsonSchema schema = byKind.get(key);
        if (schema == null) {
            problems.add(Manifests.id(object) + ": no schema for " + key + " (an unknown kind or apiVersion)");
            return problems;
        }
        schema.validate(object).forEach(m -> problems.add(Manifests.id(object) + ": " + m.getMessage()));
        objectMeta.validate(object.path("metadata")).forEach(m -> problems.add(Manifests.id(object) + ": metadata " + m.getMessage()));
        return problems;
    }

    private static JsonSchema refSchema(ObjectNode definitions, String name) {
        ObjectNode root = NODES.objectNode();
        root.put("$ref", "#/definitions/" + name);
        root.set("definitions", definitions);
        return FACTORY.getSchema(root);
    }

    private static ObjectNode withApiVersionAndKind(ObjectNode properties, String apiVersion, String kind) {
        properties.set("apiVersion", NODES.objectNode().set("enum", NODES.arrayNode().add(apiVersion)));
        properties.set("kind", NODES.objectNode().set("enum", NODES.arrayNode().add(kind)));
        return properties;
    }

    /**
     * The schema made strict and plain JSON Schema: closed objects, int-or-string and quantities as the API server
     * reads them, OpenAPI's {@code nullable}, and no formats or {@code x-} keywords (the validator does not know them).
     */
    static JsonNode strict(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(n -> copy.add(strict(n)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String k = e.getKey();
            if (k.equals("properties") || k.equals("definitions") || k.equals("patternProperties")) {
                ObjectNode props = NODES.objectNode();
                e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), strict(p.getValue())));
                copy.set(k, props);
            } else if (!k.startsWith("x-") && !k.equals("format") && !k.equals("nullable")) {
                copy.set(k, strict(e.getValue()));
            }
        }
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && !node.has("additionalProperties") && !preserve) {
            copy.put("additionalProperties", false);
        }
        boolean intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false)
                || "int-or-string".equals(node.path("format").asText());
        if (intOrString) {
            copy.remove("type");
            copy.set("type", NODES.arrayNode().add("integer").add("string"));
        }
        if (node.path("nullable").asBoolean(false) && copy.has("type") && copy.get("type").isTextual()) {
            copy.set("type", NODES.arrayNode().add(copy.get("type").asText()).add("null"));
        }
        if (node.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            copy.remove("additionalProperties");
        }
        return copy;
    }

    private static JsonNode load(String file) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schema file missing: " + file);
            }
            return Manifests.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
