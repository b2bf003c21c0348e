package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.ReviewDecided;
import org.callsforinput.contracts.Topics;
import org.callsforinput.gate.facts.DocumentFacts;
import org.callsforinput.gate.facts.FactsExtractor;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.TestDocuments.Authorship;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.minio.GetObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The facts the document gate reads for reviewers, and publication without the submitter's name: refused while a
 * document still names its author, allowed with the platform's metadata-cleaned copy, which is what is published.
 */
@QuarkusTest
class DocumentFactsTest {

    private static final String LAW = "https://laws.example.org/act-12";
    private static final String STATS = "https://stats.example.org/stops";

    @Test
    void factsOfTheDocumentAreShownAndItsLinksJoinTheCasesLinks() throws Exception {
        Fixtures.Submission submission = new Fixtures.Submission(Fixtures.call("accountability")).document(DocumentRef.ROLE_MAIN,
                "contribution.docx", TestDocuments.authoredDocx("Racial profiling", LAW, STATS, Authorship.named()));
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        String documentId = Fixtures.get("reviewer1", caseId).then().extract().path("documents[0].id");

        Fixtures.get("reviewer1", caseId).then().statusCode(200)
                .body("documents[0].facts.format", equalTo("docx"))
                .body("documents[0].facts.metadata.author", equalTo("Camille Martin"))
                .body("documents[0].facts.metadata.lastModifiedBy", equalTo("Jean Dupont"))
                .body("documents[0].facts.metadata.company", equalTo("Observatoire des droits humains"))
                .body("documents[0].facts.metadata.manager", equalTo("Directrice ODH"))
                .body("documents[0].facts.metadata.commentAuthors", equalTo(List.of("Camille Martin")))
                .body("documents[0].facts.metadata.revisionAuthors", equalTo(List.of("Jean Dupont")))
                .body("documents[0].facts.metadata.customProperties[0].name", equalTo("Client"))
                .body("documents[0].facts.identifying", hasItems("author", "company", "commentAuthors", "customProperties"))
                .body("documents[0].facts.hyperlinks.url", hasItems(LAW, STATS))
                // The submitter's link first, as they typed it; then the document's, found in it, kind guessed.
                .body("links[0].source", equalTo("SUBMITTER"))
                .body("links[0].url", equalTo("https://example.org/report"))
                .body("links.findAll { it.source == 'DOCUMENT' }.url", equalTo(List.of(LAW, STATS)))
                .body("links.find { it.url == '" + LAW + "' }.kind", equalTo("legislation"))
                .body("links.find { it.url == '" + LAW + "' }.label", equalTo("the law"))
                .body("links.find { it.url == '" + LAW + "' }.documentId", equalTo(documentId))
                .body("links.find { it.url == '" + STATS + "' }.kind", equalTo("statistics"));

        // A case to be published in full gets no cleaned copy: its documents are published as received.
        String etag = Fixtures.etag(caseId);
        given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", etag)
                .when().post("/cases/" + caseId + "/documents/" + documentId + "/cleaned-copy")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:consent-names-submitter"));
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);
    }

    @Test
    void publishingWithoutTheNameNeedsTheCleanedCopyWhichIsWhatIsPublished() throws Exception {
        byte[] original = TestDocuments.authoredDocx("Racial profiling", LAW, STATS, Authorship.named());
        Fixtures.Submission submission = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_MAIN, "Observatoire contribution.docx", original);
        submission.consent = Consent.PUBLISH_WITHOUT_NAME;
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        ReviewWorkflowTest.screen("coordinator1", caseId);
        String documentId = Fixtures.get("coordinator1", caseId).then().extract().path("documents[0].id");

        // Without a cleaned or redacted copy the document would name its author: refused, nothing changes.
        String etag = Fixtures.etag(caseId);
        ReviewWorkflowTest.update("coordinator1", caseId, "decision", Map.of("decision", "PUBLISH", "reason", "ok"))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:identifying-metadata"))
                .body("detail", org.hamcrest.Matchers.containsString("cleaned-copy"))
                .body("detail", org.hamcrest.Matchers.containsString("redacted copy"));
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);

        // Without If-Match: 428; a reviewer who is not the assignee: 403.
        given().auth().oauth2(Tokens.user("coordinator1")).when().post("/cases/" + caseId + "/documents/" + documentId + "/cleaned-copy")
                .then().statusCode(428);
        ReviewWorkflowTest.update("reviewer2", caseId, "documents/" + documentId + "/cleaned-copy", null).statusCode(403);

        JsonPath after = ReviewWorkflowTest.update("coordinator1", caseId, "documents/" + documentId + "/cleaned-copy", null)
                .statusCode(200)
                .body("documents[0].sha256", equalTo(Fixtures.sha256(original)))
                .body("documents[0].cleaned.sha256", notNullValue())
                .body("documents[0].cleaned.cleanedBy", equalTo("coordinator1"))
                .body("documents[0].cleaned.facts.identifying", equalTo(List.of()))
                .extract().jsonPath();
        String cleanedSha = after.getString("documents[0].cleaned.sha256");
        assertThat(cleanedSha).isNotEqualTo(Fixtures.sha256(original));

        // The original is untouched; the cleaned copy served to reviewers has the SHA-256 shown, and no name in it.
        byte[] stored = Fixtures.minio().getObject(GetObjectArgs.builder().bucket(Fixtures.BUCKET)
                .object(submission.documents.get(0).key()).build()).readAllBytes();
        assertThat(stored).isEqualTo(original);
        byte[] cleaned = given().auth().oauth2(Tokens.user("reviewer1")).when()
                .get("/cases/" + caseId + "/documents/" + documentId + "/content?variant=cleaned")
                .then().statusCode(200).extract().asByteArray();
        assertThat(Fixtures.sha256(cleaned)).isEqualTo(cleanedSha);
        Path file = Files.createTempFile("cleaned-", ".docx");
        try {
            Files.write(file, cleaned);
            DocumentFacts facts = new FactsExtractor(16 * 1024 * 1024).extract(file);
            assertThat(facts.metadata().identifying()).isEmpty();
            assertThat(facts.metadata().author()).isNull();
            assertThat(facts.metadata().company()).isNull();
            assertThat(facts.metadata().commentAuthors()).containsOnly(DocumentFacts.NEUTRAL_AUTHOR);
            assertThat(facts.hyperlinks()).extracting(DocumentFacts.FoundLink::url).contains(LAW, STATS);
        } finally {
            Files.deleteIfExists(file);
        }
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases/" + caseId + "/history").then().statusCode(200)
                .body("action", hasItems("document.cleaned"))
                .body("find { it.action == 'document.cleaned' }.after.originalSha256", equalTo(Fixtures.sha256(original)));

        ReviewWorkflowTest.update("coordinator1", caseId, "decision", Map.of("decision", "PUBLISH", "reason", "ok")).statusCode(200);
        ReviewWorkflowTest.approveAsSecondCoordinator(caseId);
        ReviewDecided decided = Fixtures.MAPPER.readValue(KafkaEvents.await(Topics.REVIEWS,
                e -> EventTypes.REVIEW_DECIDED.equals(e.type()) && submission.id.toString().equals(e.key()), Duration.ofSeconds(30)).data(),
                ReviewDecided.class);
        assertThat(decided.documents()).singleElement().satisfies(d -> {
            assertThat(d.variant()).isEqualTo(DocumentRef.VARIANT_METADATA_REMOVED);
            assertThat(d.sha256()).isEqualTo(cleanedSha);
            assertThat(d.key()).startsWith("cleaned/");
            assertThat(d.fileName()).isEqualTo("contribution.docx");
        });
    }

    @Test
    void aDocumentThePlatformCannotCleanNeedsARedactedCopy() throws Exception {
        Fixtures.Submission submission = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_MAIN, "contribution.odt",
                        TestDocuments.odt("Camille Martin", "Jean Dupont", LAW, "Ana Reviewer", "Paul Editor"));
        submission.consent = Consent.PUBLISH_WITHOUT_NAME;
        String caseId = submission.send();
        Fixtures.awaitDocuments(caseId);
        String documentId = Fixtures.get("coordinator1", caseId).then()
                .body("documents[0].facts.format", equalTo("odt"))
                .body("documents[0].facts.metadata.author", equalTo("Camille Martin"))
                .extract().path("documents[0].id");
        String etag = Fixtures.etag(caseId);
        ReviewWorkflowTest.update("coordinator1", caseId, "documents/" + documentId + "/cleaned-copy", null)
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:document-not-cleanable"))
                .body("detail", org.hamcrest.Matchers.containsString("redacted copy"));
        assertThat(Fixtures.etag(caseId)).isEqualTo(etag);
        given().auth().oauth2(Tokens.user("coordinator1")).header("If-Match", etag)
                .when().post("/cases/" + caseId + "/documents/" + UUID.randomUUID() + "/cleaned-copy").then().statusCode(404);
    }
}
