package org.callsforinput.mailintake.mail;

import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.callsforinput.mailintake.config.MailIntakeConfig;
import org.callsforinput.mailintake.intake.Intake;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the intake mailbox over IMAP, one mail at a time, on a thread of its own: each mail is handed to
 * {@link Intake} and moved to the processed or rejected folder only once its outcome is final (a submission
 * committed and answered, or nothing to submit). A mail left in the inbox is taken again at the next round, which
 * is what makes a crash harmless. Between rounds it waits with IMAP IDLE when the server offers it, else it polls.
 * When the server goes away it reconnects after a delay; readiness says whether the mailbox is reachable.
 */
@ApplicationScoped
public class MailboxReader {

    private final MailIntakeConfig config;
    private final Intake intake;
    private final MailParser parser;
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-intake-idle-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile Thread worker;
    private volatile IMAPFolder openInbox;
    private volatile Instant lastConnected;
    private volatile String lastError = "not connected yet";

    public MailboxReader(MailIntakeConfig config, Intake intake) {
        this.config = config;
        this.intake = intake;
        this.parser = new MailParser(config.limits().maxParts(), config.limits().maxDepth(),
                config.limits().maxAttachmentBytes());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "mail-intake-reader");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wakeUps.shutdownNow();
    }

    /** Connected, with the inbox open. */
    public boolean connected() {
        IMAPFolder inbox = openInbox;
        return inbox != null && inbox.isOpen();
    }

    public String lastError() {
        return lastError;
    }

    private void run() {
        while (running) {
            try (Store store = connect()) {
                IMAPFolder inbox = (IMAPFolder) store.getFolder(config.imap().inbox());
                Folder processed = ensureFolder(store, config.imap().processedFolder());
                Folder rejected = ensureFolder(store, config.imap().rejectedFolder());
                Folder requests = ensureFolder(store, config.imap().requestsFolder());
                inbox.open(Folder.READ_WRITE);
                openInbox = inbox;
                lastConnected = Instant.now();
                lastError = null;
                Log.infof("Reading %s of %s on %s:%d (%s)", config.imap().inbox(), config.imap().user(), config.imap().host(),
                        config.imap().port(), idleOffered(store) && config.imap().idle() ? "IDLE" : "polling");
                while (running) {
                    Round round = round(inbox, processed, rejected, requests);
                    if (round.moved()) {
                        // After MOVE the client's view of the inbox is not to be trusted: with GreenMail 2.1.8 and
                        // Angus Mail 2.0.5 the moved mails stay in it, marked expunged and still counted, and mails
                        // that came meanwhile never show (they were left in the inbox until a restart). Selecting
                        // the inbox again gives the server's list; mails that came during the round are taken at
                        // once rather than after the next wait.
                        inbox.close(false);
                        inbox.open(Folder.READ_WRITE);
                        if (round.allDone() && inbox.getMessageCount() > 0) {
                            continue;
                        }
                    }
                    await(store, inbox, round.allDone());
                }
            } catch (MessagingException | RuntimeException e) {
                openInbox = null;
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (running) {
                    Log.warnf("Mailbox away (%s); connecting again in %s", lastError, config.imap().reconnectDelay());
                    pause(config.imap().reconnectDelay().toMillis());
                }
            } finally {
                openInbox = null;
            }
        }
    }

    /** What a round did: whether it moved any mail, and whether every mail was done (none left for later). */
    private record Round(boolean moved, boolean allDone) {
    }

    /** Takes every mail in the inbox once; a mail left for later makes the next round wait a poll. */
    private Round round(IMAPFolder inbox, Folder processed, Folder rejected, Folder requests) throws MessagingException {
        boolean allDone = true;
        boolean moved = false;
        Message[] messages = inbox.getMessages();
        for (Message message : messages) {
            if (!running) {
                return new Round(moved, allDone);
            }
            if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            Intake.Outcome outcome = takeOne((MimeMessage) message);
            switch (outcome) {
                case PROCESSED -> move(inbox, message, processed);
                case REJECTED -> move(inbox, message, rejected);
                case REQUEST -> move(inbox, message, requests);
                case RETRY -> allDone = false;
            }
            moved |= outcome != Intake.Outcome.RETRY;
        }
        return new Round(moved, allDone);
    }

    private Intake.Outcome takeOne(MimeMessage message) throws MessagingException {
        ParsedMail mail;
        try {
            // A local copy: parsing reads the whole mail once instead of part by part over the network.
            mail = parser.parse(new MimeMessage(message));
        } catch (java.io.IOException | MessagingException | RuntimeException e) {
            if (!message.getFolder().getStore().isConnected()) {
                throw e instanceof MessagingException m ? m : new MessagingException("connection lost", e);
            }
            // Unreadable whatever we do: not a contribution, and no sender we could trust to answer.
            Log.warnf("Mail #%d unreadable, moved to the rejected folder: %s", message.getMessageNumber(), e.toString());
            return Intake.Outcome.REJECTED;
        }
        try {
            return intake.take(mail);
        } finally {
            mail.close();
        }
    }

    /** MOVE (RFC 6851) where offered, else copy, flag deleted and expunge; a crash in between at worst leaves a copy. */
    private static void move(IMAPFolder inbox, Message message, Folder target) throws MessagingException {
        inbox.moveMessages(new Message[] { message }, target);
    }

    private void await(Store store, IMAPFolder inbox, boolean allDone) throws MessagingException {
        if (!allDone || !config.imap().idle() || !idleOffered(store)) {
            pause(config.imap().pollInterval().toMillis());
            // NOOP: lets the server tell of new mail and of a dropped connection.
            inbox.getMessageCount();
            return;
        }
        // IDLE returns on new mail; the timer ends it at the poll interval so that a silent drop is noticed.
        ScheduledFuture<?> timer = wakeUps.schedule(this::wakeUp, config.imap().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        try {
            inbox.idle(true);
        } finally {
            timer.cancel(false);
        }
    }

    /** Ends an IDLE in progress: any other command on the folder does. */
    private void wakeUp() {
        IMAPFolder inbox = openInbox;
        if (inbox != null) {
            try {
                inbox.getMessageCount();
            } catch (MessagingException | RuntimeException e) {
                // The reader notices a broken connection itself.
            }
        }
    }

    private static boolean idleOffered(Store store) throws MessagingException {
        return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
    }

    private Store connect() throws MessagingException {
        MailIntakeConfig.Imap imap = config.imap();
        String protocol = imap.tls() ? "imaps" : "imap";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", imap.host());
        p.setProperty(prefix + "port", Integer.toString(imap.port()));
        p.setProperty(prefix + "connectiontimeout", Long.toString(imap.timeout().toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(imap.timeout().toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(imap.timeout().toMillis()));
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
        if (imap.starttls()) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if ("XOAUTH2".equalsIgnoreCase(imap.authMechanism())) {
            p.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
        }
        Session session = Session.getInstance(p);
        Store store = session.getStore(protocol);
        store.connect(imap.host(), imap.port(), imap.user(), imap.password());
        return store;
    }

    private static Folder ensureFolder(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create folder " + name);
        }
        return folder;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Stopping: the loop ends.
        }
    }
}
