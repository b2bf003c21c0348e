package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.testing.RawHttp;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Input that must be refused, and what reviewers see of documents (issue 10). */
@QuarkusTest
class InputRulesTest {

    private static final String PROBLEM = "urn:calls-for-input:problem:";

    @Test
    void nulInTheQueuesSearchAndFiltersIsA400() {
        for (String parameter : List.of("q", "assignee", "theme", "tag", "country", "language", "status", "callId", "sort")) {
            given().auth().oauth2(Tokens.user("reviewer1")).urlEncodingEnabled(false)
                    .when().get("/cases?" + parameter + "=a%00b")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM + "nul-character"))
                    .body("detail", containsString("'" + parameter + "'"));
        }
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?q=ordinary").then().statusCode(200);
    }

    @Test
    void nulInTheConflictsLookupOrADeclarationIsA400() {
        given().auth().oauth2(Tokens.user("coordinator1")).urlEncodingEnabled(false)
                .when().get("/reviewers/reviewer1%00/conflicts")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEM + "nul-character"));
        given().auth().oauth2(Tokens.user("reviewer1")).contentType(ContentType.JSON)
                .body(Map.of("kind", "ORGANISATION", "value", "Observatoire\u0000"))
                .when().post("/reviewers/me/conflicts")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character")).body("detail", containsString("'value'"));
        given().auth().oauth2(Tokens.user("coordinator1")).when().get("/reviewers/reviewer1/conflicts").then().statusCode(200);
    }

    @Test
    void caseUpdatesReadJsonStrictly() throws Exception {
        String caseId = new Fixtures.Submission(Fixtures.call("accountability")).send();
        ReviewWorkflowTest.update("reviewer1", caseId, "claim", null).statusCode(200);
        Map<String, Object> screening = new HashMap<>(Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE",
                "note", "Relevant", "tags", List.of("accountability")));

        Map<String, Object> enumNumber = new HashMap<>(screening);
        enumNumber.put("reasonCode", 0);
        screen(caseId, enumNumber).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "malformed-request")).body("detail", containsString("'reasonCode'"));
        Map<String, Object> noteNumber = new HashMap<>(screening);
        noteNumber.put("note", 5);
        screen(caseId, noteNumber).statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"))
                .body("detail", containsString("'note' must be a JSON string"));
        Map<String, Object> tagBoolean = new HashMap<>(screening);
        tagBoolean.put("tags", List.of(true));
        screen(caseId, tagBoolean).statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));
        Map<String, Object> tagNul = new HashMap<>(screening);
        tagNul.put("tags", List.of("accountability\u0000"));
        screen(caseId, tagNul).statusCode(400).body("type", equalTo(PROBLEM + "nul-character"));
        String json = Fixtures.MAPPER.writeValueAsString(screening);
        given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", Fixtures.etag(caseId)).contentType(ContentType.JSON)
                .body(json + " []").when().put("/cases/" + caseId + "/screening")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));
        given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", Fixtures.etag(caseId)).contentType("text/plain")
                .body(json).when().put("/cases/" + caseId + "/screening")
                .then().statusCode(415).contentType("application/problem+json").body("type", equalTo(PROBLEM + "unsupported-media-type"));
        RawHttp.Response raw = RawHttp.send(RestAssured.port, "PUT /cases/" + caseId + "/screening HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + Tokens.user("reviewer1") + "\r\nIf-Match: " + Fixtures.etag(caseId)
                + "\r\nContent-Length: " + json.length() + "\r\n", json);
        assertThat(raw.status()).isEqualTo(415);
        assertThat(raw.body()).contains(PROBLEM + "unsupported-media-type");
        Fixtures.get("reviewer1", caseId).then().body("screening", org.hamcrest.Matchers.nullValue());

        Map<String, Object> comment = Map.of("body", "A comment with \u0000 in it");
        given().auth().oauth2(Tokens.user("reviewer1")).contentType(ContentType.JSON).body(comment)
                .when().post("/cases/" + caseId + "/comments")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character"));
        screen(caseId, screening).statusCode(200);
    }

    @Test
    void anExtractionErrorNamesNoJavaClass() throws Exception {
        byte[] docx = TestDocuments.docx("A document cut in the middle of its zip directory");
        String caseId = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_MAIN, "broken.docx", java.util.Arrays.copyOf(docx, docx.length / 2)).send();
        Fixtures.awaitDocuments(caseId);
        String error = Fixtures.get("reviewer1", caseId).then().body("documents[0].textState", equalTo("FAILED"))
                .extract().path("documents[0].textError");
        assertThat(error).isEqualTo("The document's text could not be extracted");
        assertThat(error).doesNotContainPattern("[A-Za-z]+(Exception|Error)|[a-z]+\\.[a-z]+\\.[A-Z]");
    }

    @Test
    void aCasesDocumentsAreListedMainDocumentFirst() throws Exception {
        String caseId = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_ANNEX, "a-annex.docx", TestDocuments.docx("An annex"))
                .document(DocumentRef.ROLE_MAIN, "z-contribution.docx", TestDocuments.docx("The contribution")).send();
        Fixtures.get("reviewer1", caseId).then().statusCode(200)
                .body("documents.role", equalTo(List.of("MAIN", "ANNEX")))
                .body("documents.fileName", not(equalTo(List.of("a-annex.docx", "z-contribution.docx"))));
    }

    @Test
    void aDocumentDownloadAnswersRanges() throws Exception {
        byte[] docx = TestDocuments.docx("A long contribution that a reviewer downloads in parts");
        String caseId = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_MAIN, "ranged.docx", docx).send();
        String documentId = Fixtures.get("reviewer1", caseId).then().extract().path("documents[0].id");
        String path = "/cases/" + caseId + "/documents/" + documentId + "/content";
        byte[] part = given().auth().oauth2(Tokens.user("reviewer1")).header("Range", "bytes=10-29").when().get(path)
                .then().statusCode(206).header("Content-Range", "bytes 10-29/" + docx.length).header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(docx, 10, 30));
        given().auth().oauth2(Tokens.user("reviewer1")).header("Range", "bytes=" + docx.length + "-").when().get(path)
                .then().statusCode(416).contentType("application/problem+json").header("Content-Range", "bytes */" + docx.length)
                .body("type", equalTo(PROBLEM + "range-not-satisfiable"));
        byte[] whole = given().auth().oauth2(Tokens.user("reviewer1")).header("Range", "bytes=x-y").when().get(path)
                .then().statusCode(200).extract().asByteArray();
        assertThat(whole).isEqualTo(docx);
    }

    private static io.restassured.response.ValidatableResponse screen(String caseId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.user("reviewer1")).header("If-Match", Fixtures.etag(caseId))
                .contentType(ContentType.JSON).body(body).when().put("/cases/" + caseId + "/screening").then();
    }
}
