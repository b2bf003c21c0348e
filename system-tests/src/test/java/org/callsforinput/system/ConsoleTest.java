package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.BrowserScenario;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * secretariat-console in a real browser (playwright-core driving Debian's Chromium, axe-core on every page) against
 * the three services, Keycloak and the rest of the test stack. The scenarios are in src/test/browser; their
 * screenshots go to target/console-screenshots (docs/console.md shows them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTest {

    private static final Path BROWSER = StackInfo.findRepoRoot().resolve("system-tests/src/test/browser");
    private static final Path SCREENSHOTS = StackInfo.findRepoRoot().resolve("system-tests/target/console-screenshots");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static Platform platform;
    static TcpProxy reviewProxy;
    static ServiceProcess console;

    @BeforeAll
    static void start() throws IOException {
        platform = Platform.start();
        // The console reaches review-service through a proxy that the outage test takes away.
        reviewProxy = TcpProxy.to(platform.review.port());
        console = platform.startConsole("http://127.0.0.1:" + reviewProxy.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (reviewProxy != null) {
            reviewProxy.close();
        }
    }

    @Test
    @Order(1)
    void aCallManagerOpensACallAndTheSecretariatTakesAContributionToPublication() {
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Zurich")).truncatedTo(ChronoUnit.MINUTES);
        String deadline = INPUT.format(now.plusDays(20));
        BrowserScenario.Result manager = scenario("console-call-manager.mjs", Map.of("user", "callmanager", "slug", slug,
                "opensAt", INPUT.format(now.minusDays(1)), "deadline", deadline));
        manager.assertPassed();
        String callId = manager.value("callId");

        // What the form made is what the API has.
        String submission = platform.submission.baseUrl();
        given().when().get(submission + "/calls/" + callId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("slug", equalTo(slug))
                .body("title.fr", equalTo("Appel sur le droit à l’éducation"))
                .body("title.es", equalTo("Convocatoria sobre el derecho a la educación"))
                .body("themes[0].key", equalTo("schools")).body("themes[0].label.es", equalTo("Escuelas"))
                .body("timeZone", equalTo("Europe/Zurich")).body("deadline", equalTo(deadline + ":00"))
                .body("latePolicy", equalTo("REJECT")).body("intakeEmail", equalTo("calls+" + slug + "@example.org"));

        // A partner submits through the API, with a word only its document holds.
        String word = "zyx" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6) + "quorum";
        String submissionId = submit(callId, "Right to education in rural schools", "Schools far from towns.",
                "Observatoire des droits humains", List.of(), TestDocuments.docx("Contribution on " + word + " in rural schools"));
        String review = platform.review.baseUrl();
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(submissionId), c -> c != null);
        String reference = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get(review + "/cases/" + caseId).then().extract().jsonPath(),
                c -> "EXTRACTED".equals(c.getString("documents[0].textState"))).getString("reference");

        BrowserScenario.Result reviewing = scenario("console-review.mjs", Map.of("reviewer", "reviewer1",
                "coordinator", "coordinator2", "word", word, "reference", reference, "callId", callId, "caseId", caseId));
        reviewing.assertPassed();

        given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision.decision", equalTo("PUBLISH"))
                .body("decision.proposedBy", equalTo("reviewer1")).body("decision.approvedBy", equalTo("coordinator2"))
                .body("screening.tags", equalTo(List.of("schools")));
        // The public page shows it.
        JsonPath published = await().atMost(Duration.ofSeconds(30)).until(() -> given().when()
                .get(platform.publication.baseUrl() + "/public/calls/" + slug).then().extract().jsonPath(),
                json -> json.getList("groups") != null && !json.getList("groups").isEmpty());
        assertThat(published.getString("groups[0].contributions[0].title")).isEqualTo("Right to education in rural schools");
    }

    @Test
    @Order(2)
    void refusalsHostileInputAndLostSessions() {
        String slug = "console-r-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = Platform.openCall(platform.submission.baseUrl(), slug, "schools", Map.of());
        String hostileWord = "hostile" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        String submissionId = submit(callId, "<script>alert('title')</script> " + hostileWord,
                "<img src=x onerror=alert('summary')> and <iframe src=javascript:alert('frame')></iframe>",
                "<b onmouseover=alert('org')>Org</b>",
                List.of(Map.of("url", "https://example.org/a?q=%22%3E%3Cscript%3Ealert('url')%3C/script%3E", "label",
                        "<svg onload=alert('label')>", "kind", "website"),
                        Map.of("url", "https://example.org/report", "label", "Report\"><img src=x onerror=alert('label2')>",
                                "kind", "report")),
                // The submitter API refuses javascript: links and the document gate refuses them in documents; what a
                // document's metadata says reaches the case page as it is.
                TestDocuments.authoredDocx("An ordinary document", "mailto:someone@example.org", null,
                        new TestDocuments.Authorship("<script>alert('author')</script>", "<img src=x onerror=alert('last')>",
                                "<iframe srcdoc='<script>alert(1)</script>'>", null, "<b onclick=alert('comment')>", null,
                                Map.of("Client", "<svg onload=alert('custom')>"))));
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(submissionId), c -> c != null);

        Map<String, Object> input = new HashMap<>(Map.of("callId", callId, "callSlug", slug, "hostileCaseId", caseId,
                "hostileWord", hostileWord, "contributor", "contributor.odh", "reviewer", "reviewer1"));
        BrowserScenario.Result refusals = scenario("console-refusals.mjs", input);
        refusals.assertPassed();
        assertThat(refusals.dialogs()).isEmpty();
        assertThat(refusals.value("csrfStatuses")).isEqualTo("400,400");
        // Nothing the refused requests asked for happened.
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(platform.review.baseUrl() + "/cases/" + caseId).then()
                .body("status", equalTo("NEW")).body("assignee", equalTo(null));
        given().when().get(platform.submission.baseUrl() + "/calls/" + callId).then().body("status", equalTo("OPEN"));
    }

    @Test
    @Order(3)
    void aServiceThatIsDownGivesAClearPageAndTheConsoleRecovers() throws IOException {
        int port = reviewProxy.port();
        reviewProxy.close();
        scenario("console-outage.mjs", Map.of("reviewer", "reviewer2", "expect", 503)).assertPassed();
        reviewProxy = TcpProxy.on(port, platform.review.port());
        scenario("console-outage.mjs", Map.of("reviewer", "reviewer2", "expect", 200)).assertPassed();
    }

    @Test
    @Order(4)
    void anAdminManagesAWebhookSubscription() throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/un-site/webhooks", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/un-site/webhooks";
            BrowserScenario.Result admin = scenario("console-admin.mjs", Map.of("admin", "admin", "receiverUrl", url));
            admin.assertPassed();
            assertThat(admin.value("rotated")).startsWith("whsec_").isNotEqualTo(admin.value("secret"));
            String id = admin.value("subscriptionPath").replace("/webhooks/", "");
            given().auth().oauth2(Tokens.user("admin")).when()
                    .get(platform.publication.baseUrl() + "/admin/webhooks/subscriptions/" + id).then().statusCode(200)
                    .body("url", equalTo(url)).body("active", equalTo(true)).body("description", equalTo("UN web site (test)"))
                    .body("secret", equalTo(null));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @Order(5)
    void aCoordinatorAssignsSeeingConflictsAndTheReviewerMakesCopiesAndClaimsSeveral() throws IOException {
        String slug = "console-c-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = Platform.openCall(platform.submission.baseUrl(), slug, "schools", Map.of());
        String review = platform.review.baseUrl();
        // reviewer2 declares a conflict with the organisation.
        given().auth().oauth2(Tokens.user("reviewer2")).contentType(ContentType.JSON)
                .body(Map.of("kind", "ORGANISATION", "value", "Civil Rights Legal Network"))
                .when().post(review + "/reviewers/me/conflicts").then().statusCode(201);
        String named = submit(callId, "Legal aid", "Summary", "Civil Rights Legal Network", List.of(),
                TestDocuments.authoredDocx("Legal aid in custody", null, null, TestDocuments.Authorship.named()),
                "PUBLISH_WITHOUT_NAME");
        String bulkWord = "bulk" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        String first = submit(callId, "First " + bulkWord, "Summary", "Observatoire des droits humains", List.of(),
                TestDocuments.docx("One"), "PUBLISH_IN_FULL");
        String second = submit(callId, "Second " + bulkWord, "Summary", "Observatoire des droits humains", List.of(),
                TestDocuments.docx("Two"), "PUBLISH_IN_FULL");
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(named), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(first) != null && caseOf(second) != null);
        Path redacted = SCREENSHOTS.resolve("redacted.docx");
        java.nio.file.Files.createDirectories(SCREENSHOTS);
        java.nio.file.Files.write(redacted, TestDocuments.docx("Legal aid in custody, names removed"));

        BrowserScenario.Result result = scenario("console-coordinator.mjs", Map.of("caseId", caseId, "conflicted", "reviewer2",
                "reviewer", "reviewer1", "coordinator", "coordinator1", "redactedFile", redacted.toString(), "bulkWord", bulkWord));
        result.assertPassed();

        given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId).then().statusCode(200)
                .body("assignee", equalTo("reviewer1")).body("documents[0].cleaned.sha256", org.hamcrest.Matchers.notNullValue())
                .body("documents[0].redacted.fileName", equalTo("redacted.docx"));
        for (String claimed : List.of(caseOf(first), caseOf(second))) {
            given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + claimed).then()
                    .body("assignee", equalTo("reviewer1")).body("status", equalTo("IN_REVIEW"));
        }
    }

    private static BrowserScenario.Result scenario(String name, Map<String, ?> input) {
        Map<String, Object> full = new HashMap<>(input);
        full.put("baseUrl", console.baseUrl());
        full.put("password", Stack.get("demo.password"));
        return BrowserScenario.run(BROWSER.resolve(name), full, SCREENSHOTS);
    }

    private static String submit(String callId, String title, String summary, String organisation, List<Map<String, String>> links,
            byte[] docx) {
        return submit(callId, title, summary, organisation, links, docx, "PUBLISH_IN_FULL");
    }

    private static String submit(String callId, String title, String summary, String organisation, List<Map<String, String>> links,
            byte[] docx, String consent) {
        String submission = platform.submission.baseUrl();
        Map<String, Object> body = new HashMap<>(Map.of("callId", callId, "organisationName", organisation,
                "submitterCategory", "NHRI", "country", "FR",
                "contact", Map.of("name", "Camille Martin", "email", "camille.private@example.org"),
                "language", "en", "themes", List.of("schools"), "title", title, "consent", consent));
        body.put("summary", summary);
        body.put("links", links);
        String id = given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(body)
                .when().post(submission + "/submissions").then().log().ifValidationFails().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream").body(docx)
                .queryParam("fileName", "Contribution.docx")
                .when().post(submission + "/submissions/" + id + "/documents").then().log().ifValidationFails().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post(submission + "/submissions/" + id + "/submit")
                .then().statusCode(200);
        return id;
    }

    private static String caseOf(String submissionId) {
        return Platform.caseOf(platform.review.baseUrl(), submissionId);
    }

}
