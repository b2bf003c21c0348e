package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Virus scanning through the real upload paths, against the test stack's clamd. Its test database flags the EICAR test
 * file; clamd unpacks archives, so a valid .docx carrying the EICAR file as a part (which the document inspector lets
 * through) is found too. Skipped when the stack runs no clamd (ClamAV not installed: no clamav.* keys in the stack file).
 */
@QuarkusTest
class VirusScanningTest {

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

    @Test
    void infectedPresignedUploadIsRefusedOnConfirmationAndRemoved() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] infected = TestDocuments.eicarDocx();
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
    void readinessReportsClamd() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'clamav' }.status", equalTo("UP"))
                .body("checks.name", hasItem("clamav"))
                .body("checks.find { it.name == 'clamav' }.data.clamd",
                        equalTo(Stack.get("clamav.host") + ":" + Stack.get("clamav.port")));
    }

    private List<String> objectsUnder(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket("submissions-test").prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }
}
