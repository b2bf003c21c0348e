package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.submission.service.OrphanCleanup;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PresignedUploadTest {

    @Inject
    MinioClient minio;

    @Inject
    OrphanCleanup cleanup;

    @Test
    void documentPutStraightToObjectStorageIsVerifiedOnConfirmation() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] docx = TestDocuments.docx("Uploaded with a presigned URL");
        Map<String, Object> ticket = announce(id, "presigned.docx", docx.length, SubmissionFlowTest.sha256(docx));
        assertThat(ticket.get("method")).isEqualTo("PUT");
        assertThat(put((String) ticket.get("url"), docx)).isEqualTo(200);

        given().auth().oauth2(Tokens.client("partner-odh"))
                .when().post("/submissions/" + id + "/uploads/" + ticket.get("uploadId") + "/complete")
                .then().statusCode(201)
                .body("fileName", equalTo("presigned.docx"))
                .body("sha256", equalTo(SubmissionFlowTest.sha256(docx)))
                .body("size", equalTo(docx.length));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents", hasSize(1));
    }

    @Test
    void uploadThatNeverHappenedIsRefused() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] docx = TestDocuments.docx("never sent");
        Map<String, Object> ticket = announce(id, "never.docx", docx.length, SubmissionFlowTest.sha256(docx));
        given().auth().oauth2(Tokens.client("partner-odh"))
                .when().post("/submissions/" + id + "/uploads/" + ticket.get("uploadId") + "/complete")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:upload-not-found"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents", hasSize(0));
    }

    @Test
    void uploadWhoseChecksumDiffersIsRefusedAndRemoved() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] docx = TestDocuments.docx("the real content");
        Map<String, Object> ticket = announce(id, "changed.docx", docx.length, SubmissionFlowTest.sha256(TestDocuments.docx("announced")));
        assertThat(put((String) ticket.get("url"), docx)).isEqualTo(200);
        given().auth().oauth2(Tokens.client("partner-odh"))
                .when().post("/submissions/" + id + "/uploads/" + ticket.get("uploadId") + "/complete")
                .then().statusCode(422).body("type", equalTo("urn:calls-for-input:problem:checksum-mismatch"));
        String key = "submissions/" + id + "/" + ticket.get("uploadId");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> minio.statObject(
                StatObjectArgs.builder().bucket("submissions-test").object(key).build()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void announcingMoreThanTheCallAcceptsIsRefused() {
        String id = TestCalls.draft(TestCalls.openCall());
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("role", "MAIN", "fileName", "huge.docx", "size", 60L * 1024 * 1024, "sha256", "0".repeat(64)))
                .when().post("/submissions/" + id + "/uploads")
                .then().statusCode(413).body("type", equalTo("urn:calls-for-input:problem:file-too-large"));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("role", "MAIN", "fileName", "bad.docx", "size", 10, "sha256", "not-a-hash"))
                .when().post("/submissions/" + id + "/uploads")
                .then().statusCode(400).body("errors[0].field", equalTo("sha256"));
    }

    @Test
    void orphanedObjectsAreRemovedByTheCleanUp() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] kept = TestDocuments.docx("kept");
        SubmissionFlowTest.upload(id, kept, "kept.docx").then().statusCode(201);
        String orphan = "submissions/" + id + "/" + UUID.randomUUID();
        minio.putObject(PutObjectArgs.builder().bucket("submissions-test").object(orphan)
                .stream(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3, -1).build());

        assertThat(cleanup.run()).isGreaterThanOrEqualTo(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> minio.statObject(
                StatObjectArgs.builder().bucket("submissions-test").object(orphan).build()))
                .hasMessageContaining("does not exist");
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents", hasSize(1));
    }

    private static Map<String, Object> announce(String id, String fileName, long size, String sha256) {
        return given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("role", "MAIN", "fileName", fileName, "size", size, "sha256", sha256))
                .when().post("/submissions/" + id + "/uploads")
                .then().statusCode(201).extract().as(Map.class);
    }

    private static int put(String url, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
