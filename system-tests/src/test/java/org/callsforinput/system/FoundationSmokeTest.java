package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Topics;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** The whole platform through the real stack: tokens from Keycloak, events over Kafka, objects in S3, rows in PostgreSQL. */
class FoundationSmokeTest {

    static Platform platform;

    @BeforeAll
    static void startServices() {
        platform = Platform.start();
    }

    @AfterAll
    static void stopServices() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyServiceAsksForTheRightRole() {
        String submission = platform.submission.baseUrl();
        String review = platform.review.baseUrl();
        String publication = platform.publication.baseUrl();

        given().when().get(submission + "/submissions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(submission + "/submissions").then().statusCode(403);
        given().auth().oauth2(Tokens.client("partner-odh")).when().get(submission + "/submissions").then().statusCode(200);

        given().when().get(review + "/cases").then().statusCode(401);
        given().auth().oauth2(Tokens.user("callmanager")).when().get(review + "/cases").then().statusCode(403);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases").then().statusCode(200);

        given().when().get(publication + "/public/calls").then().statusCode(200);
        for (ServiceProcess service : List.of(platform.submission, platform.review)) {
            given().when().get(service.managementUrl() + "/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'object-storage' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'oidc' }.status", equalTo("UP"));
        }
        // publication-service's readiness is its database and bucket only (PublicReadsReadinessTest)
        given().when().get(platform.publication.managementUrl() + "/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'object-storage' }.status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("oidc")));
    }

    /** Health and metrics answer on the management port only; the API's description stays on the public port. */
    @Test
    void healthAndMetricsAreOnTheManagementPortAndTheApiDescriptionOnThePublicPort() {
        for (ServiceProcess service : List.of(platform.submission, platform.review, platform.publication)) {
            given().when().get(service.managementUrl() + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().when().get(service.managementUrl() + "/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"))
                    .body(org.hamcrest.Matchers.containsString("platform_outbox_pending"))
                    .body(org.hamcrest.Matchers.containsString("platform_outbox_oldest_age_seconds"))
                    .body(org.hamcrest.Matchers.containsString("platform_storage_unavailable_total"));
            given().when().get(service.baseUrl() + "/q/health/ready").then().statusCode(404);
            given().when().get(service.baseUrl() + "/q/metrics").then().statusCode(404);
            given().when().get(service.baseUrl() + "/q/openapi").then().statusCode(200);
            given().when().get(service.baseUrl() + "/q/swagger-ui/").then().statusCode(200);
            given().when().get(service.managementUrl() + "/q/openapi").then().statusCode(404);
        }
        // the metrics the alerts of deploy/kubernetes/base/monitoring read (docs/operations.md "Alerts"), each where it
        // is raised, there from the start
        Map<ServiceProcess, List<String>> alerted = Map.of(
                platform.submission, List.of("platform_scanner_unavailable_total", "platform_receipt_signing_failures_total"),
                platform.review, List.of("platform_scanner_unavailable_total"),
                platform.publication, List.of("platform_publication_alerts_total", "platform_webhook_deliveries_retrying",
                        "platform_webhook_attempts_failed_total{outcome=\"failed\""));
        alerted.forEach((service, names) -> {
            String metrics = given().when().get(service.managementUrl() + "/q/metrics").then().statusCode(200)
                    .extract().asString();
            assertThat(metrics).contains(names);
        });
    }

    @Test
    void aSubmissionCrossesFromIntakeToReviewThroughKafkaAndObjectStorage() throws Exception {
        String submission = platform.submission.baseUrl();
        String callId = Platform.openCall(submission, "e2e-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of(
                "timeZone", "America/New_York", "latePolicy", "ACCEPT_FLAGGED", "deadline",
                LocalDateTime.now(ZoneId.of("America/New_York")).plusDays(10).truncatedTo(ChronoUnit.MINUTES).toString()));
        String id = given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("callId", callId, "organisationName", "Observatoire des droits humains",
                        "submitterCategory", "NHRI", "country", "FR",
                        "contact", Map.of("name", "Camille Martin", "email", "camille.martin@example.org"),
                        "language", "fr", "title", "Contribution", "consent", "PUBLISH_IN_FULL"))
                .when().post(submission + "/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .body(TestDocuments.docx("Contribution text")).queryParam("fileName", "contribution.docx")
                .when().post(submission + "/submissions/" + id + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post(submission + "/submissions/" + id + "/submit")
                .then().statusCode(200);

        // review-service opened a case from the event and read the document by the key the event carried.
        String review = platform.review.baseUrl();
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, id), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get(review + "/cases/" + caseId)
                .then().statusCode(200)
                .body("contact.email", equalTo("camille.martin@example.org"))
                .body("documents[0].integrity", equalTo("VERIFIED")));

        // The contributor sees the submission move on, learnt from review-service's event.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.client("partner-odh"))
                .when().get(submission + "/submissions/" + id).then().body("status", equalTo("UNDER_REVIEW")));

        // publication-service learnt the call from the call events.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(platform.publication.baseUrl() + "/public/calls")
                .then().body("find { it.id == '" + callId + "' }.status", equalTo("OPEN")));

        // Rows landed in each service's own database.
        assertThat(count("submission_e2e", "select count(*) from submission where id = ?::uuid and status = 'UNDER_REVIEW'", id)).isEqualTo(1);
        assertThat(count("submission_e2e", "select count(*) from outbox_event where aggregate_id = ? and sent_at is not null", id)).isEqualTo(1);
        assertThat(count("review_e2e", "select count(*) from review_case where submission_id = ?::uuid", id)).isEqualTo(1);
        assertThat(count("publication_e2e", "select count(*) from public_call where id = ?::uuid", callId)).isEqualTo(1);

        // The same event delivered again changes nothing.
        KafkaEvents.Event received = KafkaEvents.await(Topics.SUBMISSIONS,
                e -> id.equals(e.key()) && EventTypes.SUBMISSION_RECEIVED.equals(e.type()), Duration.ofSeconds(20));
        long processedBefore = count("review_e2e", "select count(*) from processed_event where event_id = ?", received.id());
        assertThat(processedBefore).isEqualTo(1);
        int version = given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId).then().extract().path("version");
        KafkaEvents.send(received);
        String marker = submitAnother(submission, callId);
        await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, marker), c -> c != null);
        assertThat(count("review_e2e", "select count(*) from review_case where submission_id = ?::uuid", id)).isEqualTo(1);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId)
                .then().body("version", equalTo(version)).body("documents.size()", equalTo(1));
    }

    private static String submitAnother(String submission, String callId) {
        String id = given().auth().oauth2(Tokens.client("partner-crln")).contentType(ContentType.JSON)
                .body(Map.of("callId", callId, "organisationName", "Civil Rights Legal Network",
                        "submitterCategory", "CIVIL_SOCIETY", "country", "KE",
                        "contact", Map.of("name", "Amani Otieno", "email", "amani.otieno@example.org"),
                        "language", "en", "title", "Second contribution"))
                .when().post(submission + "/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.client("partner-crln")).contentType("application/octet-stream")
                .body(TestDocuments.docx("Second")).queryParam("fileName", "second.docx")
                .when().post(submission + "/submissions/" + id + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-crln")).when().post(submission + "/submissions/" + id + "/submit")
                .then().statusCode(200);
        return id;
    }

    private static long count(String database, String sql, String parameter) throws Exception {
        try (Connection connection = Platform.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
