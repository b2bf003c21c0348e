package org.callsforinput.mailintake.reply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.mailintake.config.MailIntakeConfig;
import org.callsforinput.mailintake.intake.CallInfo;
import org.callsforinput.mailintake.mail.ParsedMail;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * The answers to senders, over SMTP (quarkus-mailer). Every reply is marked {@code Auto-Submitted: auto-replied}
 * (RFC 3834) and asks Exchange-style responders for silence; replies to one sender are rate-limited. A reply that
 * SMTP refuses is retried a few times, then {@link ReplyFailed} leaves the mail for the next round.
 */
@ApplicationScoped
public class Replies {

    /** A refused file and why, as submission-service said. */
    public record Refusal(String fileName, String reason) {
    }

    /** SMTP did not take the reply after every attempt. */
    public static final class ReplyFailed extends Exception {
        ReplyFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Mailer mailer;
    private final MailIntakeConfig config;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    public Replies(Mailer mailer, MailIntakeConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** The receipt: reference, time, on time or late, every file's name, size and SHA-256, the signed receipt attached. */
    public void receipt(ParsedMail mail, CallInfo call, JsonNode signed, List<Refusal> refused) throws ReplyFailed {
        JsonNode receipt = signed.path("receipt");
        String reference = receipt.path("reference").asText();
        StringBuilder text = new StringBuilder();
        for (String language : ReplyTexts.languages(call.languages())) {
            ReplyTexts.Texts t = ReplyTexts.of(language);
            text.append(t.received().formatted(call.title(language))).append("\n\n");
            text.append(t.reference()).append(": ").append(reference).append('\n');
            text.append(t.receivedAt()).append(": ").append(receipt.path("receivedAt").asText()).append('\n');
            text.append("ON_TIME".equals(receipt.path("timeliness").asText()) ? t.onTime() : t.late()).append("\n\n");
            text.append(t.files()).append('\n');
            for (JsonNode file : receipt.path("files")) {
                text.append("  - ").append(file.path("fileName").asText()).append(", ").append(file.path("size").asLong())
                        .append(", ").append(file.path("sha256").asText()).append('\n');
            }
            appendRefusals(text, t, refused);
            text.append('\n').append(t.receiptAttached().formatted(config.submissionUrl())).append('\n');
            text.append(t.consent().formatted(receipt.path("consent").asText())).append(' ');
            text.append(config.reply().portalUrl().map(url -> t.changeConsentPortal().formatted(url))
                    .orElse(t.changeConsentKeyword())).append('\n');
            text.append(t.withdraw().formatted(reference)).append('\n');
            appendNotes(text, t, mail);
            text.append("\n----\n\n");
        }
        Mail reply = reply(mail, "Received " + reference + ": " + subjectOf(mail), text.toString())
                .addAttachment("receipt.json", signed.toString().getBytes(StandardCharsets.UTF_8), "application/json");
        send(mail, reply);
    }

    /** Nothing acceptable: why, in the call's languages (English when no call could be told). */
    public void rejection(ParsedMail mail, CallInfo call, String reason, List<Refusal> refused) throws ReplyFailed {
        StringBuilder text = new StringBuilder();
        List<String> languages = call == null ? List.of("en", "fr", "es") : ReplyTexts.languages(call.languages());
        for (String language : languages) {
            ReplyTexts.Texts t = ReplyTexts.of(language);
            String title = call == null ? subjectOf(mail) : call.title(language);
            text.append(t.rejected().formatted(title)).append("\n\n");
            text.append(t.rejectedWhy()).append(' ').append(reason == null ? t.needsWord() : reason).append('\n');
            appendRefusals(text, t, refused);
            appendNotes(text, t, mail);
            text.append("\n----\n\n");
        }
        send(mail, reply(mail, "Not received: " + subjectOf(mail), text.toString()));
    }

    /** A WITHDRAW or CONSENT request: forwarded to the secretariat, who confirms it with the contributor. */
    public void requestForwarded(ParsedMail mail, CallInfo call) throws ReplyFailed {
        StringBuilder text = new StringBuilder();
        List<String> languages = call == null ? List.of("en", "fr", "es") : ReplyTexts.languages(call.languages());
        for (String language : languages) {
            text.append(ReplyTexts.of(language).requestForwarded().formatted(call == null ? subjectOf(mail) : call.title(language)))
                    .append("\n\n----\n\n");
        }
        send(mail, reply(mail, "Request forwarded: " + subjectOf(mail), text.toString()));
    }

    /** Whether this sender may get another reply now (counted when sent). */
    public boolean withinRate(String sender) {
        Deque<Instant> times = sent.computeIfAbsent(sender, s -> new ArrayDeque<>());
        synchronized (times) {
            Instant cutoff = Instant.now().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                times.pollFirst();
            }
            return times.size() < config.limits().repliesPerSenderPerHour();
        }
    }

    private void send(ParsedMail mail, Mail reply) throws ReplyFailed {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= config.reply().attempts(); attempt++) {
            try {
                mailer.send(reply);
                Deque<Instant> times = sent.computeIfAbsent(mail.senderAddress(), s -> new ArrayDeque<>());
                synchronized (times) {
                    times.addLast(Instant.now());
                }
                Log.infof("Replied to mail %s", mail.key());
                return;
            } catch (RuntimeException e) {
                last = e;
                Log.warnf("SMTP refused the reply to mail %s (attempt %d): %s", mail.key(), attempt, e.getMessage());
                sleep(attempt * 1000L);
            }
        }
        throw new ReplyFailed("SMTP refused the reply " + config.reply().attempts() + " times", last);
    }

    private Mail reply(ParsedMail mail, String subject, String text) {
        Mail reply = Mail.withText(mail.senderAddress(), subject, text).setFrom(config.reply().from())
                .addHeader("Auto-Submitted", "auto-replied")
                .addHeader("X-Auto-Response-Suppress", "All");
        mail.messageId().ifPresent(id -> reply.addHeader("In-Reply-To", id).addHeader("References", id));
        return reply;
    }

    private static void appendRefusals(StringBuilder text, ReplyTexts.Texts t, List<Refusal> refused) {
        if (!refused.isEmpty()) {
            text.append('\n').append(t.refusedFiles()).append('\n');
            refused.forEach(r -> text.append("  - ").append(r.fileName()).append(": ").append(r.reason()).append('\n'));
        }
    }

    private static void appendNotes(StringBuilder text, ReplyTexts.Texts t, ParsedMail mail) {
        if (!mail.notes().isEmpty()) {
            text.append('\n').append(t.notes()).append('\n');
            mail.notes().forEach(n -> text.append("  - ").append(n).append('\n'));
        }
    }

    private static String subjectOf(ParsedMail mail) {
        return mail.subject().isBlank() ? "(no subject)" : mail.subject();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
