package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.callsforinput.stack.MailStack;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * E-mail as an intake channel, end to end against the real stack: mails go through GreenMail's SMTP to a call's
 * address, mail-intake (its jar, as a process) reads them over IMAP and submits them through submission-service,
 * reviewers see the case, and the sender's mailbox receives the reply with the signed receipt.
 */
class MailIntakeTest {

    static Platform platform;
    static MailStack mail;
    static Mailboxes mailboxes;
    static ServiceProcess intake;
    static String slug;
    static String callId;
    static String callAddress;
    static int starts;

    @BeforeAll
    static void start() {
        platform = Platform.start();
        mail = MailStack.load();
        mailboxes = new Mailboxes(mail);
        slug = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        callAddress = mail.callAddress(slug);
        callId = Platform.openCall(platform.submission.baseUrl(), slug, "data", Map.of(
                "referencePrefix", "MAIL-" + slug.substring(5).toUpperCase(), "intakeEmail", callAddress,
                "title", Map.of("en", "Call by e-mail", "fr", "Appel par courriel")));
        intake = startIntake(Map.of());
    }

    @AfterEach
    void intakeStillRuns() {
        if (intake == null || !intake.isAlive()) {
            intake = startIntake(Map.of());
        }
    }

    @AfterAll
    static void stop() {
        if (intake != null) {
            intake.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aMailWithAWordAttachmentBecomesACaseAndItsSenderGetsTheSignedReceipt() throws Exception {
        String sender = "camille." + UUID.randomUUID().toString().substring(0, 6) + "@odh.example";
        byte[] docx = TestDocuments.docx("Contribution on racial profiling");
        byte[] pdf = TestDocuments.pdf(false);
        MimeMessage message = mailTo(sender, "Camille Martin", "Contribution on racial profiling",
                "Our findings from 2022.\nThe law: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006071154 and our site https://odh.example/",
                Map.of("ODH contribution.docx", docx, "annex.pdf", pdf));
        message.setHeader("Authentication-Results", "mx.calls.localhost; spf=pass smtp.mailfrom=odh.example; dkim=none");
        mailboxes.send(message);

        Mailboxes.Received reply = awaitReply(sender);
        assertThat(reply.header("Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(reply.subject()).startsWith("Received " + "MAIL-");
        assertThat(reply.text()).contains("ODH contribution.docx, " + docx.length + ", " + sha256(docx))
                .contains("annex.pdf, " + pdf.length + ", " + sha256(pdf)).contains("On time").contains("WITHDRAW");
        JsonNode signed = verifiedReceipt(reply);
        String reference = signed.path("receipt").path("reference").asText();
        assertThat(reply.subject()).contains(reference);

        // The submission: channel EMAIL, the sender as contact, the call's default consent, links typed.
        String id = signed.path("receipt").path("submissionId").asText();
        given().auth().oauth2(Tokens.client("mail-intake")).when().get(platform.submission.baseUrl() + "/submissions/" + id)
                .then().statusCode(200).body("channel", equalTo("EMAIL")).body("contact.email", equalTo(sender))
                .body("consent", equalTo("PUBLISH_IN_FULL")).body("title", equalTo("Contribution on racial profiling"))
                .body("links.find { it.url.contains('legifrance') }.kind", equalTo("legislation"))
                .body("documents.find { it.role == 'MAIN' }.fileName", equalTo("ODH contribution.docx"));
        assertThat(column("select authentication_results from submission where id = ?::uuid", id)).contains("spf=pass");

        // Reviewers see it as a case, with the channel and the receiving server's verdicts; the mail sits in Processed.
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(platform.review.baseUrl(), id), c -> c != null);
        given().auth().oauth2(Tokens.user("reviewer1")).when().get(platform.review.baseUrl() + "/cases/" + caseId).then()
                .statusCode(200).body("channel", equalTo("EMAIL")).body("submitterCategory", equalTo(null))
                .body("authenticationResults", org.hamcrest.Matchers.containsString("spf=pass"))
                .body("contact.email", equalTo(sender));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailboxes.intake("Processed").stream()
                .anyMatch(m -> "Contribution on racial profiling".equals(m.subject()) && m.text().contains("2022")));
    }

    @Test
    void aMailWithoutAWordDocumentGetsAReplySayingWhyAndLeavesNoSubmission() throws Exception {
        String sender = "nodoc." + UUID.randomUUID().toString().substring(0, 6) + "@ngo.example";
        mailboxes.send(mailTo(sender, "No Doc", "Only a PDF", "See attached.", Map.of("only.pdf", TestDocuments.pdf(false))));

        Mailboxes.Received reply = awaitReply(sender);
        assertThat(reply.subject()).startsWith("Not received");
        assertThat(reply.header("Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(reply.text()).contains("Word").contains("Word (.docx ou .doc)").doesNotContain("WITHDRAW");
        assertThat(submissionsFrom(sender)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailboxes.intake("Rejected").stream()
                .anyMatch(m -> "Only a PDF".equals(m.subject())));
    }

    @Test
    void autoRepliesAndBouncesAreNeitherTakenNorAnswered() throws Exception {
        String sender = "ooo." + UUID.randomUUID().toString().substring(0, 6) + "@ngo.example";
        MimeMessage outOfOffice = mailTo(sender, "Away", "Out of office: contribution", "I am away.",
                Map.of("c.docx", TestDocuments.docx("x")));
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        mailboxes.send(outOfOffice);
        String listSender = "list." + UUID.randomUUID().toString().substring(0, 6) + "@lists.example";
        MimeMessage bulk = mailTo(listSender, "A list", "List digest", "Digest.", Map.of("d.docx", TestDocuments.docx("y")));
        bulk.setHeader("Precedence", "list");
        bulk.setHeader("List-Id", "<digest.lists.example>");
        mailboxes.send(bulk);

        // The list mail is taken (a person may have sent it through a list) but not answered; the auto-reply is neither.
        await().atMost(Duration.ofSeconds(30)).until(() -> submissionsFrom(listSender) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailboxes.intake("Rejected").stream()
                .anyMatch(m -> "Out of office: contribution".equals(m.subject())));
        assertThat(submissionsFrom(sender)).isZero();
        assertThat(mailboxes.inbox(sender)).isEmpty();
        assertThat(mailboxes.inbox(listSender)).isEmpty();
    }

    @Test
    void aMailTakenWhenMailIntakeIsKilledBeforeMarkingItIsSubmittedOnceAfterTheRestart() throws Exception {
        // The halt must hit this test's mail, not one left by another test.
        await().atMost(Duration.ofSeconds(60)).until(() -> mailboxes.intake("INBOX").isEmpty());
        intake.close();
        // Halts (as kill -9 would) right after the submission committed, before the reply and the move.
        intake = startIntake(Map.of("MAIL_INTAKE_TESTING_HALT_AFTER_SUBMIT", "true"));
        String sender = "crash." + UUID.randomUUID().toString().substring(0, 6) + "@odh.example";
        mailboxes.send(mailTo(sender, "Crash Test", "Taken once", "Exactly once.", Map.of("once.docx", TestDocuments.docx("once"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> !intake.isAlive());
        assertThat(submissionsFrom(sender)).isEqualTo(1);
        assertThat(mailboxes.intake("INBOX").stream().anyMatch(m -> "Taken once".equals(m.subject()))).isTrue();
        assertThat(mailboxes.inbox(sender)).isEmpty();

        intake = startIntake(Map.of());
        Mailboxes.Received reply = awaitReply(sender);
        assertThat(reply.subject()).startsWith("Received");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailboxes.intake("INBOX").stream().noneMatch(m -> "Taken once".equals(m.subject())));
        assertThat(submissionsFrom(sender)).isEqualTo(1);
        assertThat(mailboxes.intake("Processed").stream().filter(m -> "Taken once".equals(m.subject()))).hasSize(1);
        assertThat(mailboxes.inbox(sender)).hasSize(1);
    }

    /** SMTP away when the reply is due: the submission stays (one), the mail waits in INBOX, the reply comes later. */
    @Test
    void aReplyThatSmtpRefusesIsSentOnceSmtpIsBackAndTheSubmissionStaysOne() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailboxes.intake("INBOX").isEmpty());
        intake.close();
        int smtpAway = TcpProxy.freePort();
        intake = startIntake(Map.of("QUARKUS_MAILER_PORT", Integer.toString(smtpAway)));
        String sender = "smtp." + UUID.randomUUID().toString().substring(0, 6) + "@odh.example";
        mailboxes.send(mailTo(sender, "Smtp Away", "Reply later", "SMTP is away.", Map.of("later.docx", TestDocuments.docx("later"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> submissionsFrom(sender) == 1);
        Thread.sleep(8_000); // a few reply rounds, all refused
        assertThat(mailboxes.inbox(sender)).isEmpty();
        assertThat(mailboxes.intake("INBOX").stream().anyMatch(m -> "Reply later".equals(m.subject()))).isTrue();

        try (TcpProxy smtpBack = TcpProxy.on(smtpAway, mail.smtpPort())) {
            Mailboxes.Received reply = awaitReply(sender);
            assertThat(reply.subject()).startsWith("Received");
            await().atMost(Duration.ofSeconds(20)).until(() -> mailboxes.intake("Processed").stream()
                    .anyMatch(m -> "Reply later".equals(m.subject())));
            assertThat(submissionsFrom(sender)).isEqualTo(1);
            assertThat(mailboxes.inbox(sender)).hasSize(1);
        } finally {
            intake.close();
            intake = null;
        }
    }

    /** The IMAP server away: mail-intake is not ready and says why; once it is back, the waiting mail is taken. */
    @Test
    void withTheMailServerAwayIntakeIsNotReadyAndTakesTheMailOnceTheServerIsBack() throws Exception {
        intake.close();
        int imapAway = TcpProxy.freePort();
        Map<String, String> env = new HashMap<>(intakeEnvironment());
        env.put("MAIL_INTAKE_IMAP_PORT", Integer.toString(imapAway));
        env.put("MAIL_INTAKE_IMAP_RECONNECT_DELAY", "1s");
        Path repo = StackInfo.findRepoRoot();
        intake = ServiceProcess.launch(StackInfo.load(), repo, "mail-intake", null, Platform.freePort(), Platform.freePort(), env,
                repo.resolve("system-tests/target/service-logs/mail-intake-" + (++starts)));
        String ready = intake.managementUrl() + "/q/health/ready";
        await().atMost(ServiceProcess.READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> given().when().get(ready).statusCode() == 503);
        given().when().get(ready).then().statusCode(503)
                .body("checks.find { it.name == 'mailbox' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'mailbox' }.data.error", org.hamcrest.Matchers.not(""));
        String sender = "away." + UUID.randomUUID().toString().substring(0, 6) + "@odh.example";
        mailboxes.send(mailTo(sender, "Imap Away", "Taken later", "The server was away.", Map.of("away.docx", TestDocuments.docx("away"))));
        Thread.sleep(3_000);
        assertThat(submissionsFrom(sender)).isZero();

        try (TcpProxy imapBack = TcpProxy.on(imapAway, mail.imapPort())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(ready).statusCode() == 200);
            Mailboxes.Received reply = awaitReply(sender);
            assertThat(reply.subject()).startsWith("Received");
            assertThat(submissionsFrom(sender)).isEqualTo(1);
        } finally {
            intake.close();
            intake = null;
        }
    }

    /**
     * The whole path of a contribution by e-mail: mailed through SMTP to the call's address, a case in review-service,
     * the signed receipt in the sender's mailbox; reviewers fill in what a mail cannot say (category, country,
     * organisation), a coordinator approves, and publication-service publishes it in full and as received: the
     * public document has the attachment's SHA-256, and neither the sender's address nor their name is public.
     */
    @Test
    void aMailedContributionIsReviewedAndPublishedInFullAsReceivedWithoutTheSendersPersonalData() throws Exception {
        String review = platform.review.baseUrl();
        String publication = platform.publication.baseUrl();
        String sender = "amani." + UUID.randomUUID().toString().substring(0, 6) + "@crln.example";
        String senderName = "Amani Otieno-Private";
        byte[] docx = TestDocuments.docx("Testimony on stop and search");
        mailboxes.send(mailTo(sender, senderName, "Testimony on stop and search",
                "Our testimony is attached.\nThe 2023 report: https://crln.example/reports/stop-and-search-2023",
                Map.of("CRLN testimony.docx", docx)));

        Mailboxes.Received reply = awaitReply(sender);
        assertThat(reply.subject()).startsWith("Received MAIL-");
        JsonNode signed = verifiedReceipt(reply);
        assertThat(signed.path("receipt").path("files").get(0).path("sha256").asText()).isEqualTo(sha256(docx));
        String id = signed.path("receipt").path("submissionId").asText();

        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(review, id), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get(review + "/cases/" + caseId).then().body("channel", equalTo("EMAIL"))
                .body("organisationName", equalTo(null)).body("submitterCategory", equalTo(null)).body("country", equalTo(null))
                .body("documents[0].textState", equalTo("EXTRACTED")));
        Platform.act(review, caseId, "reviewer1", "post", "claim", null);
        Platform.act(review, caseId, "reviewer1", "put", "metadata", Map.of("submitterCategory", "CIVIL_SOCIETY", "country", "KE",
                "organisationName", "Civil Rights Legal Network"));
        Platform.act(review, caseId, "reviewer1", "put", "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE"));
        Platform.act(review, caseId, "reviewer1", "post", "decision", Map.of("decision", "PUBLISH", "reason", "Within the mandate"));
        Platform.act(review, caseId, "coordinator1", "post", "decision/approval", null);

        // Public: listed under the category the reviewer gave, the document as received, byte for byte.
        String path = "groups.contributions.flatten().find { it.title == 'Testimony on stop and search' }";
        JsonPath call = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().when().get(publication + "/public/calls/" + slug).then().statusCode(200).extract().jsonPath(),
                json -> json.get(path) != null);
        assertThat(call.getString(path + ".submitterCategory")).isEqualTo("CIVIL_SOCIETY");
        assertThat(call.getString(path + ".country")).isEqualTo("KE");
        assertThat(call.getString(path + ".name")).isEqualTo("Civil Rights Legal Network");
        assertThat(call.getString(path + ".documents[0].variant")).isEqualTo("AS_RECEIVED");
        assertThat(call.getString(path + ".documents[0].sha256")).isEqualTo(sha256(docx));
        byte[] downloaded = given().when().get(publication + call.getString(path + ".documents[0].path")).then().statusCode(200)
                .extract().asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(sha256(docx));
        String page = given().when().get(publication + "/calls/" + slug).then().statusCode(200).extract().asString();
        String feed = given().when().get(publication + "/public/calls/" + slug + "/feed").then().statusCode(200).extract().asString();
        assertThat(page).contains("Testimony on stop and search").contains("Civil Rights Legal Network");
        String localPart = sender.substring(0, sender.indexOf('@'));
        for (String output : List.of(call.prettify(), page, feed)) {
            assertThat(output).doesNotContain(sender).doesNotContain(localPart).doesNotContain(senderName)
                    .doesNotContain("Otieno");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.client("mail-intake"))
                .when().get(platform.submission.baseUrl() + "/submissions/" + id).then().body("status", equalTo("PUBLISHED")));
    }

    /**
     * More mails from one sender than {@code limits.replies-per-sender-per-hour} allows: every contribution is taken,
     * only the first ones are answered, a mail with nothing acceptable is not answered either; other senders still are.
     */
    @Test
    void repliesToOneSenderAreRateLimitedWhileEveryContributionIsStillTaken() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailboxes.intake("INBOX").isEmpty());
        intake.close();
        intake = startIntake(Map.of("MAIL_INTAKE_LIMITS_REPLIES_PER_SENDER_PER_HOUR", "2"));
        try {
            String sender = "busy." + UUID.randomUUID().toString().substring(0, 6) + "@ngo.example";
            for (int i = 1; i <= 4; i++) {
                mailboxes.send(mailTo(sender, "Busy Sender", "Busy contribution " + i, "Number " + i + ".",
                        Map.of("busy-" + i + ".docx", TestDocuments.docx("Busy contribution " + i))));
            }
            mailboxes.send(mailTo(sender, "Busy Sender", "Busy without a document", "Nothing attached.", Map.of()));

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mailboxes.intake("INBOX").isEmpty());
            assertThat(submissionsFrom(sender)).isEqualTo(4);
            assertThat(mailboxes.intake("Processed").stream().filter(m -> m.subject().startsWith("Busy contribution "))).hasSize(4);
            assertThat(mailboxes.intake("Rejected").stream().filter(m -> m.subject().equals("Busy without a document"))).hasSize(1);
            List<Mailboxes.Received> replies = mailboxes.inbox(sender);
            assertThat(replies).hasSize(2).allSatisfy(r -> assertThat(r.subject()).startsWith("Received MAIL-"));

            String other = "calm." + UUID.randomUUID().toString().substring(0, 6) + "@ngo.example";
            mailboxes.send(mailTo(other, "Calm Sender", "Calm contribution", "One mail.", Map.of("calm.docx", TestDocuments.docx("calm"))));
            assertThat(awaitReply(other).subject()).startsWith("Received MAIL-");
            assertThat(mailboxes.inbox(sender)).hasSize(2);
        } finally {
            intake.close();
            intake = null;
        }
    }

    private static ServiceProcess startIntake(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(intakeEnvironment());
        env.putAll(extra);
        Path repo = StackInfo.findRepoRoot();
        // A log per start: the one of the halted process is the evidence of the crash.
        return ServiceProcess.start(StackInfo.load(), repo, "mail-intake", null, Platform.freePort(), Platform.freePort(), env,
                repo.resolve("system-tests/target/service-logs/mail-intake-" + (++starts)));
    }

    private static Map<String, String> intakeEnvironment() {
        Map<String, String> env = new HashMap<>(mail.mailIntakeEnvironment());
        env.put("MAIL_INTAKE_SUBMISSION_URL", platform.submission.baseUrl());
        env.put("MAIL_INTAKE_IMAP_POLL_INTERVAL", "2s");
        return env;
    }

    private static MimeMessage mailTo(String from, String name, String subject, String text, Map<String, byte[]> files)
            throws Exception {
        MimeMessage message = new MimeMessage(mailboxes.session()) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                // Keep the test's own Message-ID: it is the idempotency key under test.
                if (getHeader("Message-ID") == null) {
                    super.updateMessageID();
                }
            }
        };
        message.setFrom(new InternetAddress(from, name, "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(callAddress));
        message.setSubject(subject, "UTF-8");
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1) + ">");
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        body.addBodyPart(textPart);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.getValue(), "application/octet-stream")));
            part.setFileName(file.getKey());
            body.addBodyPart(part);
        }
        message.setContent(body);
        message.saveChanges();
        return message;
    }

    private static Mailboxes.Received awaitReply(String sender) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> mailboxes.inbox(sender), l -> !l.isEmpty()).get(0);
    }

    /**
     * The signed receipt attached to a reply, verified as a contributor would: offline, with the ES256 key of
     * submission-service's JWKS that the JWS names, and by asking the platform ({@code POST /receipts/verify}).
     */
    private static JsonNode verifiedReceipt(Mailboxes.Received reply) throws Exception {
        Mailboxes.Attachment attached = reply.attachments().stream().filter(a -> a.fileName().equals("receipt.json")).findFirst()
                .orElseThrow();
        JsonNode signed = new ObjectMapper().readTree(attached.content());
        JWSObject jws = JWSObject.parse(signed.path("jws").asText());
        JWKSet keys = JWKSet.parse(given().when().get(platform.submission.baseUrl() + "/.well-known/jwks.json").then()
                .statusCode(200).extract().asString());
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key).as("the JWS's key in the JWKS").isNotNull();
        assertThat(jws.verify(new ECDSAVerifier(key))).as("signature").isTrue();
        assertThat(new ObjectMapper().readTree(jws.getPayload().toString())).isEqualTo(signed.path("receipt"));
        given().contentType(ContentType.JSON).body(Map.of("jws", signed.path("jws").asText()))
                .when().post(platform.submission.baseUrl() + "/receipts/verify").then().statusCode(200);
        return signed;
    }

    private static int submissionsFrom(String sender) throws Exception {
        try (Connection c = Platform.connect("submission_e2e");
             PreparedStatement s = c.prepareStatement("select count(*) from submission where contact_email = ?")) {
            s.setString(1, sender);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static String column(String sql, String id) throws Exception {
        try (Connection c = Platform.connect("submission_e2e"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
