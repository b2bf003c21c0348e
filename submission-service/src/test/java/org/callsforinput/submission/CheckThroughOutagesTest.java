package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A document checked after storage (docs/document-checks.md) waits out clamd and then the object storage going away:
 * it stays CHECKING, cannot be submitted, and gets its verdict once both are back. The service reaches both through
 * loopback proxies on ports of their own, which the test opens and closes.
 */
@QuarkusTest
@TestProfile(CheckThroughOutagesTest.BehindProxies.class)
class CheckThroughOutagesTest {

    public static class BehindProxies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("submission.documents.check-after-storage-from", "1",
                    "storage.endpoint", "http://127.0.0.1:" + OutageProfiles.awayPort("storage"),
                    "documents.clamav.port", Integer.toString(OutageProfiles.awayPort("clamd")));
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectStorage objectStorage;

    TcpProxy storage;
    TcpProxy clamd;

    @BeforeEach
    void storageUpClamdAway() throws Exception {
        Assumptions.assumeTrue(Stack.find("clamav.host").isPresent(), "the test stack runs no clamd");
        storage = TcpProxy.on(OutageProfiles.awayPort("storage"), URI.create(Stack.get("s3.endpoint")).getPort());
        objectStorage.ensureBucket(); // the service started while the storage's proxy was not there yet
    }

    @AfterEach
    void close() throws Exception {
        for (TcpProxy proxy : new TcpProxy[] { storage, clamd }) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    void checkingDocumentsWaitOutClamdThenStorageAndGetTheirVerdictOnceBothAreBack() throws Exception {
        String cleanDraft = TestCalls.draft(TestCalls.openCall());
        String clean = SubmissionFlowTest.upload(cleanDraft, TestDocuments.docx("Checked when clamd is back"), "clean.docx")
                .then().statusCode(202).body("status", equalTo("CHECKING")).extract().path("id");
        String infectedDraft = TestCalls.draft(TestCalls.openCall());
        String infected = SubmissionFlowTest.upload(infectedDraft, TestDocuments.eicarDocx(), "infected.docx")
                .then().statusCode(202).body("status", equalTo("CHECKING")).extract().path("id");

        // clamd away: a second attempt means the first one ended without a verdict.
        awaitAttempts(clean, 2);
        awaitAttempts(infected, 2);
        assertChecking(cleanDraft, clean);
        assertChecking(infectedDraft, infected);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + cleanDraft + "/submit")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:document-being-checked"));

        // Storage goes before clamd comes back: every attempt from now on reaches clamd and fails on the storage.
        double storageFailures = storageUnavailable();
        storage.close();
        clamd = TcpProxy.on(OutageProfiles.awayPort("clamd"), Integer.parseInt(Stack.get("clamav.port")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> storageUnavailable() > storageFailures);
        assertChecking(cleanDraft, clean);
        assertChecking(infectedDraft, infected);

        storage = TcpProxy.on(OutageProfiles.awayPort("storage"), URI.create(Stack.get("s3.endpoint")).getPort());
        awaitStatus(cleanDraft, clean, "ACCEPTED");
        awaitStatus(infectedDraft, infected, "REFUSED");
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + infectedDraft + "/documents/" + infected)
                .then().body("refusal.type", equalTo("urn:calls-for-input:problem:virus-found"));
        given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + cleanDraft + "/submit")
                .then().statusCode(200).body("receipt.files", hasSize(1));
    }

    private double storageUnavailable() {
        return registry.counter("platform.storage.unavailable").count();
    }

    private static void awaitAttempts(String documentId, int attempts) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> Document.<Document>findById(UUID.fromString(documentId)))
                        .checkAttempts >= attempts);
    }

    private static void assertChecking(String submissionId, String documentId) {
        assertThat((String) given().auth().oauth2(Tokens.client("partner-odh"))
                .when().get("/submissions/" + submissionId + "/documents/" + documentId)
                .then().statusCode(200).extract().path("status")).isEqualTo("CHECKING");
    }

    private static void awaitStatus(String submissionId, String documentId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(given().auth().oauth2(Tokens.client("partner-odh"))
                        .when().get("/submissions/" + submissionId + "/documents/" + documentId)
                        .then().statusCode(200).extract().path("status")));
    }
}
