package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The product's whole path through the three services as processes on the real stack: a partner submits, reviewers
 * screen and a second coordinator approves, the contribution is public (pages, JSON, feed, download as received) and
 * the UN site's receiver gets a signed webhook; then the partner withdraws and everything comes down again. No
 * contact detail reaches any public output on the way.
 */
class EndToEndTest {

    record Delivery(String id, String timestamp, String signature, String body) {
    }

    static Platform platform;
    static HttpServer receiver;
    static final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws IOException {
        platform = Platform.start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/un-site/webhooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void submittedReviewedPublishedAndRetracted() throws Exception {
        String submission = platform.submission.baseUrl();
        String review = platform.review.baseUrl();
        String publication = platform.publication.baseUrl();
        String secret = given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/un-site/webhooks",
                        "eventTypes", List.of("publication.published", "publication.retracted")))
                .when().post(publication + "/admin/webhooks/subscriptions").then().statusCode(201).extract().path("secret");

        // A partner submits, with a contact person who must never be public.
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = Platform.openCall(submission, slug, "data", Map.of());
        byte[] docx = TestDocuments.docx("Contribution on racial profiling in policing");
        String id = given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("callId", callId, "organisationName", "Observatoire des droits humains",
                        "submitterCategory", "NHRI", "country", "FR",
                        "contact", Map.of("name", "Camille Martin-Secret", "email", "camille.private@example.org"),
                        "language", "fr", "themes", List.of("data"), "title", "Profilage racial", "consent", "PUBLISH_IN_FULL"))
                .when().post(submission + "/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream").body(docx)
                .queryParam("fileName", "Contribution ODH – été.docx")
                .when().post(submission + "/submissions/" + id + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post(submission + "/submissions/" + id + "/submit").then().statusCode(200);

        // Reviewers: claim, screen, propose; a coordinator other than the proposer approves.
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, id), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get(review + "/cases/" + caseId).then().body("documents[0].textState", equalTo("EXTRACTED")));
        Platform.act(review, caseId, "reviewer1", "post", "claim", null);
        Platform.act(review, caseId, "reviewer1", "put", "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE", "tags", List.of("data")));
        Platform.act(review, caseId, "reviewer1", "post", "decision", Map.of("decision", "PUBLISH", "reason", "Within the mandate"));
        Platform.act(review, caseId, "coordinator1", "post", "decision/approval", null);

        // Public: the call's JSON, page and feed list it; the document downloads exactly as received.
        JsonPath call = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().when().get(publication + "/public/calls/" + slug).then().extract().jsonPath(),
                json -> json.getList("groups") != null && !json.getList("groups").isEmpty());
        assertThat(call.getString("groups[0].category")).isEqualTo("NHRI");
        String documentPath = call.getString("groups[0].contributions[0].documents[0].path");
        byte[] downloaded = given().when().get(publication + documentPath).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertThat(downloaded).isEqualTo(docx);
        assertThat(call.getString("groups[0].contributions[0].documents[0].sha256")).isEqualTo(sha256(docx));
        String page = given().when().get(publication + "/calls/" + slug).then().statusCode(200).extract().asString();
        String feed = given().when().get(publication + "/public/calls/" + slug + "/feed").then().statusCode(200).extract().asString();
        assertThat(page).contains("Profilage racial");
        assertThat(feed).contains("Profilage racial");

        // The UN site's receiver got a signed publication.published.
        Delivery published = deliveries.poll(30, TimeUnit.SECONDS);
        assertThat(published).isNotNull();
        assertThat(published.body()).contains("\"publication.published\"").contains("Profilage racial");
        assertThat(published.signature()).contains("v1," + sign(secret, published));

        for (String output : List.of(call.prettify(), page, feed, published.body())) {
            assertThat(output).doesNotContain("camille.private@example.org").doesNotContain("Camille Martin-Secret");
        }
        // The submission id stays inside the platform: not in the webhook, not in the public JSON.
        assertThat(published.body()).doesNotContain(id);
        assertThat(call.prettify()).doesNotContain(id);

        // The contributor sees it published, learnt from publication-service's event.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.client("partner-odh"))
                .when().get(submission + "/submissions/" + id).then().body("status", equalTo("PUBLISHED")));

        // The contributor sees the case decided; then withdraws: everything comes down again.
        given().auth().oauth2(Tokens.client("partner-odh")).when().post(submission + "/submissions/" + id + "/withdraw")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(publication + documentPath).then().statusCode(410));
        // Listings reuse the call's lookup for up to a second (publication.listing-lookup-ttl).
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().when().get(publication + "/public/calls/" + slug)
                .then().statusCode(200).body("groups.size()", equalTo(0)));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(given().when()
                .get(publication + "/public/calls/" + slug + "/feed").then().extract().asString()).doesNotContain("Profilage racial"));
        Delivery retracted = deliveries.poll(30, TimeUnit.SECONDS);
        assertThat(retracted).isNotNull();
        assertThat(retracted.body()).contains("\"publication.retracted\"");
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void aContributorWhoAsksNotToBeNamedIsPublishedWithoutTheNamesInTheirWordFile() throws Exception {
        String submission = platform.submission.baseUrl();
        String review = platform.review.baseUrl();
        String publication = platform.publication.baseUrl();
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = Platform.openCall(submission, slug, "data", Map.of());
        byte[] docx = TestDocuments.authoredDocx("Testimony on identity checks", "https://laws.example.org/act-12", null,
                TestDocuments.Authorship.named());
        String id = given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("callId", callId, "organisationName", "Observatoire des droits humains",
                        "submitterCategory", "CIVIL_SOCIETY", "country", "FR",
                        "contact", Map.of("name", "Someone Private", "email", "someone.private@example.org"),
                        "language", "en", "themes", List.of("data"), "title", "Nameless testimony", "consent", "PUBLISH_WITHOUT_NAME"))
                .when().post(submission + "/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream").body(docx)
                .queryParam("fileName", "Observatoire testimony.docx")
                .when().post(submission + "/submissions/" + id + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post(submission + "/submissions/" + id + "/submit").then().statusCode(200);

        // The reviewer sees who wrote the Word file, and its link among the case's links.
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, id), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get(review + "/cases/" + caseId).then()
                .body("documents[0].facts.metadata.author", equalTo("Camille Martin"))
                .body("links.find { it.source == 'DOCUMENT' }.url", equalTo("https://laws.example.org/act-12")));
        String documentId = given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId)
                .then().extract().path("documents[0].id");
        Platform.act(review, caseId, "reviewer1", "post", "claim", null);
        Platform.act(review, caseId, "reviewer1", "put", "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE"));
        Platform.act(review, caseId, "reviewer1", "post", "documents/" + documentId + "/cleaned-copy", null);
        String cleanedSha = given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId)
                .then().extract().path("documents[0].cleaned.sha256");
        Platform.act(review, caseId, "reviewer1", "post", "decision", Map.of("decision", "PUBLISH", "reason", "Within the mandate"));
        Platform.act(review, caseId, "coordinator1", "post", "decision/approval", null);

        // Public: the cleaned copy, said to be so, with its SHA-256; no name of the organisation or its people in it.
        JsonPath call = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().when().get(publication + "/public/calls/" + slug).then().extract().jsonPath(),
                json -> json.getList("groups") != null && !json.getList("groups").isEmpty());
        assertThat(call.getString("groups[0].contributions[0].documents[0].variant")).isEqualTo("METADATA_REMOVED");
        assertThat(call.getString("groups[0].contributions[0].documents[0].sha256")).isEqualTo(cleanedSha);
        byte[] downloaded = given().when().get(publication + call.getString("groups[0].contributions[0].documents[0].path"))
                .then().statusCode(200).extract().asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(cleanedSha);
        String page = given().when().get(publication + "/calls/" + slug).then().statusCode(200).extract().asString();
        assertThat(page).contains("Metadata removed by the platform");
        assertThat(unzipped(docx)).contains("Camille Martin"); // what the cleaning removed was there
        for (String output : List.of(call.prettify(), page, unzipped(downloaded))) {
            assertThat(output).doesNotContain("Observatoire").doesNotContain("Camille Martin").doesNotContain("Jean Dupont");
        }
    }

    @Test
    void aDecisionNotToPublishShowsToTheContributor() throws Exception {
        String submission = platform.submission.baseUrl();
        String review = platform.review.baseUrl();
        String callId = Platform.openCall(submission, "e2e-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of());
        String id = given().auth().oauth2(Tokens.client("partner-crln")).contentType(ContentType.JSON)
                .body(Map.of("callId", callId, "organisationName", "Civil Rights Legal Network", "submitterCategory", "CIVIL_SOCIETY",
                        "country", "KE", "contact", Map.of("name", "Amani Otieno", "email", "amani.otieno@example.org"),
                        "language", "en", "title", "Not for publication", "consent", "DO_NOT_PUBLISH"))
                .when().post(submission + "/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.client("partner-crln")).contentType("application/octet-stream").body(TestDocuments.docx("Internal"))
                .queryParam("fileName", "internal.docx").when().post(submission + "/submissions/" + id + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-crln")).when().post(submission + "/submissions/" + id + "/submit").then().statusCode(200);
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, id), c -> c != null);
        Platform.act(review, caseId, "coordinator1", "put", "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE"));
        Platform.act(review, caseId, "coordinator1", "post", "decision", Map.of("decision", "CONSIDER_WITHOUT_PUBLISHING", "reason", "Consent"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.client("partner-crln"))
                .when().get(submission + "/submissions/" + id).then().body("status", equalTo("NOT_PUBLISHED")));
    }

    /** Standard Webhooks v1: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" with the secret's bytes after "whsec_". */
    private static String sign(String secret, Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Every part of a package, inflated, as one text: what anyone opening the file could read. */
    private static String unzipped(byte[] zip) throws IOException {
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
