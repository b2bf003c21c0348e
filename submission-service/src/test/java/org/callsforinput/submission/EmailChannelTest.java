package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Submissions on behalf of e-mail senders: only mail-intake's service account, and nothing else changes. */
@QuarkusTest
class EmailChannelTest {

    static Map<String, Object> emailDraft(String callId) {
        return Map.of("callId", callId, "sender", Map.of("name", "Camille Martin", "email", "camille@odh.example"),
                "title", "Contribution by e-mail", "summary", "Our findings.",
                "links", List.of(Map.of("url", "https://odh.example/report", "kind", "report")),
                "authenticationResults", "mx.example; spf=pass smtp.mailfrom=odh.example");
    }

    @Test
    void mailIntakeSubmitsOnBehalfOfASenderWithTheCallsDefaultsAndTheEventSaysNoCategory() {
        String callId = TestCalls.openCall();
        String id = given().auth().oauth2(Tokens.client("mail-intake")).contentType(ContentType.JSON).body(emailDraft(callId))
                .when().post("/submissions/email")
                .then().statusCode(201)
                .body("channel", equalTo("EMAIL")).body("contact.email", equalTo("camille@odh.example"))
                .body("submitterCategory", nullValue()).body("country", nullValue())
                // The sender's name is the private contact, never the (public) organisation's name.
                .body("contact.name", equalTo("Camille Martin")).body("organisationName", nullValue())
                .body("consent", equalTo("PUBLISH_IN_FULL")).body("language", equalTo("en"))
                .extract().path("id");
        given().auth().oauth2(Tokens.client("mail-intake")).contentType("application/octet-stream")
                .body(TestDocuments.docx("By mail")).queryParam("fileName", "mail.docx")
                .when().post("/submissions/" + id + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("mail-intake")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).body("receipt.organisationName", nullValue());

        KafkaEvents.Event event = KafkaEvents.await(Topics.SUBMISSIONS,
                e -> id.equals(e.key()) && EventTypes.SUBMISSION_RECEIVED.equals(e.type()), Duration.ofSeconds(20));
        JsonPath data = JsonPath.from(event.data());
        assertThat(data.getString("submitterCategory")).isNull();
        assertThat(data.getString("country")).isNull();
        assertThat(data.getString("contact.email")).isEqualTo("camille@odh.example");
    }

    @Test
    void partnersCannotUseTheEmailChannelAndMailIntakeCannotPoseAsAPartner() {
        String callId = TestCalls.openCall();
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(emailDraft(callId))
                .when().post("/submissions/email").then().statusCode(403);
        given().auth().oauth2(Tokens.client("mail-intake")).contentType(ContentType.JSON).body(TestCalls.draftBody(callId))
                .when().post("/submissions").then().statusCode(403);
        // A partner's own submissions stay out of mail-intake's reach.
        String partners = TestCalls.draft(callId);
        given().auth().oauth2(Tokens.client("mail-intake")).when().get("/submissions/" + partners).then().statusCode(404);
    }

    @Test
    void aCallsIntakeAddressIsPublicAndBelongsToOneCallOnly() {
        String address = "calls+" + UUID.randomUUID().toString().substring(0, 8) + "@calls.localhost";
        Map<String, Object> body = new HashMap<>(TestCalls.callBody("call-" + UUID.randomUUID().toString().substring(0, 12)));
        body.put("intakeEmail", address);
        String callId = TestCalls.openCall(body);
        given().when().get("/calls/" + callId).then().statusCode(200).body("intakeEmail", equalTo(address));

        Map<String, Object> other = new HashMap<>(TestCalls.callBody("call-" + UUID.randomUUID().toString().substring(0, 12)));
        other.put("intakeEmail", address.toUpperCase());
        given().auth().oauth2(Tokens.user("callmanager")).contentType(ContentType.JSON).body(other)
                .when().post("/calls").then().statusCode(409)
                .body("type", equalTo("urn:calls-for-input:problem:intake-email-taken"));
    }
}
