package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmissionReceived;
import org.callsforinput.contracts.SubmissionWithdrawn;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.restassured.response.Response;

/** Calls, submissions and cases for the review tests, sent as real events through the test stack's Kafka. */
final class Fixtures {

    static final String BUCKET = "review-test";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A submission as the test builds it: change what a test needs before {@link #send}. */
    static final class Submission {
        UUID id = UUID.randomUUID();
        String reference = "EMLER-TEST-" + id.toString().substring(0, 6).toUpperCase();
        UUID callId;
        String organisationName = "Observatoire des droits humains";
        SubmitterCategory category = SubmitterCategory.CIVIL_SOCIETY;
        String country = "FR";
        Contact contact = new Contact("Camille Martin", "camille.martin@example.org");
        String language = "fr";
        List<String> themes = List.of("accountability");
        String title = "Contribution on policing";
        String summary = "Summary";
        List<String> coSubmitters = List.of();
        Consent consent = Consent.PUBLISH_IN_FULL;
        boolean late;
        String channel = SubmissionReceived.CHANNEL_API;
        String authenticationResults;
        final List<DocumentRef> documents = new ArrayList<>();

        Submission(UUID callId) {
            this.callId = callId;
        }

        /** Stores a document in the test bucket and adds it to the submission. */
        Submission document(String role, String fileName, byte[] content) throws Exception {
            String key = "submissions/" + id + "/" + UUID.randomUUID();
            minio().putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                    .stream(new ByteArrayInputStream(content), content.length, -1).build());
            documents.add(new DocumentRef(UUID.randomUUID(), role, BUCKET, key, fileName, DOCX, content.length, sha256(content)));
            return this;
        }

        SubmissionReceived payload() {
            return new SubmissionReceived(id, reference, callId, "test-call", "odh", organisationName, category, country, contact,
                    language, themes, title, summary, List.of(new Hyperlink("https://example.org/report", "Report", "report")),
                    coSubmitters, consent, late, Instant.now(), List.copyOf(documents), channel, authenticationResults);
        }

        /** Sends submission.received and waits for its case; returns the case id. */
        String send() throws Exception {
            KafkaEvents.send(Fixtures.event(Topics.SUBMISSIONS, EventTypes.SUBMISSION_RECEIVED, id, payload()));
            return awaitCase(id);
        }

        void withdraw() throws Exception {
            KafkaEvents.send(Fixtures.event(Topics.SUBMISSIONS, EventTypes.SUBMISSION_WITHDRAWN, id,
                    new SubmissionWithdrawn(id, reference, callId, Instant.now())));
        }
    }

    private static MinioClient minio;

    private Fixtures() {
    }

    /** The test stack's S3 server, with the fixtures' bucket (which the service makes too, unless its storage is away). */
    static synchronized MinioClient minio() throws Exception {
        if (minio == null) {
            MinioClient client = MinioClient.builder().endpoint(org.callsforinput.testing.Stack.get("s3.endpoint"))
                    .credentials(org.callsforinput.testing.Stack.get("s3.access-key"), org.callsforinput.testing.Stack.get("s3.secret-key"))
                    .build();
            if (!client.bucketExists(io.minio.BucketExistsArgs.builder().bucket(BUCKET).build())) {
                client.makeBucket(io.minio.MakeBucketArgs.builder().bucket(BUCKET).build());
            }
            minio = client;
        }
        return minio;
    }

    /** Announces a call with the given thematic areas; returns its id once review-service knows it. */
    static UUID call(String... themes) throws Exception {
        UUID callId = UUID.randomUUID();
        List<CallSnapshot.Theme> areas = java.util.Arrays.stream(themes).map(t -> new CallSnapshot.Theme(t, Map.of("en", t))).toList();
        KafkaEvents.send(Fixtures.event(Topics.CALLS, EventTypes.CALL_CREATED, callId, new CallSnapshot(callId, 1, "call-" + callId.toString().substring(0, 8),
                "Expert Mechanism", Map.of("en", "Call for input"), Map.of("en", "Description"), areas, Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86400), "Europe/Zurich", "OPEN")));
        return callId;
    }

    static KafkaEvents.Event event(String topic, String type, UUID aggregate, Object payload) throws Exception {
        return new KafkaEvents.Event(topic, aggregate.toString(), UUID.randomUUID().toString(), type, "/submission-service",
                aggregate.toString(), MAPPER.writeValueAsString(payload));
    }

    static String awaitCase(UUID submissionId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().auth().oauth2(Tokens.user("coordinator1")).when().get("/cases?size=200&sort=-updatedAt")
                        .then().statusCode(200).extract().jsonPath()
                        .<String>getList("items.findAll { it.submissionId == '" + submissionId + "' }.id"),
                ids -> ids.size() == 1).get(0);
    }

    static Response get(String user, String caseId) {
        return given().auth().oauth2(Tokens.user(user)).when().get("/cases/" + caseId);
    }

    static String etag(String caseId) {
        return get("coordinator1", caseId).then().statusCode(200).extract().header("ETag");
    }

    /** Waits until every document of the case was checked and its text extracted (or given up). */
    static void awaitDocuments(String caseId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("coordinator1", caseId).then().extract().jsonPath()
                .<String>getList("documents.textState").stream().noneMatch("PENDING"::equals));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
