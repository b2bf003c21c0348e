package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URL;

import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(OutageProfiles.StorageDown.class)
class StorageOutageTest {

    /** Readiness, on the management interface (not the API's port); the path is under its root, /q. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void uploadWhileStorageIsDownIsA503WithRetryAfterAndChangesNothing() {
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, TestDocuments.docx("while storage is down"), "down.docx")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("urn:calls-for-input:problem:storage-unavailable"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("documents", hasSize(0));
    }

    @Test
    void readinessReportsObjectStorageDown() {
        given().when().get(ready)
                .then().statusCode(503)
                .body("checks.find { it.name == 'object-storage' }.status", equalTo("DOWN"));
    }
}
