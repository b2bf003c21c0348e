package org.callsforinput.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Keycloak in dev mode with the calls realm imported afresh at every start. */
final class Keycloak {

    static final String COMPONENT = "Keycloak";
    static final String REALM = "calls";
    static final String ADMIN_USER = "admin";
    /** The realm's login theme, deploy/keycloak/themes/calls. */
    static final String THEME = "calls";
    /** The first start of a fresh copy builds the server (30-60 s); later starts take about 10 s. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final String COPY_MARKER = ".platform-copy-of";
    /**
     * Keycloak substitutes environment variables into "${...}" in the realm file at import, and the
     * realm uses these names for its own message keys and mappers: they must not be set.
     */
    private static final Set<String> RESERVED_ENV = Set.of("client_id", "username", "email", "firstName", "lastName",
            "emailScopeConsentText", "rolesScopeConsentText", "profileScopeConsentText", "offlineAccessScopeConsentText",
            "role_default-roles", "role_offline-access", "role_uma_authorization");

    private Keycloak() {
    }

    static String url(Ports ports) {
        return "http://" + Probes.HOST + ":" + ports.keycloak().number();
    }

    /** The secretariat console's address in this mode ({@code http://127.0.0.1:8084} for run). */
    static String consoleUrl(Ports ports) {
        return "http://" + Probes.HOST + ":" + ports.console().number();
    }

    /** The contributor portal's address in this mode ({@code http://127.0.0.1:8085} for run). */
    static String portalUrl(Ports ports) {
        return "http://" + Probes.HOST + ":" + ports.portal().number();
    }

    /** The realm file: PLATFORM_REALM_FILE if set, else deploy/keycloak/calls-realm.json. */
    static Path realmFile(Path repo, Map<String, String> env) {
        String override = env.get("PLATFORM_REALM_FILE");
        return override != null && !override.isBlank()
                ? Path.of(override).toAbsolutePath()
                : repo.resolve("deploy/keycloak/calls-realm.json");
    }

    static ManagedProcess launch(Path repo, Path stateDir, Ports ports, Path realm, Secrets secrets, RunningStack stack) {
        Path log = stateDir.resolve("logs/keycloak.log");
        if (!Files.isRegularFile(realm)) {
            throw new StartupFailure(COMPONENT, null, "realm file " + realm + " not found (PLATFORM_REALM_FILE overrides it)");
        }
        Path dist = distribution(repo);
        Path home = stateDir.resolve("keycloak");
        try {
            Files.deleteIfExists(log);
            Files.createDirectories(log.getParent());
            copyDistributionOnce(dist, home);
            // A fresh H2 database makes --import-realm load the current realm file (it skips existing realms).
            Files2.deleteRecursively(home.resolve("data/h2"));
            Path imports = home.resolve("data/import");
            Files2.deleteRecursively(imports);
            Files.createDirectories(imports);
            Files.copy(realm, imports.resolve(REALM + "-realm.json"));
            // The project's login theme, copied afresh (start-dev does not cache themes: edits show on reload).
            Path theme = home.resolve("themes/" + THEME);
            Files2.deleteRecursively(theme);
            Files2.copyTree(repo.resolve("deploy/keycloak/themes/" + THEME), theme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=" + Probes.HOST,
                "--http-port=" + ports.keycloak().number(),
                "--http-management-port=" + ports.keycloakManagement().number(),
                "--health-enabled=true");
        return stack.track(ManagedProcess.start(COMPONENT, command, environment(ports, secrets), RESERVED_ENV, home, log));
    }

    /** Keycloak's environment: the bootstrap admin and every {@code ${PLATFORM_...}} placeholder of the realm file. */
    static Map<String, String> environment(Ports ports, Secrets secrets) {
        return Map.ofEntries(
                Map.entry("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER),
                Map.entry("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword()),
                Map.entry("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"),
                // Placeholders in the realm file, replaced by Keycloak at import.
                Map.entry("PLATFORM_PARTNER_ODH_SECRET", secrets.partnerOdhSecret()),
                Map.entry("PLATFORM_PARTNER_CRLN_SECRET", secrets.partnerCrlnSecret()),
                Map.entry("PLATFORM_SECRETARIAT_CONSOLE_SECRET", secrets.secretariatConsoleSecret()),
                Map.entry("PLATFORM_CONTRIBUTOR_PORTAL_SECRET", secrets.contributorPortalSecret()),
                Map.entry("PLATFORM_MAIL_INTAKE_SECRET", secrets.mailIntakeSecret()),
                Map.entry("PLATFORM_DEMO_PASSWORD", secrets.demoPassword()),
                // The web applications' addresses in this mode: their clients' redirect and post-logout URIs.
                Map.entry("PLATFORM_CONSOLE_URL", consoleUrl(ports)),
                Map.entry("PLATFORM_PORTAL_URL", portalUrl(ports)),
                // The stack's SMTP server (GreenMail): the realm's mails (e-mail verification, password reset).
                Map.entry("PLATFORM_SMTP_PORT", Integer.toString(ports.smtp().number())));
    }

    /** Ready when the server is healthy and the realm has been imported. */
    static void awaitReady(ManagedProcess keycloak, Ports ports, RunningStack stack) {
        String health = "http://" + Probes.HOST + ":" + ports.keycloakManagement().number() + "/health/ready";
        String realm = url(ports) + "/realms/" + REALM + "/.well-known/openid-configuration";
        keycloak.awaitReady(READY_TIMEOUT, () -> Probes.httpStatus(health) == 200 && Probes.httpStatus(realm) == 200);
        // kc.sh runs the server JVM as a child: record it too in case the launcher gets killed.
        stack.recordDescendants(keycloak);
    }

    private static Path distribution(Path repo) {
        Path target = repo.resolve("deploy/local-stack/keycloak/target");
        try (Stream<Path> dirs = Files.list(target)) {
            Optional<Path> dist = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")
                    && Files.isRegularFile(d.resolve("bin/kc.sh"))).findFirst();
            if (dist.isPresent()) {
                return dist.get();
            }
        } catch (IOException e) {
            // Reported below.
        }
        throw new StartupFailure(COMPONENT, null, "no unpacked distribution under " + target
                + "; build it with mvn -B install -DskipTests -pl deploy/local-stack/launcher -am (./platform does)");
    }

    /**
     * Each state directory gets its own copy: Keycloak writes its build and H2 data into its home,
     * and the run and test stacks may run at the same time.
     */
    private static void copyDistributionOnce(Path dist, Path home) throws IOException {
        Path marker = home.resolve(COPY_MARKER);
        String source = dist.getFileName().toString();
        if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(source)) {
            return;
        }
        System.out.println("Copying " + source + " to " + home + " (once; its first start builds it, 30-60 s)");
        Files2.deleteRecursively(home);
        Files2.copyTree(dist, home);
        // Written last: an interrupted copy is redone at the next start.
        Files.writeString(marker, source + "\n");
    }
}
