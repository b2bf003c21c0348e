package org.callsforinput.mailintake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** Hostile and automated mail, parsed from raw RFC 5322 text as a server would hand it over. */
class MailParserTest {

    private final MailParser parser = new MailParser(20, 4, 1024);

    private MimeMessage raw(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static final String HEADERS = """
            From: "Camille Martin" <Camille@ODH.example>
            To: calls+emler@calls.localhost
            Message-ID: <abc@odh.example>
            Subject: Contribution
            MIME-Version: 1.0
            """;

    @Test
    void fileNamesLosePathsControlCharactersAndLeadingDots() {
        assertThat(MailParser.safeFileName("../../etc/passwd.docx", 1)).isEqualTo("passwd.docx");
        assertThat(MailParser.safeFileName("C:\\Users\\x\\report.docx", 1)).isEqualTo("report.docx");
        assertThat(MailParser.safeFileName("evil\u202Excod.docx", 1)).isEqualTo("evilxcod.docx");
        assertThat(MailParser.safeFileName("a\u0000b\nc.pdf", 1)).isEqualTo("abc.pdf");
        assertThat(MailParser.safeFileName("...", 3)).isEqualTo("attachment-3");
        assertThat(MailParser.safeFileName("=?UTF-8?B?w6l0w6kuZG9jeA==?=", 1)).isEqualTo("été.docx");
        assertThat(MailParser.safeFileName("x".repeat(400) + ".docx", 1)).hasSize(255).endsWith(".docx");
    }

    @Test
    void htmlIsReducedToTextWithItsLinksAndNothingOfScripts() throws Exception {
        ParsedMail mail = parser.parse(raw(HEADERS + """
                Content-Type: text/html; charset=utf-8

                <html><head><title>t</title><style>p{}</style><script>alert(1)</script></head>
                <body><p>Our <a href="https://www.legifrance.gouv.fr/eli/loi/2020/1">law</a> and
                <img src="https://tracker.example/pixel.gif"> <a href="javascript:alert(2)">x</a></p></body></html>
                """));
        assertThat(mail.text()).contains("Our law and").doesNotContain("alert").doesNotContain("p{}");
        assertThat(mail.links()).containsExactly("https://www.legifrance.gouv.fr/eli/loi/2020/1");
        assertThat(mail.senderAddress()).isEqualTo("camille@odh.example");
        assertThat(mail.senderName()).isEqualTo("Camille Martin");
        assertThat(mail.recipients()).containsExactly("calls+emler@calls.localhost");
        assertThat(mail.key()).startsWith("mail-").hasSize(69);
    }

    @Test
    void brokenEncodingsAndUnknownCharsetsStillRead() throws Exception {
        ParsedMail mail = parser.parse(raw("""
                From: =?x-unknown?Q?bad?= <a@b.example>
                To: calls@calls.localhost
                Subject: =?UTF-8?B?!!!not-base64?= and more\u0001
                MIME-Version: 1.0
                Content-Type: text/plain; charset=x-klingon

                Body text \u00e9
                """));
        assertThat(mail.subject()).contains("and more").doesNotContain("\u0001");
        assertThat(mail.text()).contains("Body text");
        assertThat(mail.messageId()).isEmpty();
        assertThat(mail.key()).startsWith("mail-");
    }

    @Test
    void partCountsAndNestingAreBoundedAndForwardedMailsAreOpened() throws Exception {
        StringBuilder many = new StringBuilder(HEADERS + "Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 30; i++) {
            many.append("--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=f").append(i)
                    .append(".pdf\n\nx\n");
        }
        many.append("--b--\n");
        ParsedMail bounded = parser.parse(raw(many.toString()));
        assertThat(bounded.attachments().size()).isLessThan(20);
        assertThat(bounded.notes()).anyMatch(n -> n.contains("first 20 parts"));
        bounded.close();

        ParsedMail forwarded = parser.parse(raw(HEADERS + """
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: text/plain

                Forwarding my contribution.
                --outer
                Content-Type: message/rfc822

                From: me@odh.example
                Subject: original
                Content-Type: multipart/mixed; boundary=inner

                --inner
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="contribution.docx"

                PK
                --inner--
                --outer--
                """));
        assertThat(forwarded.attachments()).extracting(ParsedMail.Attachment::fileName).containsExactly("contribution.docx");
        assertThat(Files.exists(forwarded.attachments().get(0).spool())).isTrue();
        forwarded.close();
        assertThat(Files.exists(forwarded.attachments().get(0).spool())).isFalse();
    }

    @Test
    void oversizedAttachmentsAreLeftOutAndSaidSo() throws Exception {
        ParsedMail mail = parser.parse(raw(HEADERS + "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
                + "Content-Type: application/pdf\nContent-Disposition: attachment; filename=big.pdf\n\n" + "x".repeat(5000)
                + "\n--b--\n"));
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.notes()).anyMatch(n -> n.contains("big.pdf"));
    }

    @Test
    void autoRepliesBouncesAndListsAreToldApart() throws Exception {
        assertThat(automation("Auto-Submitted: auto-replied\n")).isEqualTo(ParsedMail.Automation.AUTOMATED);
        assertThat(automation("Auto-Submitted: auto-generated; type=ooo\n")).isEqualTo(ParsedMail.Automation.AUTOMATED);
        assertThat(automation("Auto-Submitted: no\n")).isEqualTo(ParsedMail.Automation.PERSONAL);
        assertThat(automation("Return-Path: <>\n")).isEqualTo(ParsedMail.Automation.AUTOMATED);
        assertThat(automation("X-Autoreply: yes\n")).isEqualTo(ParsedMail.Automation.AUTOMATED);
        assertThat(automation("Precedence: bulk\n")).isEqualTo(ParsedMail.Automation.NO_REPLY);
        assertThat(automation("Precedence: junk\n")).isEqualTo(ParsedMail.Automation.NO_REPLY);
        assertThat(automation("List-Id: <x.lists.example>\n")).isEqualTo(ParsedMail.Automation.NO_REPLY);
        assertThat(automation("X-Auto-Response-Suppress: OOF\n")).isEqualTo(ParsedMail.Automation.NO_REPLY);
        assertThat(automation("")).isEqualTo(ParsedMail.Automation.PERSONAL);
        assertThat(parser.parse(raw("From: MAILER-DAEMON@mx.example\nTo: calls@calls.localhost\nSubject: x\n\nx\n"))
                .automation()).isEqualTo(ParsedMail.Automation.AUTOMATED);
        assertThat(parser.parse(raw("From: a@b.example\nTo: calls@calls.localhost\nContent-Type: multipart/report; "
                + "report-type=delivery-status; boundary=b\n\n--b\nContent-Type: text/plain\n\nfailed\n--b--\n"))
                .automation()).isEqualTo(ParsedMail.Automation.AUTOMATED);
    }

    @Test
    void hugeHeadersAreCutToTheApisLimits() throws Exception {
        ParsedMail mail = parser.parse(raw("From: \"" + "N".repeat(5000) + "\" <a@b.example>\nTo: calls@calls.localhost\n"
                + "Subject: " + "S".repeat(100_000) + "\nAuthentication-Results: " + "a".repeat(10_000) + "\n\nbody\n"));
        assertThat(mail.subject()).hasSize(300);
        assertThat(mail.senderName()).hasSize(200);
        assertThat(mail.authenticationResults().orElseThrow()).hasSize(4000);
    }

    private ParsedMail.Automation automation(String extra) throws Exception {
        return parser.parse(raw(HEADERS + extra + "\nHello\n")).automation();
    }
}
