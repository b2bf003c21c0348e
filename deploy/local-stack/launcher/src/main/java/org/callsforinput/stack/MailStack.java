package org.callsforinput.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The stack's mail server (GreenMail) and what mail-intake needs to use it: the {@code mail.*} keys of
 * {@code stack.properties}, kept apart from {@link StackInfo} so that files without them still load.
 *
 * @param intakeAddress    the intake mailbox (also its IMAP login)
 * @param intakePassword   its IMAP password
 * @param mailIntakeSecret the secret of mail-intake's Keycloak client
 */
public record MailStack(String host, int smtpPort, int imapPort, String intakeAddress, String intakePassword,
                        String mailIntakeSecret) {

    /** The stack file's mail section, empty when the stack has no mail server. */
    public static Optional<MailStack> load(Path stackFile) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(stackFile)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stackFile, e);
        }
        if (p.getProperty("mail.host") == null) {
            return Optional.empty();
        }
        return Optional.of(new MailStack(p.getProperty("mail.host"), Integer.parseInt(p.getProperty("mail.smtp-port")),
                Integer.parseInt(p.getProperty("mail.imap-port")), p.getProperty("mail.intake-address"),
                p.getProperty("mail.intake-password"), p.getProperty("client.mail-intake.secret")));
    }

    /** The stack file named by {@code PLATFORM_STACK_FILE}, else the test stack's. */
    public static MailStack load() {
        String fromEnv = System.getenv(StackInfo.STACK_FILE_ENV);
        Path file = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : StackInfo.findRepoRoot().resolve(".platform/test/stack.properties");
        return load(file).orElseThrow(() -> new IllegalStateException("no mail server in " + file));
    }

    /** A call's address: plus-addressing on the intake mailbox ({@code calls+<slug>@domain}). */
    public String callAddress(String slug) {
        int at = intakeAddress.indexOf('@');
        return intakeAddress.substring(0, at) + "+" + slug + intakeAddress.substring(at);
    }

    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mail.host", host);
        p.put("mail.smtp-port", Integer.toString(smtpPort));
        p.put("mail.imap-port", Integer.toString(imapPort));
        p.put("mail.intake-address", intakeAddress);
        p.put("mail.intake-password", intakePassword);
        p.put("client.mail-intake.secret", mailIntakeSecret);
        return p;
    }

    /** The configuration mail-intake gets from the stack, as environment variables. */
    public Map<String, String> mailIntakeEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MAIL_INTAKE_IMAP_HOST", host);
        env.put("MAIL_INTAKE_IMAP_PORT", Integer.toString(imapPort));
        env.put("MAIL_INTAKE_IMAP_USER", intakeAddress);
        env.put("MAIL_INTAKE_IMAP_PASSWORD", intakePassword);
        env.put("MAIL_INTAKE_REPLY_FROM", intakeAddress);
        env.put("QUARKUS_MAILER_HOST", host);
        env.put("QUARKUS_MAILER_PORT", Integer.toString(smtpPort));
        env.put("QUARKUS_MAILER_FROM", intakeAddress);
        env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", mailIntakeSecret);
        return env;
    }
}
