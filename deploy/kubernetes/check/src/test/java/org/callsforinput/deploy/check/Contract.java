package org.callsforinput.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the manifests promise beyond themselves: {@code deploy/kubernetes/flows.yaml} (every network flow of
 * docs/architecture.md, and how a NetworkPolicy peer names each endpoint) and {@code deploy/kubernetes/secrets.yaml}
 * (every Secret referenced but not in the manifests: made by operations from their secret store, or by an operator).
 */
record Contract(Map<String, JsonNode> endpoints, List<Flow> flows, Set<String> privateRanges,
                Map<String, ExternalSecret> secrets) {

    record Flow(String from, String to, int port, String protocol) {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port + (protocol.equals("TCP") ? "" : "/" + protocol);
        }
    }

    /** madeBy: "operations", or the kind/name of the object whose operator makes it. */
    record ExternalSecret(String name, Set<String> keys, String madeBy) {
    }

    static Contract load() {
        Path dir = Path.of(System.getProperty("k8s.dir"));
        try {
            JsonNode flowsFile = Manifests.YAML.readTree(dir.resolve("flows.yaml").toFile());
            JsonNode secretsFile = Manifests.YAML.readTree(dir.resolve("secrets.yaml").toFile());
            return of(flowsFile, secretsFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Contract of(JsonNode flowsFile, JsonNode secretsFile) {
        Map<String, JsonNode> endpoints = new LinkedHashMap<>();
        flowsFile.path("endpoints").fields().forEachRemaining(e -> endpoints.put(e.getKey(), e.getValue()));
        List<Flow> flows = new ArrayList<>();
        for (JsonNode f : flowsFile.path("flows")) {
            for (JsonNode port : f.path("ports")) {
                flows.add(new Flow(f.path("from").asText(), f.path("to").asText(), port.asInt(),
                        f.path("protocol").asText("TCP")));
            }
        }
        Set<String> ranges = new TreeSet<>();
        flowsFile.path("privateRanges").forEach(r -> ranges.add(r.asText()));
        Map<String, ExternalSecret> secrets = new LinkedHashMap<>();
        for (String group : List.of("operations", "operators")) {
            for (JsonNode s : secretsFile.path(group)) {
                Set<String> keys = new TreeSet<>();
                s.path("keys").forEach(k -> keys.add(k.asText()));
                String madeBy = group.equals("operations") ? "operations" : s.path("madeBy").asText();
                secrets.put(s.path("name").asText(), new ExternalSecret(s.path("name").asText(), keys, madeBy));
            }
        }
        return new Contract(endpoints, flows, ranges, secrets);
    }
}
