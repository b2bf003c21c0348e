package org.callsforinput.mailintake.mail;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What mail-intake takes from one mail, bounded and cleaned: nothing here is trusted, the sender least of all.
 *
 * @param key        idempotency key: a hash of the Message-ID, or of the raw message when it has none
 * @param recipients every address the mail was sent to (To, Cc, Delivered-To, X-Original-To), lower case
 * @param notes      what was left out and why (part limits, unreadable parts), for the reply
 */
public record ParsedMail(
        String key,
        Optional<String> messageId,
        String senderName,
        String senderAddress,
        List<String> recipients,
        String subject,
        String text,
        List<String> links,
        List<Attachment> attachments,
        Optional<String> authenticationResults,
        Automation automation,
        List<String> notes) {

    /** An attached file, spooled to a temporary file that {@link #close()} removes. */
    public record Attachment(String fileName, Path spool, long size) {
    }

    /** RFC 3834 and its neighbours: whether to take the mail, and whether to answer it. */
    public enum Automation {
        /** A person's mail: take it and reply. */
        PERSONAL,
        /** Bulk or list mail, or the sender asked for no automatic answers: take it, never reply. */
        NO_REPLY,
        /** An auto-reply, out-of-office, bounce or delivery report: not a contribution; neither taken nor answered. */
        AUTOMATED
    }

    public void close() {
        for (Attachment a : attachments) {
            try {
                java.nio.file.Files.deleteIfExists(a.spool());
            } catch (java.io.IOException e) {
                // A temporary file; the OS cleans /tmp eventually.
            }
        }
    }
}
