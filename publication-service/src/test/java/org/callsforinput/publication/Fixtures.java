package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.PublicContribution;
import org.callsforinput.contracts.ReviewDecided;
import org.callsforinput.contracts.ReviewRetracted;
import org.callsforinput.contracts.SubmissionReceived;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.Topics;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test data as the other services hand it over: call snapshots and review decisions on Kafka, documents in an
 * intake bucket of the test stack's S3 server (standing for submission-service's and review-service's buckets).
 */
final class Fixtures {

    static final String INTAKE_BUCKET = "publication-test-intake";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final Duration WAIT = Duration.ofSeconds(30);

    private final MinioClient minio;
    private final ObjectMapper mapper;

    Fixtures(MinioClient minio, ObjectMapper mapper) {
        this.minio = minio;
        this.mapper = mapper;
    }

    /** A call announced by submission-service; returns its snapshot (slug from the id). */
    CallSnapshot openCall(Map<String, String> title, Map<String, String> description) {
        UUID callId = UUID.randomUUID();
        CallSnapshot snapshot = new CallSnapshot(callId, 1, "call-" + callId.toString().substring(0, 8),
                "Expert Mechanism on racial justice", title, description,
                List.of(new CallSnapshot.Theme("accountability", Map.of("en", "Accountability", "fr", "Responsabilité",
                        "es", "Rendición de cuentas"))),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.parse("2030-05-12T21:59:00Z"), "Europe/Zurich", "OPEN");
        announce(snapshot);
        return snapshot;
    }

    CallSnapshot openCall() {
        return openCall(Map.of("en", "Call for input: racial justice", "fr", "Appel à contributions : justice raciale",
                "es", "Convocatoria: justicia racial"), Map.of("en", "Contributions in Word format."));
    }

    void announce(CallSnapshot snapshot) {
        send(Topics.CALLS, EventTypes.CALL_CREATED, snapshot.callId(), snapshot);
    }

    /** Waits until the call is on the public list. */
    static void awaitCall(CallSnapshot call) {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/public/calls/" + call.slug()).then().statusCode(200));
    }

    /** Puts a document into the intake bucket and returns the reference a decision carries for it. */
    DocumentRef document(byte[] content, String fileName, String contentType) throws Exception {
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(INTAKE_BUCKET).build())) {
            try {
                minio.makeBucket(MakeBucketArgs.builder().bucket(INTAKE_BUCKET).build());
            } catch (Exception e) {
                // made meanwhile by another test
            }
        }
        String key = "submissions/" + UUID.randomUUID() + "/" + UUID.randomUUID();
        minio.putObject(PutObjectArgs.builder().bucket(INTAKE_BUCKET).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
        return new DocumentRef(UUID.randomUUID(), DocumentRef.ROLE_MAIN, INTAKE_BUCKET, key, fileName, contentType,
                content.length, sha256(content));
    }

    DocumentRef docx(String text, String fileName) throws Exception {
        return document(TestDocuments.docx(text), fileName, DOCX);
    }

    static PublicContribution named(String organisation, SubmitterCategory category) {
        return new PublicContribution(false, organisation, category, "FR", "fr", List.of("accountability"),
                "Contribution of " + organisation, "Findings from field monitoring.",
                List.of(new Hyperlink("https://example.org/report.pdf", "Annual report", "report")), List.of());
    }

    static PublicContribution anonymous(SubmitterCategory category) {
        return new PublicContribution(true, null, category, "FR", "fr", List.of(), "Testimony", "A personal account.",
                List.of(), List.of());
    }

    /**
     * What review-service publishes of a submission: the public fields only, by the contributor's consent. The
     * contact stays behind, which the contact scan checks end to end.
     */
    static PublicContribution fromSubmission(SubmissionReceived s) {
        boolean anonymised = s.consent() == Consent.PUBLISH_WITHOUT_NAME;
        return new PublicContribution(anonymised, anonymised ? null : s.organisationName(), s.submitterCategory(),
                s.country(), s.language(), s.themes(), s.title(), s.summary(), s.links(),
                anonymised ? List.of() : s.coSubmitters());
    }

    static ReviewDecided decision(UUID submissionId, CallSnapshot call, Decision decision, PublicContribution contribution,
            List<DocumentRef> documents) {
        return new ReviewDecided(submissionId, UUID.randomUUID(), "REF-" + submissionId.toString().substring(0, 4),
                call.callId(), call.slug(), decision, Instant.now().minus(2, ChronoUnit.DAYS), Instant.now(), contribution,
                documents);
    }

    KafkaEvents.Event decide(ReviewDecided decided) {
        return send(Topics.REVIEWS, EventTypes.REVIEW_DECIDED, decided.submissionId(), decided);
    }

    KafkaEvents.Event retract(UUID submissionId, UUID callId) {
        return send(Topics.REVIEWS, EventTypes.REVIEW_RETRACTED, submissionId,
                new ReviewRetracted(submissionId, UUID.randomUUID(), callId, ReviewRetracted.REASON_WITHDRAWN, Instant.now()));
    }

    KafkaEvents.Event send(String topic, String type, UUID key, Object payload) {
        try {
            KafkaEvents.Event event = new KafkaEvents.Event(topic, key.toString(), UUID.randomUUID().toString(), type,
                    Topics.CALLS.equals(topic) ? "/submission-service" : "/review-service", key.toString(),
                    mapper.writeValueAsString(payload));
            KafkaEvents.send(event);
            return event;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The same event again under a new event id (a replay by the producer). */
    static KafkaEvents.Event replayed(KafkaEvents.Event event) {
        KafkaEvents.Event again = new KafkaEvents.Event(event.topic(), event.key(), UUID.randomUUID().toString(), event.type(),
                event.source(), event.subject(), event.data());
        KafkaEvents.send(again);
        return again;
    }

    /** The contribution kept for a submission, read from the database. */
    static Contribution contribution(UUID submissionId) {
        return QuarkusTransaction.requiringNew().call(() -> Contribution.findBySubmission(submissionId).orElse(null));
    }

    static Contribution awaitStatus(UUID submissionId, Contribution.Status status) {
        return await().atMost(WAIT).until(() -> contribution(submissionId),
                c -> c != null && c.status == status);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
