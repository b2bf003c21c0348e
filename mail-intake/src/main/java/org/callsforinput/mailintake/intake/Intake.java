package org.callsforinput.mailintake.intake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.mailintake.config.MailIntakeConfig;
import org.callsforinput.mailintake.mail.ParsedMail;
import org.callsforinput.mailintake.reply.Replies;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;

/**
 * One mail to one submission, through submission-service's API with keys derived from the mail: the draft
 * ({@code <key>:draft}), each attachment ({@code <key>:doc:<n>}), the submission ({@code <key>:submit}). Taking the
 * same mail again replays the first answers, so a crash anywhere before the mail is moved leaves exactly one
 * submission. A mail with nothing acceptable leaves no draft behind and gets a reply saying why.
 */
@ApplicationScoped
public class Intake {

    /** What to do with the mail in the mailbox. */
    public enum Outcome {
        /** Submitted (and answered when an answer was due): move to the processed folder. */
        PROCESSED,
        /** No submission came of it: move to the rejected folder. */
        REJECTED,
        /** A request about an earlier contribution (WITHDRAW, CONSENT): move to the requests folder. */
        REQUEST,
        /** Something was away (submission-service, SMTP): leave it where it is for the next round. */
        RETRY
    }

    private static final List<String> WORD = List.of(".docx", ".doc");
    /** A reply keyword at the start of a line or after "Re:", as the receipt reply explains them. */
    private static final java.util.regex.Pattern KEYWORD = java.util.regex.Pattern.compile(
            "(?m)(?:^|\\b(?:re|aw|tr|rv):\\s*)(WITHDRAW|CONSENT)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final SubmissionApi api;
    private final Replies replies;
    private final MailIntakeConfig config;

    public Intake(SubmissionApi api, Replies replies, MailIntakeConfig config) {
        this.api = api;
        this.replies = replies;
        this.config = config;
    }

    /** One span per mail when tracing is on: the calls to submission-service carry it (traceparent). */
    @WithSpan("mail intake")
    public Outcome take(ParsedMail mail) {
        try {
            return takeOrThrow(mail);
        } catch (SubmissionApi.Unreachable e) {
            Log.warnf("Mail %s left for later: %s", mail.key(), e.getMessage());
            return Outcome.RETRY;
        } catch (Replies.ReplyFailed e) {
            Log.warnf("Mail %s left for later, its reply was refused: %s", mail.key(), e.getMessage());
            return Outcome.RETRY;
        }
    }

    private Outcome takeOrThrow(ParsedMail mail) throws SubmissionApi.Unreachable, Replies.ReplyFailed {
        if (mail.automation() == ParsedMail.Automation.AUTOMATED || mail.senderAddress().equalsIgnoreCase(config.reply().from())) {
            Log.infof("Mail %s is automated (auto-reply, bounce or our own): not a contribution, not answered", mail.key());
            return Outcome.REJECTED;
        }
        Optional<CallInfo> call = callFor(mail);
        if (mail.attachments().isEmpty() && isRequest(mail)) {
            // Not acted upon automatically: the sender's address is unverified, and a forged From must not withdraw
            // someone's contribution. The secretariat confirms with the contributor.
            Log.infof("Mail %s is a request about an earlier contribution: for the secretariat", mail.key());
            if (answerable(mail)) {
                replies.requestForwarded(mail, call.orElse(null));
            }
            return Outcome.REQUEST;
        }
        if (call.isEmpty()) {
            return reject(mail, null, "This address belongs to no open call for input.", List.of());
        }
        SubmissionApi.Answer draft = api.createEmailDraft(draftRequest(mail, call.get()), mail.key() + ":draft");
        if (draft.transientFailure()) {
            return retry(mail, draft);
        }
        if (!draft.ok()) {
            return reject(mail, call.get(), draft.problemText(), List.of());
        }
        String id = draft.body().path("id").asText();

        List<Replies.Refusal> refused = new ArrayList<>();
        boolean main = false;
        for (int i = 0; i < mail.attachments().size(); i++) {
            ParsedMail.Attachment file = mail.attachments().get(i);
            boolean word = WORD.stream().anyMatch(ext -> file.fileName().toLowerCase(Locale.ROOT).endsWith(ext));
            String role = word && !main ? "MAIN" : "ANNEX";
            SubmissionApi.Answer stored = api.upload(id, role, file.fileName(), file.spool(), mail.key() + ":doc:" + i);
            if (stored.transientFailure()) {
                return retry(mail, stored);
            }
            if (stored.ok()) {
                main |= role.equals("MAIN");
            } else {
                refused.add(new Replies.Refusal(file.fileName(), stored.problemText()));
            }
        }
        if (!main) {
            SubmissionApi.Answer deleted = api.deleteDraft(id);
            if (deleted.transientFailure()) {
                return retry(mail, deleted);
            }
            return reject(mail, call.get(), null, refused);
        }
        SubmissionApi.Answer receipt = api.submit(id, mail.key() + ":submit");
        if (receipt.transientFailure()) {
            return retry(mail, receipt);
        }
        if (!receipt.ok()) {
            api.deleteDraft(id);
            return reject(mail, call.get(), receipt.problemText(), refused);
        }
        Log.infof("Mail %s submitted as %s", mail.key(), receipt.body().path("receipt").path("reference").asText());
        if (config.testing().haltAfterSubmit()) {
            Log.warn("testing.halt-after-submit: halting before the reply and the move");
            Runtime.getRuntime().halt(137);
        }
        if (answerable(mail)) {
            replies.receipt(mail, call.get(), receipt.body(), refused);
        }
        return Outcome.PROCESSED;
    }

    static boolean isRequest(ParsedMail mail) {
        return KEYWORD.matcher(mail.subject()).find() || KEYWORD.matcher(mail.text()).find();
    }

    /** The open call whose intake address the mail was sent to. */
    private Optional<CallInfo> callFor(ParsedMail mail) throws SubmissionApi.Unreachable {
        SubmissionApi.Answer calls = api.calls();
        if (!calls.ok()) {
            throw new SubmissionApi.Unreachable("GET /calls answered " + calls.status(), null);
        }
        for (JsonNode node : calls.body()) {
            CallInfo call = CallInfo.of(node);
            if (call.intakeEmail() != null && mail.recipients().contains(call.intakeEmail().toLowerCase(Locale.ROOT))) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    /**
     * The draft as submission-service's {@code EmailSubmissionRequest}. Records, so that the JSON comes out the same
     * byte for byte every time: the Idempotency-Key's fingerprint covers the body, and a mail taken again after a
     * restart must send exactly what it sent before.
     */
    record DraftRequest(String callId, Sender sender, String title, String summary, List<Link> links,
                        String authenticationResults) {
    }

    record Sender(String name, String email) {
    }

    record Link(String url, String kind) {
    }

    private static DraftRequest draftRequest(ParsedMail mail, CallInfo call) {
        return new DraftRequest(call.id(), new Sender(mail.senderName(), mail.senderAddress()),
                mail.subject().isBlank() ? "(no subject)" : mail.subject(),
                mail.text().isBlank() ? null : mail.text(),
                mail.links().stream().filter(Intake::acceptableLink).map(url -> new Link(url, kind(url))).toList(),
                mail.authenticationResults().orElse(null));
    }

    /** What submission-service takes as a link: http(s), a host, no credentials, at most 2000 characters. */
    static boolean acceptableLink(String url) {
        try {
            URI uri = new URI(url);
            return url.length() <= 2000 && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A first guess from the target, which reviewers can correct. */
    static String kind(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        String host = "";
        try {
            host = Optional.ofNullable(URI.create(url).getHost()).orElse("").toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // Kind "other" below.
        }
        if (u.matches(".*(legislation|legifrance|/eli/|/law/|/laws/|gesetz|boe\\.es|/lex/|eur-lex|legis).*")) {
            return "legislation";
        }
        if (u.matches(".*(statistic|/stats?/|/data/|dataset|census|insee|eurostat|\\.csv$|\\.xlsx?$).*")) {
            return "statistics";
        }
        if (u.matches(".*(report|rapport|informe|\\.pdf$|\\.docx?$).*")) {
            return "report";
        }
        return host.isEmpty() ? "other" : "website";
    }

    private boolean answerable(ParsedMail mail) {
        if (mail.automation() != ParsedMail.Automation.PERSONAL) {
            Log.infof("Mail %s is bulk or list mail or asks for no answers: not answered", mail.key());
            return false;
        }
        if (!replies.withinRate(mail.senderAddress())) {
            Log.warnf("Mail %s not answered: its sender reached %d replies this hour", mail.key(),
                    config.limits().repliesPerSenderPerHour());
            return false;
        }
        return true;
    }

    private Outcome reject(ParsedMail mail, CallInfo call, String reason, List<Replies.Refusal> refused)
            throws Replies.ReplyFailed {
        Log.infof("Mail %s not taken: %s", mail.key(), reason == null ? "nothing acceptable" : reason);
        if (answerable(mail)) {
            replies.rejection(mail, call, reason, refused);
        }
        return Outcome.REJECTED;
    }

    private static Outcome retry(ParsedMail mail, SubmissionApi.Answer answer) {
        Log.warnf("Mail %s left for later: submission-service answered %d %s", mail.key(), answer.status(),
                answer.problemType());
        return Outcome.RETRY;
    }
}
