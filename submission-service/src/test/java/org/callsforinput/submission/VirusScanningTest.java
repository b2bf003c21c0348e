package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Virus scanning through the real upload paths, against the test stack's clamd. Its test database flags the EICAR test
 * file; clamd unpacks archives, so a valid .docx carrying the EICAR file as a part (which the document inspector lets
 * through) is found too. Skipped when the stack runs no clamd (ClamAV not installed: no clamav.* keys in the stack file).
 */
@QuarkusTest
class VirusScanningTest {

    /** Wellness (reported, read by no probe), on the management interface; the path is under its root, /q. */
    @TestHTTPResource(value = "/health/well", management = true)
    URL well;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Inject
    MinioClient minio;

    @BeforeEach
    void requireClamd() {
        Assumptions.assumeTrue(Stack.find("clamav.host").isPresent(),
                "the test stack runs no clamd (ClamAV not installed; the stack file has no clamav.host): virus scanning is off");
    }

    @Test
    void infectedDocumentIsRefusedAndNothingIsKept() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());

        SubmissionFlowTest.upload(id, TestDocuments.eicarDocx(), "report.docx")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:virus-found"))
                .body("detail", containsString("Eicar-Test-Signature"));

        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().statusCode(200).body("documents", hasSize(0));
        assertThat(objectsUnder("submissions/" + id + "/")).isEmpty();
    }

    /**
     * From 4 MiB the gate feeds clamd while the bytes arrive (the streamed scan) instead of reading the spool again: a
     * large infected document is refused all the same, with a known length (one PUT) and without one (chunked,
     * multipart upload), and nothing of it is kept.
     */
    @Test
    void largeInfectedDocumentScannedWhileItArrivesIsRefusedAndNothingIsKept() throws Exception {
        byte[] infected = largeDocx(true);
        for (boolean chunked : List.of(false, true)) {
            String id = TestCalls.draft(TestCalls.openCall());

            HttpResponse<String> response = streamed(id, infected, chunked);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(response.body()).contains("urn:calls-for-input:problem:virus-found", "Eicar-Test-Signature");
            given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                    .then().statusCode(200).body("documents", hasSize(0));
            assertThat(objectsUnder("submissions/" + id + "/")).isEmpty();
        }
    }

    /**
     * Above clamd's default scan limits (MaxFileSize 100M), clamd would answer OK without scanning; the stack's clamd
     * has limits as large as a call's files and AlertExceedsMax, so a 120 MiB infected document is scanned and refused:
     * announced with its length (above submission.documents.check-after-storage-from), it is stored, answered 202 and
     * refused by the check afterwards; sent without a length, it is checked before the answer.
     */
    @Test
    void infectedDocumentAboveClamdsDefaultScanLimitIsScannedAndRefused() throws Exception {
        byte[] infected = TestDocuments.largeDocx(120 << 20, true);
        Map<String, Object> call = new LinkedHashMap<>(TestCalls.callBody("call-" + UUID.randomUUID().toString().substring(0, 12)));
        call.put("maxFileBytes", 200L << 20);
        String callId = TestCalls.openCall(call);

        String id = TestCalls.draft(callId);
        HttpResponse<String> response = streamed(id, infected, false);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String documentId = JsonPath.from(response.body()).getString("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "REFUSED".equals(
                given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id + "/documents/" + documentId)
                        .then().statusCode(200).extract().path("status")));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id + "/documents/" + documentId)
                .then().body("refusal.type", equalTo("urn:calls-for-input:problem:virus-found"))
                .body("refusal.detail", containsString("Eicar-Test-Signature"));
        assertThat(objectsUnder("submissions/" + id + "/")).isEmpty();

        String chunkedDraft = TestCalls.draft(callId);
        HttpResponse<String> chunked = streamed(chunkedDraft, infected, true);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(422);
        assertThat(chunked.body()).contains("urn:calls-for-input:problem:virus-found", "Eicar-Test-Signature");
        assertThat(objectsUnder("submissions/" + chunkedDraft + "/")).isEmpty();
    }

    @Test
    void largeCleanDocumentScannedWhileItArrivesIsKept() throws Exception {
        byte[] clean = largeDocx(false);
        for (boolean chunked : List.of(false, true)) {
            String id = TestCalls.draft(TestCalls.openCall());

            HttpResponse<String> response = streamed(id, clean, chunked);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                    .then().statusCode(200).body("documents", hasSize(1))
                    .body("documents[0].size", equalTo(clean.length))
                    .body("documents[0].sha256", equalTo(SubmissionFlowTest.sha256(clean)));
        }
    }

    @Test
    void infectedPresignedUploadIsRefusedOnConfirmationAndRemoved() throws Exception {
        refusedOnConfirmation(TestDocuments.eicarDocx());
    }

    /** The confirmation reads the object once and feeds clamd from that read (from 4 MiB). */
    @Test
    void largeInfectedPresignedUploadIsRefusedOnConfirmationAndRemoved() throws Exception {
        refusedOnConfirmation(largeDocx(true));
    }

    private void refusedOnConfirmation(byte[] infected) throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        Map<?, ?> ticket = given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("role", "MAIN", "fileName", "report.docx", "size", infected.length,
                        "sha256", SubmissionFlowTest.sha256(infected)))
                .when().post("/submissions/" + id + "/uploads")
                .then().statusCode(201).extract().as(Map.class);
        int put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create((String) ticket.get("url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(infected)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(put).isEqualTo(200);

        given().auth().oauth2(Tokens.client("partner-odh"))
                .when().post("/submissions/" + id + "/uploads/" + ticket.get("uploadId") + "/complete")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:virus-found"));

        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().statusCode(200).body("documents", hasSize(0));
        assertThat(objectsUnder("submissions/" + id + "/")).isEmpty();
    }

    @Test
    void cleanDocumentIsScannedAndKept() {
        String id = TestCalls.draft(TestCalls.openCall());

        SubmissionFlowTest.upload(id, TestDocuments.docx("A clean contribution"), "report.docx")
                .then().statusCode(201);

        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents", hasSize(1));
    }

    @Test
    void wellnessReportsClamdAndReadinessLeavesItOut() {
        given().when().get(ready).then().statusCode(200).body("checks.name", not(hasItem("clamav")));
        given().when().get(well)
                .then().statusCode(200)
                .body("checks.find { it.name == 'clamav' }.status", equalTo("UP"))
                .body("checks.name", hasItem("clamav"))
                .body("checks.find { it.name == 'clamav' }.data.clamd",
                        equalTo(Stack.get("clamav.host") + ":" + Stack.get("clamav.port")));
    }

    /** A valid .docx of about 5 MiB, carrying the EICAR test file as a part when infected. */
    private static byte[] largeDocx(boolean infected) {
        return TestDocuments.largeDocx(5 << 20, infected);
    }

    /** POST .../documents with a Content-Length, or chunked (no length: the storage's multipart upload). */
    private static HttpResponse<String> streamed(String id, byte[] content, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher body = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))
                : HttpRequest.BodyPublishers.ofByteArray(content);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/submissions/" + id
                        + "/documents?role=MAIN&fileName=report.docx"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .header("Content-Type", "application/octet-stream")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> objectsUnder(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket("submissions-test").prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }
}
