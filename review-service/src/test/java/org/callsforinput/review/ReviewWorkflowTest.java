package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.ReviewDecided;
import org.callsforinput.contracts.ReviewRetracted;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.minio.GetObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The reviewer workflow end to end against the real stack: claim, screen, decide, approve, events out. */
@QuarkusTest
class ReviewWorkflowTest {

    @Test
    void publicationNeedsAnotherCoordinatorsApprovalAndSendsOnlyPublicData() throws Exception {
        UUID callId = Fixtures.call("accountability", "policing");
        Fixtures.Submission submission = new Fixtures.Submission(callId).document(DocumentRef.ROLE_MAIN, "contribution.docx",
                TestDocuments.docx("Racial profiling during identity checks"));
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);

        update("reviewer1", caseId, "claim", null).statusCode(200).body("assignee", equalTo("reviewer1")).body("status", equalTo("IN_REVIEW"));
        update("reviewer1", caseId, "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE",
                "note", "Relevant", "tags", List.of("policing"), "personalData", false, "sensitiveData", false))
                .statusCode(200).body("screening.tags", equalTo(List.of("policing")));
        update("reviewer1", caseId, "decision", Map.of("decision", "PUBLISH", "reason", "In scope, consent given"))
                .statusCode(200).body("status", equalTo("PROPOSED")).body("decision.proposedBy", equalTo("reviewer1"));

        // "Awaiting my approval": the proposal is listed for others, never for its proposer.
        given().auth().oauth2(Tokens.user("coordinator1")).when().get("/cases?approvableBy=me&callId=" + callId)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(caseId));
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?approvableBy=me&callId=" + callId)
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.user("coordinator1")).when().get("/cases?approvableBy=you").then().statusCode(400);

        // A reviewer cannot approve; a coordinator who is not the proposer can.
        update("reviewer1", caseId, "decision/approval", null).statusCode(403);
        update("coordinator1", caseId, "decision/approval", null).statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision.approvedBy", equalTo("coordinator1"));

        KafkaEvents.Event event = KafkaEvents.await(Topics.REVIEWS,
                e -> EventTypes.REVIEW_DECIDED.equals(e.type()) && submission.id.toString().equals(e.key()), Duration.ofSeconds(30));
        assertThat(event.data()).doesNotContain("camille.martin@example.org").doesNotContain("Camille Martin").doesNotContain("Relevant");
        ReviewDecided decided = Fixtures.MAPPER.readValue(event.data(), ReviewDecided.class);
        assertThat(decided.contribution().organisationName()).isEqualTo("Observatoire des droits humains");
        assertThat(decided.contribution().anonymised()).isFalse();
        assertThat(decided.documents()).singleElement().satisfies(d -> {
            assertThat(d.sha256()).isEqualTo(submission.documents.get(0).sha256());
            assertThat(d.key()).isEqualTo(submission.documents.get(0).key());
        });

        // Deciding twice is refused and changes nothing.
        String etag = Fixtures.etag(caseId);
        given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("decision", "OUT_OF_MANDATE", "reason", "again"))
                .when().post("/cases/" + caseId + "/decision")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:invalid-transition"));
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);

        // The history holds every action, who did it and the state after it.
        given().auth().oauth2(Tokens.user("reviewer2")).when().get("/cases/" + caseId + "/history")
                .then().statusCode(200)
                .body("action", equalTo(List.of("case.received", "case.claimed", "case.screened", "decision.proposed", "decision.approved")))
                .body("[4].actor", equalTo("coordinator1"))
                .body("[4].after.status", equalTo("DECIDED"));
    }

    @Test
    void approvingOnesOwnProposalIsRefused() throws Exception {
        String caseId = screenedCase(Consent.PUBLISH_IN_FULL);
        update("coordinator1", caseId, "decision", Map.of("decision", "PUBLISH", "reason", "ok")).statusCode(200);
        String etag = Fixtures.etag(caseId);
        update("coordinator1", caseId, "decision/approval", null).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:calls-for-input:problem:own-proposal"));
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);
        // Sent back for review by the same coordinator: allowed (it is not an approval).
        update("coordinator1", caseId, "decision/rejection", Map.of("reason", "Needs redaction")).statusCode(200)
                .body("status", equalTo("NEW")).body("decision", nullValue());
    }

    @Test
    void doNotPublishConsentCanNeverLeadToPublication() throws Exception {
        String caseId = screenedCase(Consent.DO_NOT_PUBLISH);
        String etag = Fixtures.etag(caseId);
        for (String decision : List.of("PUBLISH", "PUBLISH_REDACTED")) {
            update("coordinator1", caseId, "decision", Map.of("decision", decision, "reason", "try")).statusCode(409)
                    .body("type", equalTo("urn:calls-for-input:problem:consent-forbids-publication"));
        }
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);
        update("coordinator1", caseId, "decision", Map.of("decision", "CONSIDER_WITHOUT_PUBLISHING", "reason", "Use in the report"))
                .statusCode(200).body("status", equalTo("DECIDED"));
        String submissionId = Fixtures.get("coordinator1", caseId).then().extract().path("submissionId");
        ReviewDecided decided = Fixtures.MAPPER.readValue(KafkaEvents.await(Topics.REVIEWS,
                e -> EventTypes.REVIEW_DECIDED.equals(e.type()) && submissionId.equals(e.key()), Duration.ofSeconds(30)).data(), ReviewDecided.class);
        assertThat(decided.decision().publishes()).isFalse();
        assertThat(decided.contribution()).isNull();
        assertThat(decided.documents()).isEmpty();
    }

    @Test
    void publishWithoutNameYieldsAnonymisedMetadata() throws Exception {
        UUID callId = Fixtures.call("accountability");
        Fixtures.Submission submission = new Fixtures.Submission(callId);
        submission.consent = Consent.PUBLISH_WITHOUT_NAME;
        submission.organisationName = "Named Organisation";
        submission.coSubmitters = List.of("Partner Organisation");
        submission.document(DocumentRef.ROLE_MAIN, "Named Organisation contribution.docx", TestDocuments.docx("text"))
                .document(DocumentRef.ROLE_ANNEX, "Named Organisation annex.docx", TestDocuments.docx("annex"));
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        screen("coordinator1", caseId);
        // Published without the name: each document goes out as its metadata-cleaned copy.
        for (String documentId : Fixtures.get("coordinator1", caseId).then().extract().jsonPath().<String>getList("documents.id")) {
            update("coordinator1", caseId, "documents/" + documentId + "/cleaned-copy", null).statusCode(200);
        }
        update("coordinator1", caseId, "decision", Map.of("decision", "PUBLISH", "reason", "ok")).statusCode(200);
        approveAsSecondCoordinator(caseId);
        KafkaEvents.Event event = KafkaEvents.await(Topics.REVIEWS,
                e -> EventTypes.REVIEW_DECIDED.equals(e.type()) && submission.id.toString().equals(e.key()), Duration.ofSeconds(30));
        assertThat(event.data()).doesNotContain("Named Organisation").doesNotContain("Partner Organisation");
        ReviewDecided decided = Fixtures.MAPPER.readValue(event.data(), ReviewDecided.class);
        assertThat(decided.contribution().anonymised()).isTrue();
        assertThat(decided.contribution().organisationName()).isNull();
        assertThat(decided.documents()).extracting(DocumentRef::fileName).containsExactlyInAnyOrder("contribution.docx", "annex-1.docx");
    }

    @Test
    void redactedCopyIsPublishedAndTheOriginalStaysUntouched() throws Exception {
        UUID callId = Fixtures.call("accountability");
        byte[] original = TestDocuments.docx("Victim: Jean Dupont, born 1980");
        Fixtures.Submission submission = new Fixtures.Submission(callId).document(DocumentRef.ROLE_MAIN, "c.docx", original);
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        String documentId = Fixtures.get("coordinator1", caseId).then().extract().path("documents[0].id");

        // Not a Word, PDF or ODT document: refused, nothing recorded.
        redact(caseId, documentId, TestDocuments.windowsExecutable(), "redacted.docx").statusCode(415)
                .contentType("application/problem+json");
        redact(caseId, documentId, TestDocuments.docm("macro"), "redacted.docx").statusCode(422)
                .body("type", equalTo("urn:calls-for-input:problem:macro-enabled-document"));
        byte[] redacted = TestDocuments.docx("Victim: [redacted]");
        redact(caseId, documentId, redacted, "c (redacted).docx").statusCode(200)
                .body("documents[0].redacted.sha256", equalTo(Fixtures.sha256(redacted)))
                .body("documents[0].sha256", equalTo(Fixtures.sha256(original)));
        byte[] stored = Fixtures.minio().getObject(GetObjectArgs.builder().bucket(Fixtures.BUCKET)
                .object(submission.documents.get(0).key()).build()).readAllBytes();
        assertThat(stored).isEqualTo(original);
        byte[] served = given().auth().oauth2(Tokens.user("reviewer2")).when()
                .get("/cases/" + caseId + "/documents/" + documentId + "/content?variant=redacted")
                .then().statusCode(200).header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertThat(served).isEqualTo(redacted);

        screen("coordinator1", caseId);
        update("coordinator1", caseId, "decision", Map.of("decision", "PUBLISH_REDACTED", "reason", "Victim named")).statusCode(200);
        approveAsSecondCoordinator(caseId);
        ReviewDecided decided = Fixtures.MAPPER.readValue(KafkaEvents.await(Topics.REVIEWS,
                e -> EventTypes.REVIEW_DECIDED.equals(e.type()) && submission.id.toString().equals(e.key()), Duration.ofSeconds(30)).data(),
                ReviewDecided.class);
        assertThat(decided.documents()).singleElement().satisfies(d -> {
            assertThat(d.sha256()).isEqualTo(Fixtures.sha256(redacted));
            assertThat(d.bucket()).isEqualTo(Fixtures.BUCKET);
            assertThat(d.key()).startsWith("redacted/");
        });
    }

    @Test
    void withdrawalAfterApprovalClosesTheCaseAndRetracts() throws Exception {
        UUID callId = Fixtures.call("accountability");
        Fixtures.Submission submission = new Fixtures.Submission(callId).document(DocumentRef.ROLE_MAIN, "c.docx", TestDocuments.docx("t"));
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        screen("coordinator1", caseId);
        update("coordinator1", caseId, "decision", Map.of("decision", "PUBLISH", "reason", "ok")).statusCode(200);
        approveAsSecondCoordinator(caseId);
        submission.withdraw();
        ReviewRetracted retracted = Fixtures.MAPPER.readValue(KafkaEvents.await(Topics.REVIEWS,
                e -> EventTypes.REVIEW_RETRACTED.equals(e.type()) && submission.id.toString().equals(e.key()), Duration.ofSeconds(30)).data(),
                ReviewRetracted.class);
        assertThat(retracted.reason()).isEqualTo(ReviewRetracted.REASON_WITHDRAWN);
        Fixtures.get("reviewer1", caseId).then().body("status", equalTo("WITHDRAWN")).body("decision.retractedAt", org.hamcrest.Matchers.notNullValue());
        update("reviewer1", caseId, "claim", null).statusCode(409).body("type", equalTo("urn:calls-for-input:problem:case-closed"));
    }

    @Test
    void commentsStayInternalAndAreListed() throws Exception {
        String caseId = new Fixtures.Submission(Fixtures.call("accountability")).send();
        String location = given().auth().oauth2(Tokens.user("reviewer2")).contentType(ContentType.JSON)
                .body(Map.of("body", "Check annex 1"))
                .when().post("/cases/" + caseId + "/comments").then().statusCode(201).body("author", equalTo("reviewer2"))
                .extract().header("Location");
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(java.net.URI.create(location).getPath())
                .then().statusCode(200).body("body", equalTo("Check annex 1")).body("author", equalTo("reviewer2"));
        // The comment belongs to its case: under another case's id it is not found.
        String other = new Fixtures.Submission(Fixtures.call("accountability")).send();
        given().auth().oauth2(Tokens.user("reviewer1")).when()
                .get("/cases/" + other + "/comments/" + location.substring(location.lastIndexOf('/') + 1))
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:not-found"));
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + caseId + "/comments")
                .then().statusCode(200).body("body", hasSize(1)).body("[0].body", equalTo("Check annex 1"));
    }

    /** A case screened as within the mandate by a coordinator, with one verified document. */
    static String screenedCase(Consent consent) throws Exception {
        Fixtures.Submission submission = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_MAIN, "c.docx", TestDocuments.docx("text"));
        submission.consent = consent;
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        screen("coordinator1", caseId);
        return caseId;
    }

    static void screen(String user, String caseId) {
        update(user, caseId, "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE")).statusCode(200);
    }

    /** Approval by the realm's second coordinator (the proposals in these tests come from coordinator1). */
    static void approveAsSecondCoordinator(String caseId) {
        update("coordinator2", caseId, "decision/approval", null).statusCode(200).body("status", equalTo("DECIDED"));
    }

    /** A POST (or PUT for screening) on a case with its current ETag. */
    static ValidatableResponse update(String user, String caseId, String action, Object body) {
        var request = given().auth().oauth2(Tokens.user(user)).header("If-Match", Fixtures.etag(caseId));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return ("screening".equals(action) ? request.when().put("/cases/" + caseId + "/" + action)
                : request.when().post("/cases/" + caseId + "/" + action)).then();
    }

    static ValidatableResponse redact(String caseId, String documentId, byte[] content, String fileName) {
        return given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", Fixtures.etag(caseId))
                .contentType("application/octet-stream").body(content).queryParam("fileName", fileName)
                .when().put("/cases/" + caseId + "/documents/" + documentId + "/redacted").then();
    }
}
