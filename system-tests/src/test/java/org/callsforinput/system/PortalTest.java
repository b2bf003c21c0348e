package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callsforinput.stack.MailStack;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.BrowserScenario;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * contributor-portal in a real browser (playwright-core driving Debian's Chromium, axe-core on every page) against
 * the services, Keycloak (its registration page and verification mail through GreenMail) and object storage. The
 * scenarios are in src/test/browser; their screenshots go to target/portal-screenshots (docs/portal.md shows them).
 */
class PortalTest {

    private static final Path BROWSER = StackInfo.findRepoRoot().resolve("system-tests/src/test/browser");
    private static final Path SCREENSHOTS = StackInfo.findRepoRoot().resolve("system-tests/target/portal-screenshots");
    private static final Pattern VERIFY_LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");

    static Platform platform;
    static ServiceProcess portal;

    @BeforeAll
    static void start() {
        platform = Platform.start();
        portal = platform.startPortal();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anIndividualRegistersContributesProvesFollowsAndWithdraws() throws Exception {
        String slug = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = Platform.openCall(platform.submission.baseUrl(), slug, "policing", Map.of());
        String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@calls.localhost";
        String password = "Portal-" + UUID.randomUUID();
        String publicCall = await().atMost(Duration.ofSeconds(30)).until(() -> platform.publication.baseUrl() + "/calls/" + slug,
                url -> given().when().get(url).statusCode() == 200);

        scenario("portal-register.mjs", Map.of("publicCallUrl", publicCall, "callId", callId, "firstName", "Camille",
                "lastName", "Martin", "email", email, "password", password)).assertPassed();

        // Keycloak's verification mail, read from the person's mailbox on the stack's mail server.
        Mailboxes mailboxes = new Mailboxes(MailStack.load());
        String link = await().atMost(Duration.ofSeconds(30)).until(() -> verificationLink(mailboxes.inbox(email)), l -> l != null);

        Path docx = Files.write(Files.createTempFile("contribution", ".docx"),
                TestDocuments.docx("Identity checks observed in three cities"));
        Path macro = Files.write(Files.createTempFile("macro", ".docx"), TestDocuments.docm("A document with macros"));
        String hostile = "<script>alert('t')</script><img src=x onerror=alert('i')>\"'><svg onload=alert('s')>";
        BrowserScenario.Result contributed = scenario("portal-contribute.mjs", Map.of("verifyLink", link, "email", email,
                "password", password, "callId", callId, "docxPath", docx.toString(), "macroPath", macro.toString(),
                "hostile", hostile));
        contributed.assertPassed();
        assertThat(contributed.dialogs()).isEmpty();
        String submissionId = contributed.value("submissionId");
        String reference = contributed.value("reference");

        // One submission for the double click, as the API has it: received, with exactly one document.
        String review = platform.review.baseUrl();
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, submissionId), c -> c != null);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + caseId).then().statusCode(200)
                .body("reference", equalTo(reference)).body("documents.size()", equalTo(1))
                .body("contact.email", equalTo(email));
        // The contribution and the withdrawn second one: the double click made no third.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.user("reviewer1")).when()
                .get(review + "/cases?size=200").then().extract().jsonPath()
                .getList("items.findAll { it.callId == '" + callId + "' }.id").size(), n -> n >= 2);
        assertThat(given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases?size=200").then().extract()
                .jsonPath().getList("items.findAll { it.callId == '" + callId + "' }.id")).hasSize(2);
        // The hostile second contribution is stored as typed.
        String secondId = contributed.value("secondId");
        String secondCase = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, secondId), c -> c != null);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(review + "/cases/" + secondCase).then()
                .body("title", equalTo(hostile));

        // The secretariat decides through the API; the portal follows.
        Platform.act(review, caseId, "reviewer1", "post", "claim", null);
        Platform.act(review, caseId, "reviewer1", "put", "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE"));
        Platform.act(review, caseId, "reviewer1", "post", "decision", Map.of("decision", "PUBLISH", "reason", "Within the mandate"));
        Platform.act(review, caseId, "coordinator1", "post", "decision/approval", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().when()
                .get(platform.publication.baseUrl() + "/public/calls/" + slug).then().extract().jsonPath()
                .getList("groups.contributions.flatten().title"), titles -> titles != null && titles.contains("Identity checks in three cities"));

        scenario("portal-status.mjs", Map.of("email", email, "password", password, "submissionId", submissionId,
                "other", "contributor.crln", "otherPassword", Stack.get("demo.password"))).assertPassed();
    }

    private static String verificationLink(List<Mailboxes.Received> mails) {
        for (Mailboxes.Received mail : mails) {
            Matcher m = VERIFY_LINK.matcher(mail.text());
            if (m.find()) {
                return m.group().replace("&amp;", "&");
            }
        }
        return null;
    }

    private static BrowserScenario.Result scenario(String name, Map<String, ?> input) {
        Map<String, Object> full = new HashMap<>(input);
        full.put("baseUrl", portal.baseUrl());
        return BrowserScenario.run(BROWSER.resolve(name), full, SCREENSHOTS);
    }
}
