package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmissionReceived;
import org.callsforinput.contracts.SubmissionWithdrawn;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.Topics;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseIntakeTest {

    @Inject
    MinioClient minio;

    @Inject
    ObjectMapper mapper;

    @Test
    void receivedEventOpensOneCaseAndARedeliveryChangesNothing() throws Exception {
        UUID submissionId = UUID.randomUUID();
        byte[] docx = TestDocuments.docx("Contribution");
        String key = "submissions/" + submissionId + "/main";
        minio.putObject(PutObjectArgs.builder().bucket("review-test").object(key)
                .stream(new ByteArrayInputStream(docx), docx.length, -1).build());
        KafkaEvents.Event event = event(EventTypes.SUBMISSION_RECEIVED, submissionId,
                received(submissionId, new DocumentRef(UUID.randomUUID(), "MAIN", "review-test", key, "c.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.length, sha256(docx))));

        KafkaEvents.send(event);
        String caseId = awaitCase(submissionId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get("/cases/" + caseId)
                .then().statusCode(200)
                .body("contact.email", equalTo("camille.martin@example.org"))
                .body("documents", hasSize(1))
                .body("documents[0].integrity", equalTo("VERIFIED")));

        int version = given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + caseId)
                .then().extract().path("version");
        KafkaEvents.send(event);
        KafkaEvents.send(event(EventTypes.SUBMISSION_RECEIVED, submissionId, mapper.readValue(event.data(), SubmissionReceived.class)));
        // A marker event behind the repeats: once it is handled, the repeats were too.
        UUID marker = UUID.randomUUID();
        KafkaEvents.send(event(EventTypes.SUBMISSION_RECEIVED, marker, received(marker)));
        awaitCase(marker);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + caseId)
                .then().statusCode(200).body("version", equalTo(version)).body("documents", hasSize(1));
    }

    @Test
    void documentWhoseChecksumDiffersIsFlagged() throws Exception {
        UUID submissionId = UUID.randomUUID();
        byte[] docx = TestDocuments.docx("Original");
        String key = "submissions/" + submissionId + "/main";
        minio.putObject(PutObjectArgs.builder().bucket("review-test").object(key)
                .stream(new ByteArrayInputStream(docx), docx.length, -1).build());
        KafkaEvents.send(event(EventTypes.SUBMISSION_RECEIVED, submissionId, received(submissionId,
                new DocumentRef(UUID.randomUUID(), "MAIN", "review-test", key, "c.docx", "application/msword", docx.length,
                        sha256("something else".getBytes())))));
        String caseId = awaitCase(submissionId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get("/cases/" + caseId)
                .then().body("documents[0].integrity", equalTo("MISMATCH")));
    }

    @Test
    void withdrawalArrivingBeforeItsSubmissionIsKept() throws Exception {
        UUID submissionId = UUID.randomUUID();
        KafkaEvents.send(event(EventTypes.SUBMISSION_WITHDRAWN, submissionId,
                new SubmissionWithdrawn(submissionId, "TEST-0002", UUID.randomUUID(), Instant.now())));
        KafkaEvents.send(event(EventTypes.SUBMISSION_RECEIVED, submissionId, received(submissionId)));
        String caseId = awaitCase(submissionId);
        given().auth().oauth2(Tokens.user("coordinator1")).when().get("/cases/" + caseId)
                .then().statusCode(200).body("status", equalTo(ReviewCase.Status.WITHDRAWN.name()));
    }

    @Test
    void onlyReviewersAndCoordinatorsSeeCases() {
        given().when().get("/cases").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/cases").then().statusCode(401);
        given().auth().oauth2(Tokens.user("callmanager")).when().get("/cases").then().statusCode(403);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases").then().statusCode(200);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private String awaitCase(UUID submissionId) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?size=200&sort=-updatedAt")
                        .then().statusCode(200).extract().jsonPath()
                        .<String>getList("items.findAll { it.submissionId == '" + submissionId + "' }.id"),
                ids -> ids.size() == 1).get(0);
    }

    private KafkaEvents.Event event(String type, UUID submissionId, Object payload) throws Exception {
        return new KafkaEvents.Event(Topics.SUBMISSIONS, submissionId.toString(), UUID.randomUUID().toString(), type,
                "/submission-service", submissionId.toString(), mapper.writeValueAsString(payload));
    }

    private static SubmissionReceived received(UUID submissionId, DocumentRef... documents) {
        return new SubmissionReceived(submissionId, "TEST-" + submissionId.toString().substring(0, 4), UUID.randomUUID(), "test-call",
                "odh", "Observatoire des droits humains", SubmitterCategory.CIVIL_SOCIETY, "FR",
                new Contact("Camille Martin", "camille.martin@example.org"), "fr", List.of("accountability"),
                "Contribution", "Summary", List.of(new Hyperlink("https://example.org", "Site", "website")), List.of(),
                Consent.PUBLISH_IN_FULL, false, Instant.now(), List.of(documents), SubmissionReceived.CHANNEL_API, null);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
