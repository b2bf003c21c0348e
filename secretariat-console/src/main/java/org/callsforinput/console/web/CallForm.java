package org.callsforinput.console.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call form: what a call manager types, as the JSON of submission-service's {@code POST/PUT /calls}, and back.
 * The form shows the API's own shape (one template for a new call, an edit and a refused attempt), with the opening
 * time as a wall-clock time in the call's time zone and the sizes in megabytes.
 */
final class CallForm {

    static final List<String> LANGUAGES = List.of("en", "fr", "es");
    static final List<String> LATE_POLICIES = List.of("REJECT", "ACCEPT_FLAGGED", "GRACE_PERIOD");
    static final List<String> FORMATS = List.of("DOCX", "DOC", "PDF", "ODT", "XLSX");
    static final List<String> CONSENTS = List.of("PUBLISH_IN_FULL", "PUBLISH_WITHOUT_NAME", "DO_NOT_PUBLISH");
    /** Theme rows the form offers beyond the call's own. */
    static final int EXTRA_THEME_ROWS = 3;
    private static final long MEGABYTE = 1024 * 1024;
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CallForm() {
    }

    /** A new call's starting values: the platform's defaults, in Geneva's time zone. */
    static ObjectNode blank() {
        ObjectNode call = JSON.objectNode();
        call.put("timeZone", "Europe/Zurich");
        call.put("latePolicy", "ACCEPT_FLAGGED");
        call.put("graceHours", 0);
        call.putArray("mainTypes").add("DOCX").add("DOC");
        call.putArray("annexTypes").add("PDF");
        call.put("maxFileBytes", 50 * MEGABYTE);
        call.put("maxSubmissionBytes", 500 * MEGABYTE);
        call.put("maxFiles", 10);
        call.put("publicationDefault", "PUBLISH_IN_FULL");
        call.putArray("themes");
        return call;
    }

    /** The request body from the posted form; values that do not parse are passed on for the API to refuse. */
    static ObjectNode read(MultivaluedMap<String, String> form) {
        ObjectNode call = JSON.objectNode();
        text(call, "slug", form);
        text(call, "referencePrefix", form);
        text(call, "mandate", form);
        call.set("title", perLanguage(form, "title."));
        call.set("description", perLanguage(form, "description."));
        ArrayNode themes = call.putArray("themes");
        for (int i = 0; i < 100; i++) {
            String key = value(form, "theme." + i + ".key");
            ObjectNode label = perLanguage(form, "theme." + i + ".");
            if (key == null && label.isEmpty()) {
                if (!form.containsKey("theme." + i + ".key")) {
                    break;
                }
                continue;
            }
            ObjectNode theme = themes.addObject();
            theme.put("key", key == null ? "" : key);
            theme.set("label", label);
        }
        String zone = value(form, "timeZone");
        if (zone != null) {
            call.put("timeZone", zone);
        }
        String opensAt = value(form, "opensAt");
        if (opensAt != null) {
            call.put("opensAt", instant(opensAt, zone));
        }
        text(call, "deadline", form);
        text(call, "latePolicy", form);
        number(call, "graceHours", value(form, "graceHours"), 1);
        list(call, "mainTypes", form);
        list(call, "annexTypes", form);
        number(call, "maxFileBytes", value(form, "maxFileMegabytes"), MEGABYTE);
        number(call, "maxSubmissionBytes", value(form, "maxSubmissionMegabytes"), MEGABYTE);
        number(call, "maxFiles", value(form, "maxFiles"), 1);
        text(call, "publicationDefault", form);
        text(call, "intakeEmail", form);
        return call;
    }

    /** The API's field errors by form field: {@code themes[2].label.en} belongs to {@code themes}. */
    static Map<String, String> errorsByField(Map<String, String> apiErrors) {
        Map<String, String> byField = new LinkedHashMap<>();
        apiErrors.forEach((field, message) -> {
            String path = field.replaceFirst("^(create|replace)\\.request\\.", "");
            String name = path.split("[.\\[]", 2)[0];
            byField.merge(name, message, (a, b) -> a + "; " + b);
        });
        return byField;
    }

    /** The opening time for the form's input: wall-clock in the call's zone. */
    static String openingInput(JsonNode call) {
        String opensAt = call.path("opensAt").asText("");
        try {
            return INPUT.format(Instant.parse(opensAt).atZone(ZoneId.of(call.path("timeZone").asText("UTC"))));
        } catch (RuntimeException e) {
            return opensAt;
        }
    }

    static String deadlineInput(JsonNode call) {
        String deadline = call.path("deadline").asText("");
        try {
            return INPUT.format(LocalDateTime.parse(deadline));
        } catch (RuntimeException e) {
            return deadline;
        }
    }

    static String megabytes(JsonNode call, String field) {
        JsonNode bytes = call.path(field);
        return bytes.isNumber() ? Long.toString(bytes.longValue() / MEGABYTE) : bytes.asText("");
    }

    private static String instant(String local, String zone) {
        try {
            return LocalDateTime.parse(local).atZone(ZoneId.of(zone == null ? "UTC" : zone)).toInstant().toString();
        } catch (RuntimeException e) {
            return local;
        }
    }

    private static ObjectNode perLanguage(MultivaluedMap<String, String> form, String prefix) {
        ObjectNode texts = JSON.objectNode();
        for (String lang : LANGUAGES) {
            String text = value(form, prefix + lang);
            if (text != null) {
                texts.put(lang, text);
            }
        }
        return texts;
    }

    private static void text(ObjectNode call, String field, MultivaluedMap<String, String> form) {
        String value = value(form, field);
        if (value != null) {
            call.put(field, value);
        }
    }

    private static void list(ObjectNode call, String field, MultivaluedMap<String, String> form) {
        ArrayNode values = call.putArray(field);
        List<String> chosen = form.get(field);
        if (chosen != null) {
            chosen.stream().filter(v -> v != null && !v.isBlank()).forEach(values::add);
        }
    }

    private static void number(ObjectNode call, String field, String value, long unit) {
        if (value == null) {
            return;
        }
        try {
            call.put(field, Math.multiplyExact(Long.parseLong(value), unit));
        } catch (ArithmeticException | NumberFormatException e) {
            call.put(field, value);
        }
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
