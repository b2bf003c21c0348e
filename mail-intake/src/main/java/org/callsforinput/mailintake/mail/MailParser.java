package org.callsforinput.mailintake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a received mail into a {@link ParsedMail}, bounded: at most {@code maxParts} MIME parts and {@code maxDepth}
 * levels of nesting are looked at, attachments are spooled up to {@code maxAttachmentBytes}, headers are decoded
 * leniently (a broken encoding keeps its raw text) and cut to the platform's field limits. HTML is parsed with jsoup
 * and reduced to text; nothing it references is fetched. An attached message (message/rfc822, a forwarded mail) is
 * opened like a multipart: its attachments count as the mail's own. Archives (zip) are not opened: they are offered
 * to submission-service as they are, which refuses what the call does not accept.
 */
public final class MailParser {

    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 4000;
    static final int MAX_LINKS = 50;
    static final int MAX_NAME = 200;
    static final int MAX_FILE_NAME = 255;
    static final int MAX_AUTH_RESULTS = 4000;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]{}]+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");

    private final int maxParts;
    private final int maxDepth;
    private final long maxAttachmentBytes;

    public MailParser(int maxParts, int maxDepth, long maxAttachmentBytes) {
        this.maxParts = maxParts;
        this.maxDepth = maxDepth;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public ParsedMail parse(MimeMessage message) throws MessagingException, IOException {
        Walk walk = new Walk();
        try {
            walk.visit(message, 0);
        } catch (IOException | MessagingException | RuntimeException e) {
            walk.cleanUp();
            throw e;
        }
        InternetAddress from = sender(message);
        String address = from == null ? "" : from.getAddress().strip().toLowerCase(Locale.ROOT);
        String name = from == null || from.getPersonal() == null ? "" : singleLine(from.getPersonal(), MAX_NAME);
        if (name.isBlank()) {
            name = address.contains("@") ? address.substring(0, address.indexOf('@')) : "E-mail contributor";
        }
        Optional<String> messageId = Optional.ofNullable(message.getMessageID()).map(String::strip).filter(s -> !s.isEmpty());
        String text = walk.text.length() > 0 ? walk.text.toString() : walk.htmlText.toString();
        Set<String> links = new LinkedHashSet<>(walk.htmlLinks);
        Matcher m = URL.matcher(text);
        while (m.find()) {
            links.add(trimUrl(m.group()));
        }
        return new ParsedMail(
                key(message, messageId),
                messageId,
                name,
                address,
                recipients(message),
                singleLine(decoded(first(message, "Subject")), MAX_TITLE),
                multiLine(text, MAX_SUMMARY),
                links.stream().limit(MAX_LINKS).toList(),
                List.copyOf(walk.attachments),
                Optional.ofNullable(headerJoined(message, "Authentication-Results")).map(v -> multiLine(v, MAX_AUTH_RESULTS)),
                automation(message, address),
                List.copyOf(walk.notes));
    }

    /** RFC 3834 section 2 and the headers real auto-responders set. */
    static ParsedMail.Automation automation(MimeMessage message, String senderAddress) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        String returnPath = first(message, "Return-Path");
        String localPart = senderAddress.contains("@") ? senderAddress.substring(0, senderAddress.indexOf('@')) : senderAddress;
        boolean report = lower(message.getContentType()).startsWith("multipart/report");
        if ((autoSubmitted != null && !token(autoSubmitted).equals("no"))
                || first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null
                || first(message, "X-Failed-Recipients") != null
                || (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>"))
                || DAEMONS.contains(localPart) || report || senderAddress.isEmpty()) {
            return ParsedMail.Automation.AUTOMATED;
        }
        String precedence = first(message, "Precedence");
        if ((precedence != null && Set.of("bulk", "list", "junk").contains(token(precedence)))
                || first(message, "List-Id") != null || first(message, "List-Unsubscribe") != null
                || first(message, "X-Auto-Response-Suppress") != null
                || localPart.startsWith("noreply") || localPart.startsWith("no-reply")) {
            return ParsedMail.Automation.NO_REPLY;
        }
        return ParsedMail.Automation.PERSONAL;
    }

    private final class Walk {
        final StringBuilder text = new StringBuilder();
        final StringBuilder htmlText = new StringBuilder();
        final Set<String> htmlLinks = new LinkedHashSet<>();
        final List<ParsedMail.Attachment> attachments = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int parts;
        boolean partsNoted;

        void visit(Part part, int depth) throws MessagingException, IOException {
            if (++parts > maxParts) {
                if (!partsNoted) {
                    notes.add("only the first " + maxParts + " parts of the mail were read");
                    partsNoted = true;
                }
                return;
            }
            if (depth > maxDepth) {
                notes.add("parts nested deeper than " + maxDepth + " levels were not read");
                return;
            }
            String type = lower(part.getContentType());
            String fileName = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName != null;
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount() && parts <= maxParts; i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        visit(child, depth + 1);
                    }
                }
            } else if (type.startsWith("message/rfc822")) {
                // A forwarded mail: its documents are what the sender meant to send.
                Object content = part.getContent();
                if (content instanceof MimeMessage inner) {
                    visit(inner, depth + 1);
                }
            } else if (attachment) {
                spool(part, fileName);
            } else if (type.startsWith("text/plain")) {
                append(text, readText(part, type));
            } else if (type.startsWith("text/html")) {
                Document html = Jsoup.parse(readText(part, type));
                for (Element a : html.select("a[href]")) {
                    String href = a.attr("href").strip();
                    if (href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8)) {
                        htmlLinks.add(trimUrl(href));
                    }
                }
                html.select("script, style, head, title").remove();
                append(htmlText, html.body() == null ? "" : html.body().wholeText());
            }
        }

        void spool(Part part, String rawName) throws MessagingException, IOException {
            String name = safeFileName(rawName, attachments.size() + 1);
            Path file = Files.createTempFile("mail-intake-", ".part");
            long size = 0;
            try (InputStream in = part.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    if (size > maxAttachmentBytes) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException | MessagingException e) {
                Files.deleteIfExists(file);
                notes.add("the attachment '" + name + "' could not be read");
                return;
            }
            if (size > maxAttachmentBytes) {
                Files.deleteIfExists(file);
                notes.add("the attachment '" + name + "' is larger than " + maxAttachmentBytes + " bytes");
                return;
            }
            attachments.add(new ParsedMail.Attachment(name, file, size));
        }

        void cleanUp() {
            for (ParsedMail.Attachment a : attachments) {
                try {
                    Files.deleteIfExists(a.spool());
                } catch (IOException e) {
                    // A temporary file; nothing else to do.
                }
            }
        }

        private void append(StringBuilder to, String more) {
            if (to.length() < MAX_SUMMARY * 2) {
                if (to.length() > 0) {
                    to.append("\n\n");
                }
                to.append(more, 0, Math.min(more.length(), MAX_SUMMARY * 2));
            }
        }
    }

    /** Leniently: the declared charset if Java knows it, UTF-8 otherwise; undecodable bytes become U+FFFD. */
    private static String readText(Part part, String type) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        try {
            String declared = new ContentType(type).getParameter("charset");
            if (declared != null) {
                charset = Charset.forName(MimeUtility.javaCharset(declared.strip()));
            }
        } catch (MessagingException | IllegalArgumentException e) {
            // Unknown or malformed: UTF-8.
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_SUMMARY * 8), charset);
        } catch (IOException e) {
            return "";
        }
    }

    /** The file name without any path, control or bidi characters, cut to 255; a numbered name when nothing is left. */
    static String safeFileName(String raw, int number) {
        String name = raw == null ? "" : decoded(raw);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > MAX_FILE_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_FILE_NAME - ext.length()) + ext;
        }
        return name.isBlank() ? "attachment-" + number : name;
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            return "unreadable-name";
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static InternetAddress sender(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getAddress() != null
                    && a.getAddress().contains("@") ? a : null;
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Set<String> all = new LinkedHashSet<>();
        for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null) {
                            all.add(a.getAddress().strip().toLowerCase(Locale.ROOT));
                        }
                    }
                } catch (AddressException e) {
                    // An unparseable header names no call.
                }
            }
        }
        return List.copyOf(all);
    }

    private static String key(MimeMessage message, Optional<String> messageId) throws MessagingException, IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (messageId.isPresent()) {
            sha256.update(messageId.get().getBytes(StandardCharsets.UTF_8));
        } else {
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                message.writeTo(out);
            }
        }
        return "mail-" + HexFormat.of().formatHex(sha256.digest());
    }

    private static String first(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, null);
    }

    private static String headerJoined(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : String.join("\n", values);
    }

    private static String decoded(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (IOException | RuntimeException e) {
            return raw;
        }
    }

    static String singleLine(String value, int max) {
        String line = value.replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max).strip();
    }

    static String multiLine(String value, int max) {
        String text = value.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]|\\p{Cf}", "")
                .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        return text.length() <= max ? text : text.substring(0, max).strip();
    }

    private static String trimUrl(String url) {
        return url.replaceAll("[.,;:!?]+$", "");
    }

    private static String token(String value) {
        int semicolon = value.indexOf(';');
        return lower(semicolon < 0 ? value : value.substring(0, semicolon)).strip();
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
