package org.callsforinput.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Passwords and client secrets of the local Keycloak realm: random per checkout, kept in
 * {@code .platform/secrets.properties} (ignored by git) so tokens and bookmarks survive restarts.
 */
record Secrets(String keycloakAdminPassword, String partnerOdhSecret, String partnerCrlnSecret, String demoPassword,
        String secretariatConsoleSecret, String contributorPortalSecret, String mailIntakeSecret,
        String mailIntakePassword) {

    private static final List<String> KEYS = List.of(
            "keycloak.admin-password", "client.partner-odh.secret", "client.partner-crln.secret", "demo.password",
            "client.secretariat-console.secret", "client.contributor-portal.secret",
            "client.mail-intake.secret", "mail.intake-password");
    private static final SecureRandom RANDOM = new SecureRandom();

    static Secrets loadOrCreate(Path file) {
        Properties p = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
            }
            boolean added = false;
            for (String key : KEYS) {
                if (p.getProperty(key, "").isBlank()) {
                    p.setProperty(key, randomSecret());
                    added = true;
                }
            }
            if (added) {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    p.store(out, "Local secrets of this checkout, generated once; never commit");
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
        return new Secrets(p.getProperty(KEYS.get(0)), p.getProperty(KEYS.get(1)),
                p.getProperty(KEYS.get(2)), p.getProperty(KEYS.get(3)), p.getProperty(KEYS.get(4)), p.getProperty(KEYS.get(5)),
                p.getProperty(KEYS.get(6)), p.getProperty(KEYS.get(7)));
    }

    /** URL-safe so it can go into a URL, a form body or a shell without quoting. */
    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
