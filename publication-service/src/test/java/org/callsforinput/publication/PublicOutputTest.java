package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.PublicContribution;
import org.callsforinput.contracts.SubmissionReceived;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.OutboxEvent;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.TestDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.minio.MinioClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PublicOutputTest {

    @Inject
    MinioClient minio;

    @Inject
    ObjectMapper mapper;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(minio, mapper);
    }

    @Test
    void contributionsAreGroupedByCategoryInTheUnOrderAndSortedByName() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        List<PublicContribution> contributions = List.of(
                Fixtures.named("Zeta Foundation", SubmitterCategory.OTHER),
                Fixtures.anonymous(SubmitterCategory.INDIVIDUAL),
                Fixtures.named("Élan solidaire", SubmitterCategory.CIVIL_SOCIETY),
                Fixtures.anonymous(SubmitterCategory.CIVIL_SOCIETY),
                Fixtures.named("alpha network", SubmitterCategory.CIVIL_SOCIETY),
                Fixtures.named("Republic of Bravo", SubmitterCategory.STATE),
                Fixtures.named("Commission nationale consultative", SubmitterCategory.NHRI),
                Fixtures.named("Kingdom of Alpha", SubmitterCategory.STATE),
                Fixtures.named("Bravo Coalition", SubmitterCategory.CIVIL_SOCIETY));
        List<UUID> submissions = new ArrayList<>();
        for (PublicContribution contribution : contributions) {
            UUID submissionId = UUID.randomUUID();
            submissions.add(submissionId);
            fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH, contribution, List.of()));
        }
        submissions.forEach(id -> Fixtures.awaitStatus(id, Contribution.Status.PUBLISHED));

        given().when().get("/public/calls/" + call.slug())
                .then().statusCode(200).contentType("application/json")
                .body("publishedContributions", equalTo(9))
                .body("groups.category", equalTo(List.of("STATE", "NHRI", "CIVIL_SOCIETY", "INDIVIDUAL", "OTHER")))
                .body("groups.label", equalTo(List.of("States", "National human rights institutions",
                        "Civil society organisations", "Individuals", "Others")))
                .body("groups[0].contributions.name", equalTo(List.of("Kingdom of Alpha", "Republic of Bravo")))
                .body("groups[2].contributions.name", equalTo(List.of("alpha network", "Bravo Coalition", "Élan solidaire",
                        "Anonymous contribution")))
                .body("groups[2].contributions[3].anonymised", equalTo(true))
                .body("groups[2].contributions[3].organisationName", nullValue());
        given().queryParam("lang", "fr").when().get("/public/calls/" + call.slug())
                .then().statusCode(200)
                .body("groups[0].label", equalTo("États"))
                .body("groups[3].contributions[0].name", equalTo("Contribution anonyme"));
        given().header("Accept-Language", "es-MX, en;q=0.5").when().get("/public/calls/" + call.slug())
                .then().statusCode(200)
                .body("language", equalTo("es"))
                .body("groups[3].contributions[0].name", equalTo("Contribución anónima"));

        // The page shows the same order.
        String page = given().when().get("/calls/" + call.slug()).then().statusCode(200).extract().asString();
        assertThat(page).containsSubsequence("<h3 id=\"h-state\">States", "Kingdom of Alpha", "Republic of Bravo",
                "<h3 id=\"h-nhri\">", "Commission nationale consultative", "<h3 id=\"h-civil-society\">", "alpha network",
                "Bravo Coalition", "Élan solidaire", "Anonymous contribution", "<h3 id=\"h-individual\">",
                "<h3 id=\"h-other\">", "Zeta Foundation");
    }

    @Test
    void documentDownloadCarriesTypeNameDigestAndLongCaching() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        byte[] content = TestDocuments.docx("Rapport");
        DocumentRef document = fixtures.document(content, "Contribution ODH – rapport été 2023.docx", Fixtures.DOCX);
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH_REDACTED,
                Fixtures.named("Observatoire", SubmitterCategory.NHRI), List.of(document)));
        Contribution published = Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);
        String path = given().when().get("/public/contributions/" + published.id).then().statusCode(200)
                .body("redacted", equalTo(true))
                .body("documents[0].sha256", equalTo(document.sha256()))
                .body("documents[0].size", equalTo(content.length))
                .extract().path("documents[0].path");

        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256()));
        Response download = given().when().get(path);
        download.then().statusCode(200)
                .contentType(Fixtures.DOCX)
                .header("Content-Length", String.valueOf(content.length))
                .header("Content-Disposition", "attachment; filename=\"Contribution ODH _ rapport ete 2023.docx\"; "
                        + "filename*=UTF-8''Contribution%20ODH%20%E2%80%93%20rapport%20%C3%A9t%C3%A9%202023.docx")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("Digest", "sha-256=" + digest)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + document.sha256() + "\"");
        assertThat(download.asByteArray()).isEqualTo(content);
        assertThat(Fixtures.sha256(download.asByteArray())).isEqualTo(document.sha256());

        given().header("If-None-Match", "\"" + document.sha256() + "\"").when().get(path)
                .then().statusCode(304).header("ETag", "\"" + document.sha256() + "\"");
        given().when().head(path).then().statusCode(200).header("Repr-Digest", "sha-256=:" + digest + ":");
    }

    @Test
    void listingsAnswer304UntilSomethingChanges() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        for (String path : List.of("/public/calls", "/public/calls/" + call.slug(), "/public/calls/" + call.slug() + "/feed",
                "/public/feed", "/calls/" + call.slug(), "/calls")) {
            Response first = given().when().get(path);
            first.then().statusCode(200);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            assertThat(etag).as(path).startsWith("\"");
            assertThat(lastModified).as(path).isNotBlank();
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304).header("ETag", etag);
            given().header("If-None-Match", "W/" + etag + ", \"other\"").when().get(path).then().statusCode(304);
            given().header("If-Modified-Since", lastModified).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"stale\"").header("If-Modified-Since", lastModified).when().get(path)
                    .then().statusCode(200);
            given().header("If-Modified-Since", "yesterday").when().get(path).then().statusCode(200);
        }
        Response before = given().when().get("/public/calls/" + call.slug());
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH, Fixtures.named("Newcomer", SubmitterCategory.STATE),
                List.of()));
        Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);
        given().header("If-None-Match", before.header("ETag")).when().get("/public/calls/" + call.slug())
                .then().statusCode(200).body(containsString("Newcomer"));
    }

    @Test
    void listingsComeGzippedToClientsThatAcceptIt() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        String path = "/public/calls/" + call.slug();
        Response plain = given().config(io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "identity")
                .when().get(path);
        plain.then().statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue())
                .header("Vary", containsString("Accept-Encoding"));
        Response zipped = given().config(io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "br, gzip;q=0.8")
                .when().get(path);
        zipped.then().statusCode(200).header("Content-Encoding", "gzip");
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.asByteArray())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.asByteArray());
        assertThat(zipped.header("ETag")).isNotEqualTo(plain.header("ETag"));
        given().header("Accept-Encoding", "gzip").header("If-None-Match", zipped.header("ETag")).when().get(path).then().statusCode(304);
        given().header("Accept-Encoding", "gzip;q=0").when().get(path).then().header("Content-Encoding", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void callPageSpeaksEnglishFrenchAndSpanish() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Observatoire des droits humains", SubmitterCategory.NHRI),
                List.of(fixtures.document(new byte[48213], "Contribution ODH.docx", Fixtures.DOCX))));
        Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);

        String en = given().when().get("/calls/" + call.slug()).then().statusCode(200)
                .contentType(startsWith("text/html")).header("Vary", containsString("Accept-Language"))
                .extract().asString();
        assertThat(en).contains("<html lang=\"en\">", "Call for input: racial justice", "Deadline", "12 May 2030",
                "23:59", "(Europe/Zurich)", "National human rights institutions", "47.1\u00a0KB", "French",
                "<caption>Documents of Observatoire des droits humains</caption>", "<th scope=\"col\">SHA-256</th>",
                "<main id=\"main\">", "<nav aria-label=\"Language\">", "hreflang=\"fr\"",
                "href=\"/calls/" + call.slug() + "?lang=fr\"", "aria-current=\"page\">English<");

        String fr = given().queryParam("lang", "fr").when().get("/calls/" + call.slug()).then().statusCode(200)
                .extract().asString();
        assertThat(fr).contains("<html lang=\"fr\">", "Appel à contributions : justice raciale", "Date limite",
                "12 mai 2030", "23:59", "Institutions nationales des droits de l’homme", "47,1\u00a0Ko", "français",
                "<nav aria-label=\"Langue\">", "aria-current=\"page\">Français<");

        String es = given().header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5").when().get("/calls/" + call.slug())
                .then().statusCode(200).extract().asString();
        assertThat(es).contains("<html lang=\"es\">", "Convocatoria: justicia racial", "Plazo", "12 de mayo de 2030",
                "Instituciones nacionales de derechos humanos", "francés");

        // Explicit switch beats the header; an unknown language is a clear 400.
        given().header("Accept-Language", "es").queryParam("lang", "fr").when().get("/calls/" + call.slug())
                .then().statusCode(200).body(containsString("<html lang=\"fr\">"));
        given().header("Accept-Language", "de-DE, fr;q=0.8").when().get("/calls/" + call.slug())
                .then().statusCode(200).body(containsString("<html lang=\"fr\">"));
        given().queryParam("lang", "de").when().get("/calls/" + call.slug())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:unsupported-language"));
        given().when().get("/calls?lang=fr").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"), containsString("Appel à contributions : justice raciale"));
    }

    @Test
    void anOpenCallsPageLinksToThePortalInThePagesLanguageAndAClosedCallsDoesNot() {
        CallSnapshot open = fixtures.openCall();
        CallSnapshot c = fixtures.openCall();
        CallSnapshot closed = new CallSnapshot(c.callId(), c.version() + 1, c.slug(), c.mandate(), c.title(), c.description(),
                c.themes(), c.opensAt(), c.deadline(), c.timeZone(), "CLOSED");
        fixtures.announce(closed);
        Fixtures.awaitCall(open);
        await().atMost(Fixtures.WAIT).untilAsserted(() -> given().when().get("/public/calls/" + closed.slug())
                .then().statusCode(200).body("status", equalTo("CLOSED")));

        // The test profile's portal: src/test/resources/application.properties.
        String portal = "http://127.0.0.1:18085/calls/" + open.callId();
        assertThat(given().when().get("/calls/" + open.slug()).then().statusCode(200).extract().asString())
                .contains("<a href=\"" + portal + "?lang=en\">Contribute to this call</a>");
        assertThat(given().queryParam("lang", "fr").when().get("/calls/" + open.slug()).then().statusCode(200).extract().asString())
                .contains("<a href=\"" + portal + "?lang=fr\">Contribuer à cet appel</a>");
        assertThat(given().header("Accept-Language", "es").when().get("/calls/" + open.slug()).then().statusCode(200)
                .extract().asString())
                .contains("<a href=\"" + portal + "?lang=es\">Contribuir a esta convocatoria</a>");

        String closedPage = given().queryParam("lang", "fr").when().get("/calls/" + closed.slug()).then().statusCode(200)
                .extract().asString();
        assertThat(closedPage).contains("Clos").doesNotContain("Contribuer", "18085");
    }

    @Test
    void hostileMetadataIsEscapedOnThePageInFeedsAndInJson() throws Exception {
        String script = "<script>alert('x')</script>";
        CallSnapshot call = fixtures.openCall(Map.of("en", "<i>Call</i> " + script),
                Map.of("en", "Description & <b>bold</b> " + script));
        Fixtures.awaitCall(call);
        String name = "Evil \"Org\" " + script;
        String title = "\"><img src=x onerror=alert(2)>";
        String summary = "</p><iframe src=javascript:alert(3)></iframe> & \u0001 control";
        PublicContribution hostile = new PublicContribution(false, name, SubmitterCategory.CIVIL_SOCIETY, "FR", "fr",
                List.of("accountability"), title, summary,
                List.of(new Hyperlink("javascript:alert(4)", "<b>click me</b>", "website"),
                        new Hyperlink("JaVaScRiPt:alert(5)", "upper", "website"),
                        new Hyperlink("data:text/html,<script>alert(6)</script>", "data", "website"),
                        new Hyperlink("https://example.org/report?a=1&b=2", "Real report", "report")),
                List.of("Co <script>alert(7)</script>"));
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH, hostile,
                List.of(fixtures.docx("x", "<svg onload=alert(8)>.docx"))));
        Contribution published = Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);

        String page = given().when().get("/calls/" + call.slug()).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertThat(page).doesNotContain("<script", "<img", "<iframe", "<svg", "<b>", "<i>Call", "href=\"javascript:",
                "href=\"JaVaScRiPt:", "href=\"data:", "\u0001");
        assertThat(page).contains("Evil &quot;Org&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
                "&lt;i&gt;Call&lt;/i&gt;", "&lt;b&gt;click me&lt;/b&gt;", "&lt;svg onload=alert(8)&gt;.docx",
                "href=\"https://example.org/report?a=1&amp;b=2\"");

        for (String feed : List.of("/public/calls/" + call.slug() + "/feed", "/public/feed")) {
            byte[] xml = given().when().get(feed).then().statusCode(200).contentType("application/atom+xml")
                    .extract().asByteArray();
            String text = new String(xml, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("<script", "<img", "<iframe", "<svg", "href=\"javascript:", "href=\"data:",
                    "\u0001");
            // Well-formed, and the texts come back exactly as given (no double escaping, nothing lost but controls).
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            NodeList entries = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
            Element entry = null;
            for (int i = 0; i < entries.getLength(); i++) {
                Element candidate = (Element) entries.item(i);
                if (candidate.getTextContent().contains(published.id.toString())) {
                    entry = candidate;
                }
            }
            assertThat(entry).as(feed).isNotNull();
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "name").item(0).getTextContent())
                    .isEqualTo(name);
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
                    .isEqualTo(name + ": " + title);
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "summary").item(0).getTextContent())
                    .contains("</p><iframe src=javascript:alert(3)></iframe> &  control")
                    .doesNotContain("javascript:alert(4)", "data:text/html")
                    .contains("Real report <https://example.org/report?a=1&b=2>");
        }

        given().when().get("/public/contributions/" + published.id).then().statusCode(200)
                .contentType("application/json")
                .header("X-Content-Type-Options", "nosniff")
                .body("name", equalTo(name))
                .body("title", equalTo(title))
                .body("links[0].label", equalTo("<b>click me</b>"))
                .body("links[0].url", nullValue())
                .body("links[1].url", nullValue())
                .body("links[2].url", nullValue())
                .body("links[3].url", equalTo("https://example.org/report?a=1&b=2"));
        given().when().get("/public/calls/" + call.slug()).then().statusCode(200).contentType("application/json")
                .body("title", equalTo("<i>Call</i> " + script));
    }

    @Test
    void noPublicOutputCarriesContactDetails() throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        List<Contact> contacts = List.of(new Contact("Camille Privatperson", "camille.privat@contact-only.example"),
                new Contact("Dario Hiddenname", "dario.hidden@contact-only.example"));
        List<SubmissionReceived> submissions = List.of(
                submission(call, "Observatoire des droits humains", Consent.PUBLISH_IN_FULL, contacts.get(0)),
                submission(call, "Quiet Collective", Consent.PUBLISH_WITHOUT_NAME, contacts.get(1)));
        List<UUID> contributionIds = new ArrayList<>();
        for (SubmissionReceived s : submissions) {
            fixtures.decide(Fixtures.decision(s.submissionId(), call, Decision.PUBLISH, Fixtures.fromSubmission(s),
                    s.documents()));
            contributionIds.add(Fixtures.awaitStatus(s.submissionId(), Contribution.Status.PUBLISHED).id);
        }

        List<String> outputs = new ArrayList<>();
        List<String> paths = new ArrayList<>(List.of("/public/calls", "/public/feed", "/calls"));
        for (String lang : List.of("en", "fr", "es")) {
            paths.add("/public/calls/" + call.slug() + "?lang=" + lang);
            paths.add("/public/calls/" + call.slug() + "/feed?lang=" + lang);
            paths.add("/calls/" + call.slug() + "?lang=" + lang);
        }
        for (UUID id : contributionIds) {
            paths.add("/public/contributions/" + id);
        }
        for (String path : paths) {
            Response response = given().when().get(path);
            response.then().statusCode(200);
            outputs.add(path + "\n" + response.headers() + "\n" + response.asString());
        }
        for (UUID id : contributionIds) {
            String documentPath = given().when().get("/public/contributions/" + id).then().extract().path("documents[0].path");
            outputs.add(documentPath + "\n" + given().when().head(documentPath).then().statusCode(200).extract().headers());
        }
        // The publication events (Kafka, and what the webhooks get) carry the same public data.
        for (UUID id : contributionIds) {
            outputs.add(KafkaEvents.await(Topics.PUBLICATIONS, e -> e.key().equals(id.toString()), Fixtures.WAIT).data());
            outputs.addAll(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("aggregateId", id.toString())
                    .stream().map(e -> e.payload).toList()));
        }

        assertThat(String.join("\n", outputs)).contains("Observatoire des droits humains", "Anonymous contribution");
        for (String output : outputs) {
            for (Contact contact : contacts) {
                assertThat(output.toLowerCase()).as(output.lines().findFirst().orElse(""))
                        .doesNotContain(contact.name().toLowerCase(), contact.email().toLowerCase(), "privatperson",
                                "hiddenname", "contact-only.example");
            }
            // The anonymised contributor's name is not public either.
            assertThat(output).doesNotContain("Quiet Collective");
        }
    }

    @Test
    void malformedIdsAndPathTraversalNeverReachAFile() throws Exception {
        List<String> hostile = List.of(
                "/public/documents/..%2F..%2F..%2Fetc%2Fpasswd",
                "/public/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/public/documents/..%5C..%5Cwindows%5Cwin.ini",
                "/public/documents/sha256%2F0000000000000000000000000000000000000000000000000000000000000000",
                "/public/documents/not-a-uuid",
                "/public/documents/%00",
                "/public/contributions/..%2F..%2Fetc%2Fpasswd",
                "/public/calls/..%2F..%2Fetc%2Fpasswd",
                "/public/calls/UPPER_CASE",
                "/calls/..%2Fpublic%2Ffeed");
        for (String path : hostile) {
            given().urlEncodingEnabled(false).when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body(not(containsString("root:")));
        }
        given().urlEncodingEnabled(false).when().get("/public/documents/../../../etc/passwd")
                .then().statusCode(404).body(not(containsString("root:")));
        given().when().get("/public/documents/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:not-found"));
        given().when().get("/public/calls/no-such-call").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/calls/no-such-call").then().statusCode(404).contentType("application/problem+json");
    }

    private SubmissionReceived submission(CallSnapshot call, String organisation, Consent consent, Contact contact)
            throws Exception {
        UUID submissionId = UUID.randomUUID();
        return new SubmissionReceived(submissionId, "REF-" + submissionId.toString().substring(0, 4), call.callId(),
                call.slug(), "org-" + submissionId.toString().substring(0, 4), organisation, SubmitterCategory.CIVIL_SOCIETY,
                "FR", contact, "fr", List.of("accountability"), "Contribution on racial profiling",
                "Findings from 2022 field monitoring.",
                List.of(new Hyperlink("https://example.org/report.pdf", "Annual report", "report")), List.of(), consent,
                false, Instant.now(), List.of(fixtures.docx("Contribution", "Contribution.docx")), SubmissionReceived.CHANNEL_API, null);
    }
}
