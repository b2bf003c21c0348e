package org.callsforinput.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CallFormTest {

    @Test
    void theCallFormBecomesTheApisRequest() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("slug", " education-2027 ");
        form.putSingle("mandate", "Special Rapporteur");
        form.putSingle("title.en", "Education");
        form.putSingle("title.fr", "Éducation");
        form.putSingle("title.es", "");
        form.putSingle("theme.0.key", "schools");
        form.putSingle("theme.0.en", "Schools");
        form.putSingle("theme.1.key", "");
        form.putSingle("theme.1.en", "");
        form.putSingle("theme.2.key", "teachers");
        form.putSingle("timeZone", "America/New_York");
        form.putSingle("opensAt", "2027-01-10T09:00");
        form.putSingle("deadline", "2027-03-01T23:59");
        form.put("mainTypes", java.util.List.of("DOCX", "PDF"));
        form.putSingle("maxFileMegabytes", "20");
        form.putSingle("maxFiles", "many");
        JsonNode call = CallForm.read(form);
        assertThat(call.path("slug").asText()).isEqualTo("education-2027");
        assertThat(call.path("title").has("es")).isFalse();
        assertThat(call.path("title").path("fr").asText()).isEqualTo("Éducation");
        assertThat(call.path("themes")).hasSize(2);
        assertThat(call.path("themes").path(1).path("key").asText()).isEqualTo("teachers");
        assertThat(call.path("opensAt").asText()).isEqualTo("2027-01-10T14:00:00Z");
        assertThat(call.path("deadline").asText()).isEqualTo("2027-03-01T23:59");
        assertThat(call.path("mainTypes").toString()).isEqualTo("[\"DOCX\",\"PDF\"]");
        assertThat(call.path("maxFileBytes").asLong()).isEqualTo(20L * 1024 * 1024);
        // Left for the API to refuse, with its reason next to the field.
        assertThat(call.path("maxFiles").asText()).isEqualTo("many");
        assertThat(CallForm.errorsByField(java.util.Map.of("create.request.themes[1].label.en", "must not be blank",
                "slug", "lower-case letters"))).containsEntry("themes", "must not be blank").containsEntry("slug", "lower-case letters");
    }
}
