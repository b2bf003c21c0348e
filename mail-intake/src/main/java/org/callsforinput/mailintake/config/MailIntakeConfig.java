package org.callsforinput.mailintake.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** mail-intake's settings ({@code mail-intake.*}); SMTP for replies is quarkus-mailer's ({@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "mail-intake")
public interface MailIntakeConfig {

    Imap imap();

    Limits limits();

    Reply reply();

    Testing testing();

    /** submission-service's base URL; mail-intake submits through its public API like any client. */
    String submissionUrl();

    /** The IMAP mailbox to read. */
    interface Imap {
        String host();

        /** 143 for STARTTLS or plain, 993 for implicit TLS. */
        @WithDefault("143")
        int port();

        /** Implicit TLS (imaps) — the production setting; plain IMAP only on this machine. */
        @WithDefault("false")
        boolean tls();

        /** STARTTLS on a plain port, required when on. */
        @WithDefault("false")
        boolean starttls();

        String user();

        /** The password or app password; with {@code XOAUTH2}, an OAuth2 access token for {@code user}. */
        String password();

        /** {@code LOGIN} (user and password) or {@code XOAUTH2} (RFC 7628 bearer token, e.g. Microsoft 365, Gmail). */
        @WithDefault("LOGIN")
        String authMechanism();

        @WithDefault("INBOX")
        String inbox();

        /** Mails whose submission committed (and whose sender got a reply when one was due). */
        @WithDefault("Processed")
        String processedFolder();

        /** Mails that became no submission: nothing acceptable, a closed or unknown call, loops and bounces. */
        @WithDefault("Rejected")
        String rejectedFolder();

        /** Requests to withdraw or to change the publication choice (reply keywords), for the secretariat. */
        @WithDefault("Requests")
        String requestsFolder();

        /** How often to look when the server offers no IDLE, and the longest IDLE before looking anyway. */
        @WithDefault("30s")
        Duration pollInterval();

        /** IDLE when the server offers it; off forces polling. */
        @WithDefault("true")
        boolean idle();

        /** Wait before connecting again after the server went away. */
        @WithDefault("5s")
        Duration reconnectDelay();

        @WithDefault("20s")
        Duration timeout();
    }

    /** Bounds on what one mail may make us do. */
    interface Limits {
        /** MIME parts looked at per mail; the rest is ignored and the reply says so. */
        @WithDefault("100")
        int maxParts();

        /** Nesting of multiparts and attached messages. */
        @WithDefault("8")
        int maxDepth();

        /** Bytes of one attachment spooled before submitting; the call's own limits apply on top. */
        @WithDefault("104857600")
        long maxAttachmentBytes();

        /** Replies to one sender per hour; more mails are still taken, without a reply. */
        @WithDefault("10")
        int repliesPerSenderPerHour();
    }

    interface Reply {
        /** From: of every reply. */
        String from();

        /** Where contributors change their publication choice; without it the reply names the keyword instead. */
        Optional<String> portalUrl();

        /** SMTP attempts per reply before the mail is left for the next round (its submission stays). */
        @WithDefault("3")
        int attempts();
    }

    /** Crash points for the exactly-once tests; never on in production. */
    interface Testing {
        /** Halts the JVM (as kill -9 would) right after a submission committed, before the reply and the move. */
        @WithDefault("false")
        boolean haltAfterSubmit();
    }
}
