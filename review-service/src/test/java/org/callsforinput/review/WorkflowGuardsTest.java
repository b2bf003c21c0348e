package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input and invalid transitions: each a 4xx problem+json that changes nothing (the case's version stays). */
@QuarkusTest
class WorkflowGuardsTest {

    private static final String PROBLEM = "urn:calls-for-input:problem:";

    @Test
    void updatesNeedTheCurrentVersion() throws Exception {
        String caseId = new Fixtures.Submission(Fixtures.call("accountability")).send();
        String etag = Fixtures.etag(caseId);
        given().auth().oauth2(Tokens.user("reviewer1")).when().post("/cases/" + caseId + "/claim")
                .then().statusCode(428).contentType("application/problem+json").body("type", equalTo(PROBLEM + "version-required"));
        given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", "\"999\"").when().post("/cases/" + caseId + "/claim")
                .then().statusCode(412).contentType("application/problem+json").body("type", equalTo(PROBLEM + "stale-version"));
        given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", "garbage").when().post("/cases/" + caseId + "/claim")
                .then().statusCode(412);
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);

        // Two front-ends saw the same version: the first update wins, the second gets 412.
        given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", etag).when().post("/cases/" + caseId + "/claim")
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.not(etag));
        given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("assignee", "reviewer2")).when().put("/cases/" + caseId + "/assignee")
                .then().statusCode(412);
        Fixtures.get("reviewer1", caseId).then().body("assignee", equalTo("reviewer1"));
    }

    @Test
    void screeningRefusesUnknownCodesTagsAndFields() throws Exception {
        String caseId = new Fixtures.Submission(Fixtures.call("accountability", "policing")).send();
        String etag = Fixtures.etag(caseId);
        screening(caseId, Map.of("withinMandate", true, "reasonCode", "BECAUSE")).statusCode(400)
                .body("type", equalTo(PROBLEM + "malformed-request"));
        screening(caseId, Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE", "tags", List.of("astrology"))).statusCode(400)
                .body("type", equalTo(PROBLEM + "unknown-tag"));
        screening(caseId, Map.of("withinMandate", false, "reasonCode", "WITHIN_MANDATE")).statusCode(400)
                .body("type", equalTo(PROBLEM + "invalid-reason-code"));
        screening(caseId, Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE", "colour", "red")).statusCode(400)
                .body("type", equalTo(PROBLEM + "malformed-request"));
        screening(caseId, Map.of("reasonCode", "WITHIN_MANDATE")).statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"));
        screening(caseId, Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE", "note", "x".repeat(4001))).statusCode(400);
        given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", etag).contentType(ContentType.JSON).body("{not json")
                .when().put("/cases/" + caseId + "/screening").then().statusCode(400).contentType("application/problem+json");
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);
        Fixtures.get("coordinator1", caseId).then().body("screening", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void decisionsFollowTheScreeningAndTheRules() throws Exception {
        String caseId = new Fixtures.Submission(Fixtures.call("accountability")).send();
        decide(caseId, "coordinator1", "PUBLISH").statusCode(409).body("type", equalTo(PROBLEM + "not-screened"));
        ReviewWorkflowTest.screen("coordinator1", caseId);
        String etag = Fixtures.etag(caseId);
        decide(caseId, "coordinator1", "OUT_OF_MANDATE").statusCode(409).body("type", equalTo(PROBLEM + "decision-contradicts-screening"));
        decide(caseId, "coordinator1", "PUBLISH_REDACTED").statusCode(409).body("type", equalTo(PROBLEM + "no-redacted-copy"));
        decide(caseId, "coordinator1", "MAYBE").statusCode(400);
        // A reviewer who is not the assignee may not decide.
        decide(caseId, "reviewer2", "PUBLISH").statusCode(403).body("type", equalTo(PROBLEM + "not-assignee"));
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);
        // Nothing proposed: nothing to approve.
        ReviewWorkflowTest.update("coordinator2", caseId, "decision/approval", null).statusCode(409)
                .body("type", equalTo(PROBLEM + "invalid-transition"));
    }

    @Test
    void unknownCasesAndDocumentsAre404() {
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", "\"0\"").when().post("/cases/" + unknown + "/claim")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + unknown + "/history").then().statusCode(404);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + unknown + "/documents/" + unknown + "/content")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDocumentWhoseObjectIsGoneIsFlaggedAndItsDownloadIs404() throws Exception {
        Fixtures.Submission submission = new Fixtures.Submission(Fixtures.call("accountability"));
        submission.documents.add(new org.callsforinput.contracts.DocumentRef(UUID.randomUUID(), "MAIN", Fixtures.BUCKET,
                "submissions/never-stored/" + UUID.randomUUID(), "gone.docx", Fixtures.DOCX, 10, "0".repeat(64)));
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        String documentId = Fixtures.get("reviewer1", caseId).then().body("documents[0].integrity", equalTo("MISSING"))
                .body("documents[0].textState", equalTo("SKIPPED")).extract().path("documents[0].id");
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + caseId + "/documents/" + documentId + "/content")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo(PROBLEM + "document-missing"));
    }

    @Test
    void conflictedReviewersCannotBeAssignedNorClaim() throws Exception {
        UUID callId = Fixtures.call("accountability");
        Fixtures.Submission byOrganisation = new Fixtures.Submission(callId);
        byOrganisation.organisationName = "Conflicted NGO " + UUID.randomUUID();
        Fixtures.Submission byCountry = new Fixtures.Submission(callId);
        byCountry.country = "NZ";
        Fixtures.Submission asCoSubmitter = new Fixtures.Submission(callId);
        asCoSubmitter.coSubmitters = List.of(byOrganisation.organisationName.toUpperCase());
        String organisationCase = byOrganisation.send();
        String countryCase = byCountry.send();
        String coSubmitterCase = asCoSubmitter.send();

        // Start from no declarations (the test database may hold an earlier run's).
        for (String id : given().auth().oauth2(Tokens.user("reviewer2")).when().get("/reviewers/me/conflicts").then().extract()
                .jsonPath().<String>getList("id")) {
            given().auth().oauth2(Tokens.user("reviewer2")).when().delete("/reviewers/me/conflicts/" + id).then().statusCode(204);
        }
        String conflictId = declare("reviewer2", "ORGANISATION", " " + byOrganisation.organisationName + " ").statusCode(201)
                .extract().path("id");
        String location = declare("reviewer2", "COUNTRY", "nz").statusCode(201).body("value", equalTo("NZ"))
                .extract().header("Location");
        given().auth().oauth2(Tokens.user("reviewer2")).when().get(java.net.URI.create(location).getPath())
                .then().statusCode(200).body("value", equalTo("NZ")).body("kind", equalTo("COUNTRY"));
        // Another reviewer's conflict is not theirs to see.
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(java.net.URI.create(location).getPath())
                .then().statusCode(404).contentType("application/problem+json");
        declare("reviewer2", "COUNTRY", "NZ").statusCode(409);
        declare("reviewer2", "COUNTRY", "New Zealand").statusCode(400);
        declare("reviewer2", "PLANET", "Mars").statusCode(400);

        for (String caseId : List.of(organisationCase, countryCase, coSubmitterCase)) {
            String etag = Fixtures.etag(caseId);
            given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("assignee", "reviewer2")).when().put("/cases/" + caseId + "/assignee")
                    .then().statusCode(409).body("type", equalTo(PROBLEM + "conflict-of-interest"));
            ReviewWorkflowTest.update("reviewer2", caseId, "claim", null).statusCode(409)
                    .body("type", equalTo(PROBLEM + "conflict-of-interest"));
            assertThat(Fixtures.etag(caseId)).isEqualTo(etag);
        }
        given().auth().oauth2(Tokens.user("coordinator1")).when().get("/reviewers/reviewer2/conflicts")
                .then().statusCode(200).body("kind", org.hamcrest.Matchers.hasItems("ORGANISATION", "COUNTRY"));
        // Another reviewer cannot remove reviewer2's declaration; reviewer2 can.
        given().auth().oauth2(Tokens.user("reviewer1")).when().delete("/reviewers/me/conflicts/" + conflictId).then().statusCode(404);
        given().auth().oauth2(Tokens.user("reviewer2")).when().delete("/reviewers/me/conflicts/" + conflictId).then().statusCode(204);
        ReviewWorkflowTest.update("reviewer2", organisationCase, "claim", null).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse screening(String caseId, Map<String, Object> body) {
        return ReviewWorkflowTest.update("coordinator1", caseId, "screening", body);
    }

    private static io.restassured.response.ValidatableResponse decide(String caseId, String user, String decision) {
        return ReviewWorkflowTest.update(user, caseId, "decision", Map.of("decision", decision, "reason", "test"));
    }

    private static io.restassured.response.ValidatableResponse declare(String user, String kind, String value) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(Map.of("kind", kind, "value", value))
                .when().post("/reviewers/me/conflicts").then();
    }
}
