package org.callsforinput.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.callsforinput.stack.MailStack;

/** The test stack's mail server as a person sees it: send over SMTP, read a mailbox over IMAP. */
final class Mailboxes {

    /** A received mail, read whole: headers, text and attachments. */
    record Received(String subject, String text, List<String> headers, List<Attachment> attachments) {
        String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    record Attachment(String fileName, byte[] content) {
    }

    private final MailStack mail;

    Mailboxes(MailStack mail) {
        this.mail = mail;
    }

    Session session() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", mail.host());
        p.setProperty("mail.smtp.port", Integer.toString(mail.smtpPort()));
        p.setProperty("mail.imap.host", mail.host());
        p.setProperty("mail.imap.port", Integer.toString(mail.imapPort()));
        return Session.getInstance(p);
    }

    void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    /**
     * Every mail in a folder of a local mailbox; a mailbox that never received mail reads as empty. A mail that
     * mail-intake moves out between listing the folder and reading that mail makes the read fail (a MessagingException,
     * or an IOException such as MessageRemovedIOException while its content is read): the folder is read again (up to
     * ten times, 200 ms apart) rather than report a mail that is gone.
     */
    List<Received> read(String login, String password, String folderName) throws MessagingException, IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(login, password, folderName);
            } catch (jakarta.mail.AuthenticationFailedException e) {
                throw e;
            } catch (MessagingException | IOException e) {
                // mail-intake moves mails out of INBOX while the test reads it: read the folder again, a little later.
                if (attempt == 10) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private List<Received> readOnce(String login, String password, String folderName) throws MessagingException, IOException {
        try (Store store = session().getStore("imap")) {
            store.connect(mail.host(), mail.imapPort(), login, password);
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<Received> all = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                all.add(readWhole((MimeMessage) m));
            }
            folder.close(false);
            return all;
        }
    }

    /** The mailbox of any other address: GreenMail's login and password are the address itself. */
    List<Received> inbox(String address) throws MessagingException, IOException {
        try {
            return read(address, address, "INBOX");
        } catch (jakarta.mail.AuthenticationFailedException e) {
            // GreenMail creates the mailbox with the first mail to it.
            return List.of();
        }
    }

    List<Received> intake(String folder) throws MessagingException, IOException {
        return read(mail.intakeAddress(), mail.intakePassword(), folder);
    }

    private static Received readWhole(MimeMessage m) throws MessagingException, IOException {
        List<String> headers = new ArrayList<>();
        m.getAllHeaderLines().asIterator().forEachRemaining(headers::add);
        StringBuilder text = new StringBuilder();
        List<Attachment> attachments = new ArrayList<>();
        walk(m, text, attachments);
        return new Received(m.getSubject(), text.toString(), headers, attachments);
    }

    private static void walk(Part part, StringBuilder text, List<Attachment> attachments) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), text, attachments);
            }
        } else if (part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                attachments.add(new Attachment(part.getFileName(), out.toByteArray()));
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }
}
