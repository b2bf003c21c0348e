package org.callsforinput.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;

/**
 * Lets templates read the services' JSON as it comes: {@code {case.title}}, {@code {#for d in case.documents}},
 * {@code {list.size}}, {@code {map.entries}}. Text, numbers and booleans come out as Java values (Qute escapes text
 * for HTML), arrays as lists of such values, a missing or null member as null.
 */
@EngineConfiguration
public class JsonValues implements ValueResolver {

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof JsonNode;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        JsonNode node = (JsonNode) context.getBase();
        String name = context.getName();
        if (node.isMissingNode()) {
            // A member of something absent (an array element beyond the end): absent too, all the way down.
            return CompletedStage.of(node);
        }
        if (node.isArray()) {
            return CompletedStage.of(switch (name) {
                case "size" -> node.size();
                case "empty", "isEmpty" -> node.isEmpty();
                default -> name.chars().allMatch(Character::isDigit) ? value(node.get(Integer.parseInt(name))) : null;
            });
        }
        if (node.isObject() && "entries".equals(name) && !node.has("entries")) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            node.fields().forEachRemaining(e -> entries.add(Map.entry(e.getKey(), value(e.getValue()))));
            return CompletedStage.of(entries);
        }
        return CompletedStage.of(node.isObject() ? value(node.get(name)) : null);
    }

    static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isArray()) {
            // A list of Java values: {#each} gives texts as texts, and size/isEmpty are the list's own.
            List<Object> values = new ArrayList<>(v.size());
            v.forEach(element -> values.add(value(element)));
            return values;
        }
        return v;
    }
}
