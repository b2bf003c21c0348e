package org.callsforinput.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects of one rendered overlay, and the few ways the checks look them up. */
record Manifests(String name, List<ObjectNode> objects) {

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    static Manifests render(String overlay) {
        Path dir = Path.of(System.getProperty("k8s.dir"), "overlays", overlay);
        return parse(overlay, Kustomize.render(dir));
    }

    static Manifests parse(String name, String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject()) {
                    objects.add((ObjectNode) node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(name, List.copyOf(objects));
    }

    /** A deep copy, for the negative tests to break. */
    Manifests copy() {
        return new Manifests(name, objects.stream().map(ObjectNode::deepCopy).toList());
    }

    Stream<ObjectNode> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return kind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + name(o);
    }

    /** The pod template of a workload (Deployment, StatefulSet, Job), or empty for other kinds. */
    static Optional<JsonNode> podTemplate(JsonNode o) {
        return switch (o.path("kind").asText()) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job" -> Optional.of(o.path("spec").path("template"));
            case "CronJob" -> Optional.of(o.path("spec").path("jobTemplate").path("spec").path("template"));
            default -> Optional.empty();
        };
    }

    Stream<ObjectNode> workloads() {
        return objects.stream().filter(o -> podTemplate(o).isPresent());
    }

    static Stream<JsonNode> containers(JsonNode podSpec) {
        return Stream.concat(stream(podSpec.path("initContainers")), stream(podSpec.path("containers")));
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
