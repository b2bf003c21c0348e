package org.callsforinput.mailintake.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of a public call that mail-intake needs: its id, address, title and languages. */
public record CallInfo(String id, String slug, String intakeEmail, Map<String, String> title, List<String> languages) {

    static CallInfo of(JsonNode call) {
        Map<String, String> title = new java.util.LinkedHashMap<>();
        call.path("title").fields().forEachRemaining(e -> title.put(e.getKey(), e.getValue().asText()));
        List<String> languages = new ArrayList<>();
        // The platform's order: English, French, Spanish, then anything else a call has.
        for (String language : List.of("en", "fr", "es")) {
            if (title.containsKey(language)) {
                languages.add(language);
            }
        }
        title.keySet().stream().filter(l -> !languages.contains(l)).forEach(languages::add);
        return new CallInfo(call.path("id").asText(), call.path("slug").asText(),
                call.path("intakeEmail").isTextual() ? call.path("intakeEmail").asText() : null, title, languages);
    }

    public String title(String language) {
        return title.getOrDefault(language, title.values().stream().findFirst().orElse(slug));
    }
}
