package org.callsforinput.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP and IMAP server (GreenMail standalone) standing in for the mail provider of mail-intake. It keeps its
 * mailboxes in memory (a restart empties them). The intake mailbox has a password of its own; every other address
 * that receives mail gets a mailbox on the fly whose IMAP login and password are the address itself, so the replies
 * that mail-intake sends can be read by anyone on this machine (docs/mail-intake.md).
 */
final class GreenMail {

    static final String COMPONENT = "GreenMail";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** The domain of the local mailboxes; {@code .localhost} never resolves outside this machine. */
    static final String DOMAIN = "calls.localhost";
    /** The intake mailbox; calls get plus-addresses on it ({@code calls+<slug>@calls.localhost}). */
    static final String INTAKE_ADDRESS = "calls@" + DOMAIN;

    private GreenMail() {
    }

    static ManagedProcess launch(Path repo, Path stateDir, Ports ports, Secrets secrets, RunningStack stack) {
        Path lib = repo.resolve("deploy/local-stack/greenmail/target/lib");
        Path log = stateDir.resolve("logs/greenmail.log");
        Path home = stateDir.resolve("greenmail");
        Kafka.requireBuilt(COMPONENT, lib);
        try {
            Files.deleteIfExists(log);
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new StartupFailure(COMPONENT, log, "cannot prepare " + home + ": " + e.getMessage());
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx128m",
                "-Dgreenmail.smtp.hostname=" + Probes.HOST, "-Dgreenmail.smtp.port=" + ports.smtp().number(),
                "-Dgreenmail.imap.hostname=" + Probes.HOST, "-Dgreenmail.imap.port=" + ports.imap().number(),
                // The intake mailbox logs in with its full address, as with most providers.
                "-Dgreenmail.users=calls:" + secrets.mailIntakePassword() + "@" + DOMAIN,
                "-Dgreenmail.users.login=email",
                // calls+<slug>@ is delivered to calls@ (plus-addressing).
                "-Dgreenmail.sieve.ignore.detail=true",
                "-cp", lib + "/*", "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner"));
        return stack.track(ManagedProcess.start(COMPONENT, command, Map.of(), home, log));
    }

    /** Ready when both servers greet. */
    static MailStack info(Ports ports, Secrets secrets) {
        return new MailStack(Probes.HOST, ports.smtp().number(), ports.imap().number(), INTAKE_ADDRESS,
                secrets.mailIntakePassword(), secrets.mailIntakeSecret());
    }

    static void awaitReady(ManagedProcess greenMail, Ports ports) {
        greenMail.awaitReady(READY_TIMEOUT, () -> Probes.greets(ports.smtp().number(), "220")
                && Probes.greets(ports.imap().number(), "* OK"));
    }
}
