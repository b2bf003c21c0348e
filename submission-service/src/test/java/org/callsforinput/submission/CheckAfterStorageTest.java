package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Documents checked after they are stored (docs/document-checks.md, "Large documents"), through the real upload paths
 * against the test stack's S3 server and clamd. The profile moves the threshold down to one byte, so that small test
 * documents take the path a large one takes.
 */
@QuarkusTest
@TestProfile(CheckAfterStorageTest.EveryDocumentAfterStorage.class)
class CheckAfterStorageTest {

    public static class EveryDocumentAfterStorage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("submission.documents.check-after-storage-from", "1");
        }
    }

    @Inject
    MinioClient minio;

    @Test
    void streamedDocumentIsAcceptedAfterItsCheckAndThenSubmitted() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] docx = TestDocuments.docx("Checked once stored");
        var stored = SubmissionFlowTest.upload(id, docx, "after.docx").then().statusCode(202)
                .header("Location", containsString("/submissions/" + id + "/documents/"))
                .body("status", equalTo("CHECKING"))
                .body("sha256", equalTo(SubmissionFlowTest.sha256(docx)))
                .body("refusal", nullValue())
                .extract();
        String documentId = stored.path("id");

        awaitStatus(id, documentId, "ACCEPTED");
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).body("receipt.files", hasSize(1))
                .body("receipt.files[0].sha256", equalTo(SubmissionFlowTest.sha256(docx)));
    }

    @Test
    void submittingWhileADocumentIsStillCheckedIsRefusedUntilItsVerdict() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        String documentId = SubmissionFlowTest.upload(id, TestDocuments.docx("Checked later"), "later.docx")
                .then().statusCode(202).extract().path("id");
        awaitStatus(id, documentId, "ACCEPTED");
        // Back to CHECKING, not due for an hour: the state a document is in while clamd works through a GiB.
        setChecking(documentId, Instant.now().plus(Duration.ofHours(1)));

        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(409).contentType("application/problem+json")
                .header("Retry-After", equalTo("10"))
                .body("type", equalTo("urn:calls-for-input:problem:document-being-checked"))
                .body("detail", containsString("later.docx"));
        given().auth().oauth2(Tokens.client("partner-crln")).when().get("/submissions/" + id + "/documents/" + documentId)
                .then().statusCode(404);

        setChecking(documentId, Instant.now());
        awaitStatus(id, documentId, "ACCEPTED");
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit").then().statusCode(200);
    }

    @Test
    void infectedDocumentIsRefusedAfterStorageItsBytesRemovedAndTheDraftBlockedUntilItIsRemoved() throws Exception {
        Assumptions.assumeTrue(Stack.find("clamav.host").isPresent(), "the test stack runs no clamd");
        String id = TestCalls.draft(TestCalls.openCall());
        String documentId = SubmissionFlowTest.upload(id, TestDocuments.eicarDocx(), "infected.docx")
                .then().statusCode(202).extract().path("id");

        awaitStatus(id, documentId, "REFUSED");
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id + "/documents/" + documentId)
                .then().statusCode(200)
                .body("refusal.type", equalTo("urn:calls-for-input:problem:virus-found"))
                .body("refusal.status", equalTo(422))
                .body("refusal.title", equalTo("Virus found"))
                .body("refusal.detail", containsString("Eicar-Test-Signature"));
        assertGone("submissions/" + id + "/" + documentId);

        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:document-refused"))
                .body("detail", containsString("infected.docx"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().delete("/submissions/" + id + "/documents/" + documentId)
                .then().statusCode(204);
        String clean = SubmissionFlowTest.upload(id, TestDocuments.docx("The contribution"), "clean.docx")
                .then().statusCode(202).extract().path("id");
        awaitStatus(id, clean, "ACCEPTED");
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).body("receipt.files", hasSize(1));
    }

    @Test
    void presignedUploadIsConfirmedBySizeAndItsChecksumVerifiedByTheCheck() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] docx = TestDocuments.docx("Put straight to storage");
        Map<?, ?> ticket = announce(id, docx.length, SubmissionFlowTest.sha256(docx));
        assertThat(put((String) ticket.get("url"), docx)).isEqualTo(200);
        String documentId = complete(id, ticket).then().statusCode(202)
                .body("status", equalTo("CHECKING")).extract().path("id");
        assertThat(documentId).isEqualTo(ticket.get("uploadId"));
        awaitStatus(id, documentId, "ACCEPTED");

        // Other bytes than announced (same size): the confirmation cannot tell, the check does.
        String other = TestCalls.draft(TestCalls.openCall());
        byte[] announced = TestDocuments.docx("Announced text");
        byte[] sent = TestDocuments.docx("Different text");
        assertThat(sent.length).isEqualTo(announced.length);
        Map<?, ?> swapped = announce(other, announced.length, SubmissionFlowTest.sha256(announced));
        assertThat(put((String) swapped.get("url"), sent)).isEqualTo(200);
        String swappedId = complete(other, swapped).then().statusCode(202).extract().path("id");
        awaitStatus(other, swappedId, "REFUSED");
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + other + "/documents/" + swappedId)
                .then().body("refusal.type", equalTo("urn:calls-for-input:problem:checksum-mismatch"));
        assertGone("submissions/" + other + "/" + swappedId);

        // Another size than announced is refused at once, and nothing kept.
        String third = TestCalls.draft(TestCalls.openCall());
        Map<?, ?> longer = announce(third, docx.length + 1, SubmissionFlowTest.sha256(docx));
        assertThat(put((String) longer.get("url"), docx)).isEqualTo(200);
        complete(third, longer).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:size-mismatch"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + third)
                .then().body("documents", hasSize(0));
        assertGone("submissions/" + third + "/" + longer.get("uploadId"));
    }

    private static void awaitStatus(String submissionId, String documentId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(given().auth().oauth2(Tokens.client("partner-odh"))
                        .when().get("/submissions/" + submissionId + "/documents/" + documentId)
                        .then().statusCode(200).extract().path("status")));
    }

    private static void setChecking(String documentId, Instant due) {
        QuarkusTransaction.requiringNew().run(() -> Document.update("status = ?1, nextCheckAt = ?2 where id = ?3",
                Document.Status.CHECKING, due, UUID.fromString(documentId)));
    }

    private void assertGone(String key) {
        assertThatThrownBy(() -> minio.statObject(StatObjectArgs.builder().bucket("submissions-test").object(key).build()))
                .hasMessageContaining("does not exist");
    }

    private static Map<?, ?> announce(String id, long size, String sha256) {
        return given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("role", "MAIN", "fileName", "presigned.docx", "size", size, "sha256", sha256))
                .when().post("/submissions/" + id + "/uploads")
                .then().statusCode(201).extract().as(Map.class);
    }

    private static io.restassured.response.Response complete(String id, Map<?, ?> ticket) {
        return given().auth().oauth2(Tokens.client("partner-odh"))
                .when().post("/submissions/" + id + "/uploads/" + ticket.get("uploadId") + "/complete");
    }

    private static int put(String url, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
