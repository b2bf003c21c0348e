package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SubmissionFlowTest {

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void partnerSubmitsAWordContributionAndItsEventCarriesTheDocument() throws Exception {
        String callId = TestCalls.openCall();
        String id = TestCalls.draft(callId);
        byte[] docx = TestDocuments.docx("Our contribution on accountability.");

        given().auth().oauth2(Tokens.client("partner-odh"))
                .contentType("application/octet-stream").body(docx)
                .queryParam("role", "MAIN").queryParam("fileName", "Contribution ODH – été 2023.docx")
                .when().post("/submissions/" + id + "/documents")
                .then().statusCode(201)
                .body("fileName", equalTo("Contribution ODH – été 2023.docx"))
                .body("size", equalTo(docx.length))
                .body("sha256", equalTo(sha256(docx)))
                .body("contentType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        given().auth().oauth2(Tokens.client("partner-odh"))
                .when().post("/submissions/" + id + "/submit")
                .then().statusCode(200)
                .body("receipt.reference", matchesPattern("T[A-Z0-9]{8}-0001"))
                .body("receipt.timeliness", equalTo("ON_TIME"))
                .body("receipt.files", hasSize(1))
                .body("receipt.files[0].sha256", equalTo(sha256(docx)))
                .body("receipt.files[0].fileName", equalTo("Contribution ODH – été 2023.docx"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("status", equalTo("RECEIVED")).body("late", equalTo(false));

        KafkaEvents.Event event = KafkaEvents.await(Topics.SUBMISSIONS,
                e -> id.equals(e.key()) && EventTypes.SUBMISSION_RECEIVED.equals(e.type()), Duration.ofSeconds(20));
        JsonPath data = JsonPath.from(event.data());
        assertThat(data.getString("contact.email")).isEqualTo("camille.martin@example.org");
        assertThat(data.getString("documents[0].sha256")).isEqualTo(sha256(docx));
        assertThat(data.getString("documents[0].bucket")).isEqualTo("submissions-test");
        assertThat(data.getString("documents[0].key")).startsWith("submissions/" + id + "/");
        assertThat(data.getString("reference")).matches("T[A-Z0-9]{8}-0001");
    }

    @Test
    void contributorWithdrawsASubmittedContribution() {
        String id = TestCalls.draft(TestCalls.openCall());
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/withdraw")
                .then().statusCode(409).body("type", equalTo("urn:calls-for-input:problem:not-submitted"));
        upload(id, TestDocuments.docx("to be withdrawn"), "w.docx").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.client("partner-crln")).when().post("/submissions/" + id + "/withdraw").then().statusCode(404);

        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        KafkaEvents.Event event = KafkaEvents.await(Topics.SUBMISSIONS,
                e -> id.equals(e.key()) && EventTypes.SUBMISSION_WITHDRAWN.equals(e.type()), Duration.ofSeconds(20));
        assertThat(JsonPath.from(event.data()).getString("submissionId")).isEqualTo(id);
    }

    @Test
    void anotherOrganisationSeesNothing() {
        String id = TestCalls.draft(TestCalls.openCall());
        given().auth().oauth2(Tokens.client("partner-crln")).when().get("/submissions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.client("partner-crln")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().statusCode(200).body("contact.name", equalTo("Camille Martin"));
    }

    @Test
    void reviewerCannotUseTheIntakeApi() {
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/submissions").then().statusCode(403);
        given().when().get("/submissions").then().statusCode(401);
    }

    @Test
    void submittingWithoutAWordMainDocumentIsRefused() {
        String id = TestCalls.draft(TestCalls.openCall());
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(422).body("type", equalTo("urn:calls-for-input:problem:incomplete-submission"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("status", equalTo("DRAFT"));
    }

    @Test
    void submittingTwiceIsAConflict() {
        String id = TestCalls.draft(TestCalls.openCall());
        upload(id, TestDocuments.docx("text"), "a.docx").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(409).body("type", equalTo("urn:calls-for-input:problem:already-submitted"));
    }

    @Test
    void fileOverTheLimitIsRefusedWhileStreaming() {
        Map<String, Object> body = new java.util.HashMap<>(TestCalls.callBody("small-" + java.util.UUID.randomUUID().toString().substring(0, 8)));
        body.put("maxFileBytes", 1024);
        String id = TestCalls.draft(TestCalls.openCall(body));
        upload(id, new byte[4096], "big.docx")
                .then().statusCode(413).body("type", equalTo("urn:calls-for-input:problem:file-too-large"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents", hasSize(0));
    }

    @Test
    void fileNamesThatArePathsAreRefused() {
        String id = TestCalls.draft(TestCalls.openCall());
        upload(id, TestDocuments.docx("x"), "../../etc/passwd.docx")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:invalid-file-name"));
        upload(id, TestDocuments.docx("x"), "report\u0007.docx")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:invalid-file-name"));
    }

    @Test
    void badDraftsAreRefused() {
        String callId = TestCalls.openCall();
        Map<String, Object> badLink = new java.util.HashMap<>(TestCalls.draftBody(callId));
        badLink.put("links", java.util.List.of(Map.of("url", "javascript:alert(1)", "kind", "website")));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(badLink)
                .when().post("/submissions")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:invalid-link"));

        Map<String, Object> badTheme = new java.util.HashMap<>(TestCalls.draftBody(callId));
        badTheme.put("themes", java.util.List.of("astrology"));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(badTheme)
                .when().post("/submissions")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:unknown-theme"));

        Map<String, Object> unknownCall = new java.util.HashMap<>(TestCalls.draftBody(java.util.UUID.randomUUID().toString()));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(unknownCall)
                .when().post("/submissions")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:unknown-call"));
    }

    @Test
    void longTextsAreCheckedNotFatal() {
        String callId = TestCalls.openCall();
        // A summary at its limit, over several lines: accepted (its pattern once overflowed the regex engine's stack).
        Map<String, Object> longSummary = new java.util.HashMap<>(TestCalls.draftBody(callId));
        longSummary.put("summary", ("Paragraph of findings.\n").repeat(174).substring(0, 4000));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(longSummary)
                .when().post("/submissions").then().statusCode(201);
        longSummary.put("summary", "x".repeat(4001));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(longSummary)
                .when().post("/submissions").then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:validation-failed"));
        longSummary.put("summary", "bell\u0007");
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(longSummary)
                .when().post("/submissions").then().statusCode(400);
    }

    static io.restassured.response.Response upload(String id, byte[] content, String fileName) {
        return given().auth().oauth2(Tokens.client("partner-odh"))
                .contentType("application/octet-stream").body(content)
                .queryParam("role", "MAIN").queryParam("fileName", fileName)
                .when().post("/submissions/" + id + "/documents");
    }
}
