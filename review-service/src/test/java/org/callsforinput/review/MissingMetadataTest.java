package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A contribution that arrived by e-mail has no category or country: reviewers fill them in, never overwrite them. */
@QuarkusTest
class MissingMetadataTest {

    @Test
    void theAssigneeFillsInMissingCategoryCountryAndOrganisationOnceAndTheAuditTrailShowsIt() throws Exception {
        UUID callId = Fixtures.call("accountability");
        Fixtures.Submission byMail = new Fixtures.Submission(callId).document(DocumentRef.ROLE_MAIN, "mail.docx",
                TestDocuments.docx("By e-mail"));
        byMail.category = null;
        byMail.country = null;
        byMail.organisationName = null;
        String caseId = byMail.send();
        given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", Fixtures.etag(caseId))
                .when().post("/cases/" + caseId + "/claim").then().statusCode(200);

        metadata("reviewer1", caseId, Map.of("country", "XX")).statusCode(400)
                .body("type", equalTo("urn:calls-for-input:problem:invalid-country"));
        metadata("reviewer2", caseId, Map.of("country", "KE")).statusCode(403);
        metadata("reviewer1", caseId, Map.of("organisationName", " ")).statusCode(400)
                .body("type", equalTo("urn:calls-for-input:problem:validation-failed"));
        metadata("reviewer1", caseId, Map.of("submitterCategory", "CIVIL_SOCIETY", "country", "KE",
                "organisationName", "Kenya Human Rights Forum")).statusCode(200)
                .body("submitterCategory", equalTo("CIVIL_SOCIETY")).body("country", equalTo("KE"))
                .body("organisationName", equalTo("Kenya Human Rights Forum"));
        String etag = Fixtures.etag(caseId);
        metadata("reviewer1", caseId, Map.of("country", "FR")).statusCode(409)
                .body("type", equalTo("urn:calls-for-input:problem:metadata-already-set"));
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);

        String history = given().auth().oauth2(Tokens.user("coordinator1")).when().get("/cases/" + caseId + "/history")
                .then().statusCode(200).extract().asString();
        assertThat(history).contains("case.metadata-completed").contains("\"country\":\"KE\"")
                .contains("\"organisationName\":\"Kenya Human Rights Forum\"");
    }

    @Test
    void whatTheContributorGaveIsNeverOverwritten() throws Exception {
        UUID callId = Fixtures.call("accountability");
        String caseId = new Fixtures.Submission(callId).document(DocumentRef.ROLE_MAIN, "c.docx", TestDocuments.docx("x")).send();
        metadata("coordinator1", caseId, Map.of("submitterCategory", "ACADEMIA")).statusCode(409)
                .body("type", equalTo("urn:calls-for-input:problem:metadata-already-set"));
        metadata("coordinator1", caseId, Map.of("organisationName", "Someone else")).statusCode(409)
                .body("type", equalTo("urn:calls-for-input:problem:metadata-already-set"));
        Fixtures.get("coordinator1", caseId).then().body("submitterCategory", equalTo("CIVIL_SOCIETY"))
                .body("organisationName", equalTo("Observatoire des droits humains"));
    }

    private static ValidatableResponse metadata(String user, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.user(user)).header("If-Match", Fixtures.etag(caseId))
                .contentType(ContentType.JSON).body(body).when().put("/cases/" + caseId + "/metadata").then();
    }
}
