package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.callsforinput.testing.RawHttp;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Input that must be refused, and the small rules of the intake a partner relies on (issue 10). */
@QuarkusTest
class InputRulesTest {

    private static final String PROBLEM = "urn:calls-for-input:problem:";

    @Test
    void nulInAnyDraftTextIsA400NamingTheField() {
        String callId = TestCalls.openCall();
        for (String field : List.of("organisationName", "title", "summary", "country")) {
            Map<String, Object> body = new HashMap<>(TestCalls.draftBody(callId));
            body.put(field, "before\u0000after");
            createDraft(body).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM + "nul-character"))
                    .body("detail", containsString("'" + field + "'"));
        }
        Map<String, Object> inList = new HashMap<>(TestCalls.draftBody(callId));
        inList.put("themes", List.of("accountability\u0000"));
        createDraft(inList).then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character"))
                .body("detail", containsString("themes[0]"));
        Map<String, Object> inLink = new HashMap<>(TestCalls.draftBody(callId));
        inLink.put("links", List.of(Map.of("url", "https://example.org/\u0000", "kind", "report")));
        createDraft(inLink).then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions").then().statusCode(200);
    }

    @Test
    void nulInAQueryOrPathParameterOrHeaderIsA400() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .body(TestDocuments.docx("x")).urlEncodingEnabled(false)
                .when().post("/submissions/" + id + "/documents?role=MAIN&fileName=a%00.docx")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "nul-character"))
                .body("detail", containsString("'fileName'"));
        given().auth().oauth2(Tokens.client("partner-odh")).urlEncodingEnabled(false)
                .when().get("/submissions/" + id + "%00")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character"));
        given().urlEncodingEnabled(false).when().get("/calls?slug=%00")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character"));
        RawHttp.Response brokenEscape = RawHttp.send(RestAssured.port, "GET /calls?slug=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        assertThat(brokenEscape.status()).isEqualTo(400); // Vert.x' own answer to a broken escape, never a 500
        // An Idempotency-Key is stored: a raw NUL in it must not reach the database either.
        RawHttp.Response raw = RawHttp.send(RestAssured.port, "POST /submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + Tokens.client("partner-odh") + "\r\nIdempotency-Key: a\u0000b\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n", "{}");
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.body()).doesNotContain("internal-error");
    }

    @Test
    void jsonIsReadStrictly() {
        String callId = TestCalls.openCall();
        Map<String, Object> consentNumber = new HashMap<>(TestCalls.draftBody(callId));
        consentNumber.put("consent", 1);
        createDraft(consentNumber).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "malformed-request"))
                .body("detail", containsString("'consent'"));
        Map<String, Object> consentDigits = new HashMap<>(TestCalls.draftBody(callId));
        consentDigits.put("consent", "1");
        createDraft(consentDigits).then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));
        Map<String, Object> titleNumber = new HashMap<>(TestCalls.draftBody(callId));
        titleNumber.put("title", 42);
        createDraft(titleNumber).then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"))
                .body("detail", containsString("'title' must be a JSON string"));
        Map<String, Object> titleBoolean = new HashMap<>(TestCalls.draftBody(callId));
        titleBoolean.put("organisationName", true);
        createDraft(titleBoolean).then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));
        Map<String, Object> themeNumber = new HashMap<>(TestCalls.draftBody(callId));
        themeNumber.put("themes", List.of(7));
        createDraft(themeNumber).then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));

        String valid = json(TestCalls.draftBody(callId));
        for (String trailing : List.of(valid + " {}", valid + "x", valid + "]")) {
            given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(trailing)
                    .when().post("/submissions").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM + "malformed-request"));
        }
        assertThat(given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions?size=200")
                .then().extract().jsonPath().getList("findAll { it.callId == '" + callId + "' }")).isEmpty();
    }

    @Test
    void aJsonOperationRefusesABodyNotDeclaredAsJson() throws Exception {
        String callId = TestCalls.openCall();
        String body = json(TestCalls.draftBody(callId));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("text/plain").body(body)
                .when().post("/submissions").then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "unsupported-media-type"));
        // Without any Content-Type (a client can leave it out; REST Assured always sends one, so by hand).
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RawHttp.Response raw = RawHttp.send(RestAssured.port, "POST /submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + Tokens.client("partner-odh") + "\r\nContent-Length: " + bytes.length + "\r\n", body);
        assertThat(raw.status()).isEqualTo(415);
        assertThat(raw.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(raw.body()).contains(PROBLEM + "unsupported-media-type");
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/json; charset=UTF-8").body(body)
                .when().post("/submissions").then().statusCode(201);
    }

    @Test
    void aDraftOfAClosedCallTakesNoMoreDocuments() throws Exception {
        String callId = TestCalls.openCall();
        String id = TestCalls.draft(callId);
        byte[] docx = TestDocuments.docx("announced before the call closed");
        String sha = SubmissionFlowTest.sha256(docx);
        Map<String, Object> ticket = given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("role", "MAIN", "fileName", "early.docx", "size", docx.length, "sha256", sha))
                .when().post("/submissions/" + id + "/uploads").then().statusCode(201).extract().as(Map.class);
        int put = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create((String) ticket.get("url"))).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(docx)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(put).isEqualTo(200);

        given().auth().oauth2(Tokens.user("callmanager")).when().post("/calls/" + callId + "/close").then().statusCode(200);

        SubmissionFlowTest.upload(id, TestDocuments.docx("too late"), "late.docx")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo(PROBLEM + "call-not-open"));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("role", "MAIN", "fileName", "late.docx", "size", docx.length, "sha256", sha))
                .when().post("/submissions/" + id + "/uploads")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "call-not-open"));
        given().auth().oauth2(Tokens.client("partner-odh"))
                .when().post("/submissions/" + id + "/uploads/" + ticket.get("uploadId") + "/complete")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "call-not-open"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().statusCode(200).body("documents", hasSize(0));
    }

    @Test
    void linkKindsAreLowerCaseEverywhereAndTheOldSpellingIsStillAccepted() {
        String callId = TestCalls.openCall();
        Map<String, Object> body = new HashMap<>(TestCalls.draftBody(callId));
        body.put("links", List.of(Map.of("url", "https://example.org/law", "kind", "legislation"),
                Map.of("url", "https://example.org/stats", "kind", "STATISTICS")));
        String id = createDraft(body).then().statusCode(201)
                .body("links.kind", equalTo(List.of("legislation", "statistics"))).extract().path("id");
        SubmissionFlowTest.upload(id, TestDocuments.docx("main"), "main.docx").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", "submit-" + id)
                .when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).body("receipt.links.kind", equalTo(List.of("legislation", "statistics")));
        Map<String, Object> wrong = new HashMap<>(TestCalls.draftBody(callId));
        wrong.put("links", List.of(Map.of("url", "https://example.org/", "kind", "Legislation")));
        createDraft(wrong).then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"))
                .body("detail", containsString("legislation"));
    }

    @Test
    void documentsAreListedMainDocumentFirst() {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream").body(pdf)
                .queryParam("role", "ANNEX").queryParam("fileName", "annex.pdf")
                .when().post("/submissions/" + id + "/documents").then().statusCode(201);
        SubmissionFlowTest.upload(id, TestDocuments.docx("the contribution"), "contribution.docx").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents.role", equalTo(List.of("MAIN", "ANNEX")));
        given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", "submit-" + id)
                .when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).body("receipt.files.fileName", equalTo(List.of("contribution.docx", "annex.pdf")));
    }

    @Test
    void refusalsOfTheHttpLayerAreProblems() throws Exception {
        given().queryParam("q", "x".repeat(5000)).when().get("/calls")
                .then().statusCode(414).contentType("application/problem+json").body("type", equalTo(PROBLEM + "uri-too-long"));
        given().header("X-Padding", "y".repeat(25_000)).when().get("/calls")
                .then().statusCode(431).contentType("application/problem+json").body("type", equalTo(PROBLEM + "headers-too-large"));
        // Past the server's hard limit Vert.x answers by itself (no hook reaches it): a bare 431, documented.
        RawHttp.Response hard = RawHttp.send(RestAssured.port, "GET /calls HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "z".repeat(70_000) + "\r\n");
        assertThat(hard.status()).isEqualTo(431);
        // A body over max-body-size (10 GiB here: streamed uploads), declared by Content-Length: refused before it is sent.
        RawHttp.Response large = RawHttp.send(RestAssured.port, "POST /submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 20000000000\r\n");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(large.body()).contains(PROBLEM + "request-too-large");
    }

    private static io.restassured.response.Response createDraft(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(body)
                .when().post("/submissions");
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
