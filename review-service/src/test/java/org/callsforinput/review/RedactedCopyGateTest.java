package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.minio.ListObjectsArgs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A redacted copy passes the same document gate as every intake upload, against the real stack (its clamd included):
 * what the gate refuses is answered with a problem and leaves the case and the bucket as they were.
 */
@QuarkusTest
class RedactedCopyGateTest {

    /** Wellness (reported, read by no probe), on the management interface; the path is under its root, /q. */
    @TestHTTPResource(value = "/health/well", management = true)
    URL well;

    @Test
    void refusedCopiesAreProblemsAndNothingIsRecorded() throws Exception {
        Case c = newCase();

        assertRefused(c, TestDocuments.pdf(true), "redacted.pdf", 422, "encrypted-document");
        assertRefused(c, TestDocuments.doc(0, "Macros"), "redacted.doc", 422, "macro-enabled-document");
        assertRefused(c, TestDocuments.docm("macro"), "redacted.docx", 422, "macro-enabled-document");
        assertRefused(c, TestDocuments.windowsExecutable(), "redacted.docx", 415, "content-mismatch");
        assertRefused(c, TestDocuments.docxWithRelationship("attachedTemplate", "http://127.0.0.1:1/t.dotm", true), "redacted.docx",
                422, "external-reference");
        assertRefused(c, TestDocuments.docx("x"), "redacted.xlsx", 415, "unsupported-document-type");
        // U+202E RIGHT-TO-LEFT OVERRIDE shows the rest of the name reversed: "report\u202Excod.exe" reads "reportexe.docx".
        assertRefused(c, TestDocuments.docx("Victim: [redacted]"), "report\u202Excod.docx", 400, "invalid-file-name")
                .body("detail", containsString("invisible formatting"));
    }

    @Test
    void infectedCopyIsRefusedByTheVirusScanner() throws Exception {
        Assumptions.assumeTrue(Stack.find("clamav.host").isPresent(),
                "the test stack runs no clamd (ClamAV not installed; the stack file has no clamav.host): virus scanning is off");
        Case c = newCase();
        assertRefused(c, TestDocuments.eicarDocx(), "redacted.docx", 422, "virus-found")
                .body("detail", containsString("Eicar-Test-Signature"));
        // The readiness check of the gate's scanner is review-service's too.
        given().when().get(well).then().statusCode(200)
                .body("checks.find { it.name == 'clamav' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'clamav' }.data.clamd", equalTo(Stack.get("clamav.host") + ":" + Stack.get("clamav.port")));
    }

    @Test
    void cleanCopyAboveTheHttpLayersDefaultLimitIsAccepted() throws Exception {
        Case c = newCase();
        // 11 MiB: over Quarkus's default body limit (10M), which used to answer a bare 413.
        byte[] image = new byte[11 * 1024 * 1024];
        new Random(11).nextBytes(image);
        byte[] redacted = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "Victim: [redacted]", Map.of("word/media/image1.png", image));
        redact(c, redacted, "  c (redacted).docx").statusCode(200)
                .body("documents[0].redacted.sha256", equalTo(Fixtures.sha256(redacted)))
                .body("documents[0].redacted.fileName", equalTo("c (redacted).docx"));
    }

    @Test
    void copyOverTheDocumentedLimitIsAProblem() throws Exception {
        Case c = newCase();
        byte[] tooLarge = new byte[52_428_800 + 1]; // review.redaction.max-size + 1
        redact(c, tooLarge, "big.pdf").statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:file-too-large"));
        assertNothingRecorded(c);
    }

    record Case(String id, String documentId, long version) {
    }

    private static Case newCase() throws Exception {
        UUID callId = Fixtures.call("accountability");
        Fixtures.Submission submission = new Fixtures.Submission(callId).document(DocumentRef.ROLE_MAIN, "c.docx",
                TestDocuments.docx("Victim: Jean Dupont"));
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        String documentId = Fixtures.get("coordinator1", caseId).then().extract().path("documents[0].id");
        return new Case(caseId, documentId, version(caseId));
    }

    private static ValidatableResponse assertRefused(Case c, byte[] content, String fileName, int status, String slug) throws Exception {
        ValidatableResponse response = redact(c, content, fileName).statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:" + slug))
                .body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
        assertNothingRecorded(c);
        return response;
    }

    private static void assertNothingRecorded(Case c) throws Exception {
        Fixtures.get("coordinator1", c.id()).then().statusCode(200).body("documents[0].redacted", nullValue());
        assertThat(version(c.id())).isEqualTo(c.version());
        Iterable<?> objects = Fixtures.minio().listObjects(ListObjectsArgs.builder().bucket(Fixtures.BUCKET)
                .prefix("redacted/" + c.id() + "/").recursive(true).build());
        assertThat(StreamSupport.stream(objects.spliterator(), false).count()).as("objects kept").isZero();
    }

    private static long version(String caseId) {
        return Long.parseLong(Fixtures.etag(caseId).replaceAll("[^0-9]", ""));
    }

    private static ValidatableResponse redact(Case c, byte[] content, String fileName) {
        return given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", Fixtures.etag(c.id()))
                .contentType("application/octet-stream").body(content).queryParam("fileName", fileName)
                .when().put("/cases/" + c.id() + "/documents/" + c.documentId() + "/redacted").then();
    }
}
