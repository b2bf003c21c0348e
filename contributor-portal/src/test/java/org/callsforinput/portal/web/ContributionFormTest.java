package org.callsforinput.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ContributionFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStepReplacesItsOwnFieldsAndKeepsTheOthers() throws Exception {
        JsonNode draft = JSON.readTree("""
                {"id": "5017930d-eb6b-4af2-8680-ae55c569a515", "callId": "0bf49d07-74cd-4f84-b57c-b1d8b8f664d6",
                 "status": "DRAFT", "organisationName": "ODH", "submitterCategory": "NHRI", "country": "FR",
                 "contact": {"name": "Camille", "email": "c@example.org"}, "language": "fr", "themes": ["a"],
                 "title": "T", "summary": "S", "links": [], "coSubmitters": [], "consent": null, "documents": []}""");
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.put("themes", java.util.List.of("a", "b"));
        form.putSingle("summary", "  New summary ");
        form.putSingle("link.0.url", "https://example.org/law");
        form.putSingle("link.0.label", "");
        form.putSingle("link.0.kind", "legislation");
        form.putSingle("link.1.url", "  ");
        form.putSingle("link.1.kind", "report");
        form.putSingle("coSubmitters", "Ligue\r\n\r\n  Amnesty  \n");
        ObjectNode request = ContributionForm.details(ContributionForm.request(draft), form);
        assertThat(request.path("organisationName").asText()).isEqualTo("ODH");
        assertThat(request.path("contact").path("email").asText()).isEqualTo("c@example.org");
        assertThat(request.path("themes").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(request.path("summary").asText()).isEqualTo("New summary");
        assertThat(request.path("links")).hasSize(1);
        assertThat(request.path("links").path(0).path("label").isNull()).isTrue();
        assertThat(request.path("coSubmitters").toString()).isEqualTo("[\"Ligue\",\"Amnesty\"]");
        assertThat(request.has("id")).isFalse();
        assertThat(request.has("documents")).isFalse();
    }

    @Test
    void theApisFieldPathsBecomeTheFormsFields() {
        assertThat(ContributionForm.field("update.request.contact.email")).isEqualTo("contactEmail");
        assertThat(ContributionForm.field("create.request.contact.name")).isEqualTo("contactName");
        assertThat(ContributionForm.field("update.request.links[2].url")).isEqualTo("links");
        assertThat(ContributionForm.field("title")).isEqualTo("title");
    }

    @Test
    void afterTheDeadlineTheLatePolicySaysWhatHappens() throws Exception {
        Instant deadline = Instant.parse("2027-03-01T22:59:00Z");
        JsonNode call = JSON.readTree("{\"deadlineUtc\": \"" + deadline + "\", \"latePolicy\": \"GRACE_PERIOD\", \"graceHours\": 2}");
        CallFacts before = CallFacts.of(call, deadline.minusSeconds(26 * 3600 + 60 * 5));
        assertThat(before.passed()).isFalse();
        assertThat(before.days()).isEqualTo(1);
        assertThat(before.hours()).isEqualTo(2);
        assertThat(before.minutes()).isEqualTo(5);
        assertThat(CallFacts.of(call, deadline.plusSeconds(3600)).late()).isEqualTo("grace");
        assertThat(CallFacts.of(call, deadline.plusSeconds(3 * 3600)).late()).isEqualTo("refused");
        assertThat(CallFacts.of(call, deadline.plusSeconds(3 * 3600)).accepting()).isFalse();
        JsonNode flagged = JSON.readTree("{\"deadlineUtc\": \"" + deadline + "\", \"latePolicy\": \"ACCEPT_FLAGGED\"}");
        assertThat(CallFacts.of(flagged, deadline.plusSeconds(86400)).late()).isEqualTo("accepted");
    }
}
