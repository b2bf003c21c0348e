package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.PublicationPublished;
import org.callsforinput.contracts.PublicationRetracted;
import org.callsforinput.contracts.ReviewDecided;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.OutboxEvent;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.entity.ContributionDocument;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PublishingTest {

    @Inject
    MinioClient minio;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry meters;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(minio, mapper);
    }

    @Test
    void repeatedAndReplayedDecisionsPublishOnce() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        byte[] content = TestDocuments.docx("Contribution on racial profiling");
        DocumentRef document = fixtures.document(content, "Contribution ODH.docx", Fixtures.DOCX);
        ReviewDecided decided = Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Observatoire des droits humains", SubmitterCategory.NHRI), List.of(document));

        KafkaEvents.Event event = fixtures.decide(decided);
        KafkaEvents.send(event); // redelivery: same event id
        Fixtures.replayed(event); // replay: new event id, same decision
        Contribution published = Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);

        // A marker decision behind the repeats: once it is public, the repeats were handled too.
        UUID marker = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(marker, call, Decision.PUBLISH, Fixtures.named("Marker", SubmitterCategory.OTHER),
                List.of()));
        Fixtures.awaitStatus(marker, Contribution.Status.PUBLISHED);

        given().when().get("/public/calls/" + call.slug())
                .then().statusCode(200)
                .body("publishedContributions", equalTo(2))
                .body("groups.find { it.category == 'NHRI' }.contributions", hasSize(1));
        long events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("type = ?1 and aggregateId = ?2",
                EventTypes.PUBLICATION_PUBLISHED, published.id.toString()));
        assertThat(events).isEqualTo(1);

        // The event on Kafka carries the public data and where to fetch the document, checked and content-addressed.
        KafkaEvents.Event sent = KafkaEvents.await(Topics.PUBLICATIONS,
                e -> e.key().equals(published.id.toString()) && EventTypes.PUBLICATION_PUBLISHED.equals(e.type()), Fixtures.WAIT);
        PublicationPublished payload = mapper.readValue(sent.data(), PublicationPublished.class);
        assertThat(payload.callSlug()).isEqualTo(call.slug());
        assertThat(payload.contribution().organisationName()).isEqualTo("Observatoire des droits humains");
        assertThat(payload.documents()).singleElement().satisfies(d -> {
            assertThat(d.sha256()).isEqualTo(document.sha256());
            assertThat(d.path()).isEqualTo("/public/documents/" + d.documentId());
        });
        minio.statObject(StatObjectArgs.builder().bucket("publication-test").object("sha256/" + document.sha256()).build());
        byte[] downloaded = given().when().get(payload.documents().get(0).path())
                .then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(content);
    }

    @Test
    void eachDocumentSaysWhichFormOfTheContributionItIs() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        // The metadata-cleaned copy review-service made (its own bytes, its own SHA-256) and an annex from an older
        // decision that names no variant: as received.
        byte[] cleaned = TestDocuments.docx("Contribution without its author's name");
        DocumentRef main = fixtures.document(cleaned, "contribution.docx", Fixtures.DOCX);
        DocumentRef cleanedRef = new DocumentRef(main.documentId(), DocumentRef.ROLE_MAIN, main.bucket(), main.key(), main.fileName(),
                main.contentType(), main.size(), main.sha256(), DocumentRef.VARIANT_METADATA_REMOVED);
        DocumentRef annex = fixtures.docx("Annex", "annex-1.docx");
        annex = new DocumentRef(annex.documentId(), DocumentRef.ROLE_ANNEX, annex.bucket(), annex.key(), annex.fileName(),
                annex.contentType(), annex.size(), annex.sha256());
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH, Fixtures.anonymous(SubmitterCategory.CIVIL_SOCIETY),
                List.of(cleanedRef, annex)));
        Contribution published = Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);

        var json = given().when().get("/public/contributions/" + published.id + "?lang=en").then().statusCode(200)
                .body("documents[0].variant", equalTo(DocumentRef.VARIANT_METADATA_REMOVED))
                .body("documents[0].variantLabel", equalTo("Metadata removed by the platform"))
                .body("documents[0].sha256", equalTo(Fixtures.sha256(cleaned)))
                .body("documents[1].variant", equalTo(DocumentRef.VARIANT_AS_RECEIVED))
                .body("documents[1].variantLabel", equalTo("As received"))
                .extract().jsonPath();
        PublicationPublished event = mapper.readValue(KafkaEvents.await(Topics.PUBLICATIONS,
                e -> e.key().equals(published.id.toString()) && EventTypes.PUBLICATION_PUBLISHED.equals(e.type()), Fixtures.WAIT).data(),
                PublicationPublished.class);
        assertThat(event.documents()).extracting(PublicationPublished.PublishedDocument::variant)
                .containsExactly(DocumentRef.VARIANT_METADATA_REMOVED, DocumentRef.VARIANT_AS_RECEIVED);
        byte[] served = given().when().get(json.getString("documents[0].path")).then().statusCode(200).extract().asByteArray();
        assertThat(served).isEqualTo(cleaned);
        assertThat(Fixtures.sha256(served)).isEqualTo(json.getString("documents[0].sha256"));

        String page = given().when().get("/calls/" + call.slug() + "?lang=en").then().statusCode(200).extract().asString();
        assertThat(page).contains("Metadata removed by the platform", "As received", Fixtures.sha256(cleaned));
        given().when().get("/calls/" + call.slug() + "?lang=fr").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Métadonnées supprimées par la plateforme"));
        given().when().get("/calls/" + call.slug() + "?lang=es").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Metadatos eliminados por la plataforma"));
        given().when().get("/public/calls/" + call.slug() + "/feed?lang=en").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("contribution.docx: Metadata removed by the platform, SHA-256 "
                        + Fixtures.sha256(cleaned)));
    }

    @Test
    void decisionForAnUnknownCallWaitsAndIsPublishedWhenTheCallArrives() throws Exception {
        CallSnapshot call = new CallSnapshot(UUID.randomUUID(), 1, "late-" + UUID.randomUUID().toString().substring(0, 8),
                "Special Rapporteur", java.util.Map.of("en", "Arrives late"), java.util.Map.of(), List.of(),
                java.time.Instant.now(), java.time.Instant.now().plusSeconds(86400), "UTC", "OPEN");
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Early Bird NGO", SubmitterCategory.CIVIL_SOCIETY),
                List.of(fixtures.docx("Early", "early.docx"))));

        // Kept: the document is checked and copied, nothing is public while the call is unknown.
        await().atMost(Fixtures.WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            Contribution c = Contribution.findBySubmission(submissionId).orElse(null);
            return c != null && ContributionDocument.ofContribution(c.id).stream()
                    .allMatch(d -> d.state == ContributionDocument.State.COPIED);
        }));
        assertThat(Fixtures.contribution(submissionId).status).isEqualTo(Contribution.Status.PENDING);
        given().when().get("/public/calls/" + call.slug()).then().statusCode(404);
        given().when().get("/public/feed").then().statusCode(200).body(not(org.hamcrest.Matchers.containsString("Early Bird NGO")));

        fixtures.announce(call);
        await().atMost(Fixtures.WAIT).untilAsserted(() -> given().when().get("/public/calls/" + call.slug())
                .then().statusCode(200)
                .body("groups[0].contributions.name", hasItem("Early Bird NGO")));
    }

    @Test
    void checksumMismatchIsRefusedAndNothingIsPublic() throws Exception {
        double alertsBefore = meters.get("platform.publication.alerts").counter().count();
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        DocumentRef genuine = fixtures.docx("As received", "tampered.docx");
        // The stored object changed after intake: its SHA-256 no longer matches the decision.
        DocumentRef tampered = new DocumentRef(genuine.documentId(), genuine.role(), genuine.bucket(), genuine.key(),
                genuine.fileName(), genuine.contentType(), genuine.size(), Fixtures.sha256("something else".getBytes()));
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Tampered Organisation", SubmitterCategory.ACADEMIA), List.of(tampered)));
        UUID missing = UUID.randomUUID();
        DocumentRef gone = new DocumentRef(UUID.randomUUID(), "MAIN", Fixtures.INTAKE_BUCKET, "submissions/nothing-here",
                "gone.docx", Fixtures.DOCX, 10, tampered.sha256());
        fixtures.decide(Fixtures.decision(missing, call, Decision.PUBLISH,
                Fixtures.named("Missing Document Organisation", SubmitterCategory.ACADEMIA), List.of(gone)));

        Contribution refused = Fixtures.awaitStatus(submissionId, Contribution.Status.REFUSED);
        Fixtures.awaitStatus(missing, Contribution.Status.REFUSED);
        // one PUBLICATION-ALERT each, counted for the alert on platform_publication_alerts_total
        assertThat(meters.get("platform.publication.alerts").counter().count()).isGreaterThanOrEqualTo(alertsBefore + 2);
        List<ContributionDocument> documents = QuarkusTransaction.requiringNew()
                .call(() -> ContributionDocument.ofContribution(refused.id));
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d.state).isEqualTo(ContributionDocument.State.MISMATCH);
            assertThat(d.objectKey).isNull();
        });
        given().when().get("/public/calls/" + call.slug()).then().statusCode(200)
                .body("publishedContributions", equalTo(0)).body("groups", hasSize(0));
        given().when().get("/public/contributions/" + refused.id).then().statusCode(404);
        given().when().get("/public/documents/" + documents.get(0).id).then().statusCode(404);
        given().when().get("/calls/" + call.slug()).then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("Tampered Organisation")));
        given().when().get("/public/calls/" + call.slug() + "/feed").then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("Tampered Organisation")));
        long events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", refused.id.toString()));
        assertThat(events).isZero();
    }

    @Test
    void retractionTakesTheContributionDownEverywhere() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Withdrawing Organisation", SubmitterCategory.CIVIL_SOCIETY),
                List.of(fixtures.docx("Soon withdrawn", "withdrawn.docx"))));
        Contribution published = Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);
        String documentPath = given().when().get("/public/contributions/" + published.id)
                .then().statusCode(200).extract().path("documents[0].path");
        given().when().get(documentPath).then().statusCode(200);
        String copy = "sha256/" + QuarkusTransaction.requiringNew()
                .call(() -> ContributionDocument.ofContribution(published.id).get(0).sha256);
        minio.statObject(StatObjectArgs.builder().bucket("publication-test").object(copy).build());
        given().when().get("/public/calls/" + call.slug() + "/feed").then().body(
                org.hamcrest.Matchers.containsString("Withdrawing Organisation"));

        KafkaEvents.Event retraction = fixtures.retract(submissionId, call.callId());
        Fixtures.awaitStatus(submissionId, Contribution.Status.RETRACTED);
        Fixtures.replayed(retraction);

        given().when().get(documentPath).then().statusCode(410)
                .contentType("application/problem+json").body("status", equalTo(410));
        given().when().get("/public/contributions/" + published.id).then().statusCode(410)
                .contentType("application/problem+json");
        given().when().get("/public/calls/" + call.slug()).then().statusCode(200)
                .body("publishedContributions", equalTo(0))
                .body(not(org.hamcrest.Matchers.containsString("Withdrawing Organisation")));
        given().when().get("/public/calls").then()
                .body("find { it.slug == '" + call.slug() + "' }.publishedContributions", equalTo(0));
        for (String path : List.of("/calls/" + call.slug(), "/public/calls/" + call.slug() + "/feed", "/public/feed")) {
            given().when().get(path).then().statusCode(200)
                    .body(not(org.hamcrest.Matchers.containsString("Withdrawing Organisation")));
        }
        // The public copy leaves the bucket too.
        await().atMost(Fixtures.WAIT).untilAsserted(() -> assertThatThrownBy(() -> minio.statObject(
                StatObjectArgs.builder().bucket("publication-test").object(copy).build()))
                .isInstanceOf(ErrorResponseException.class));
        given().when().get(documentPath).then().statusCode(410);
        KafkaEvents.Event sent = KafkaEvents.await(Topics.PUBLICATIONS,
                e -> e.key().equals(published.id.toString()) && EventTypes.PUBLICATION_RETRACTED.equals(e.type()), Fixtures.WAIT);
        PublicationRetracted payload = mapper.readValue(sent.data(), PublicationRetracted.class);
        assertThat(payload.reason()).isEqualTo("WITHDRAWN");
        assertThat(payload.documentIds()).hasSize(1);
        long retractions = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("type = ?1 and aggregateId = ?2",
                EventTypes.PUBLICATION_RETRACTED, published.id.toString()));
        assertThat(retractions).isEqualTo(1);
    }

    @Test
    void retractionBeforeItsDecisionKeepsTheLateDecisionPrivate() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        fixtures.retract(submissionId, call.callId());
        Fixtures.awaitStatus(submissionId, Contribution.Status.RETRACTED);
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Withdrawn Early", SubmitterCategory.STATE), List.of()));
        UUID marker = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(marker, call, Decision.PUBLISH, Fixtures.named("Marker", SubmitterCategory.OTHER),
                List.of()));
        Fixtures.awaitStatus(marker, Contribution.Status.PUBLISHED);
        assertThat(Fixtures.contribution(submissionId).status).isEqualTo(Contribution.Status.RETRACTED);
        given().when().get("/public/calls/" + call.slug()).then()
                .body(not(org.hamcrest.Matchers.containsString("Withdrawn Early")));
    }

    @Test
    void aRetractionRightBehindItsDecisionWinsOverThePublicationJob() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        // The job claims and copies the document while the retraction arrives: both touch the same row.
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH, Fixtures.named("Raced Away", SubmitterCategory.STATE),
                List.of(fixtures.docx("Raced", "raced.docx"))));
        fixtures.retract(submissionId, call.callId());
        Fixtures.awaitStatus(submissionId, Contribution.Status.RETRACTED);
        UUID marker = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(marker, call, Decision.PUBLISH, Fixtures.named("Marker", SubmitterCategory.OTHER),
                List.of(fixtures.docx("Marker", "marker.docx"))));
        Fixtures.awaitStatus(marker, Contribution.Status.PUBLISHED);
        assertThat(Fixtures.contribution(submissionId).status).isEqualTo(Contribution.Status.RETRACTED);
        given().when().get("/public/calls/" + call.slug()).then()
                .body(not(org.hamcrest.Matchers.containsString("Raced Away")));
    }

    @Test
    void decisionsThatDoNotPublishLeaveNothing() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(new ReviewDecided(submissionId, UUID.randomUUID(), "REF-1", call.callId(), call.slug(),
                Decision.OUT_OF_MANDATE, java.time.Instant.now(), java.time.Instant.now(), null, List.of()));
        UUID marker = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(marker, call, Decision.PUBLISH, Fixtures.named("Marker", SubmitterCategory.OTHER),
                List.of()));
        Fixtures.awaitStatus(marker, Contribution.Status.PUBLISHED);
        assertThat(Fixtures.contribution(submissionId)).isNull();
    }
}
