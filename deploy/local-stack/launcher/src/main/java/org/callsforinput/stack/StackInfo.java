package org.callsforinput.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Where the running local stack is and how to log in to it: the content of
 * {@code .platform/<mode>/stack.properties}, written by the launcher once everything is ready.
 * {@code clamavHost}/{@code clamavPort} ({@code clamav.host}/{@code clamav.port}) are there only when clamd was
 * started (ClamAV installed); files without them load with both empty.
 */
public record StackInfo(
        String mode,
        String pgHost,
        int pgPort,
        String pgUser,
        String pgPassword,
        boolean pgEmbedded,
        String kafkaBootstrap,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String keycloakUrl,
        String keycloakRealm,
        String keycloakAdminPassword,
        String partnerOdhSecret,
        String partnerCrlnSecret,
        String demoPassword,
        Optional<String> clamavHost,
        OptionalInt clamavPort) {

    public StackInfo {
        clamavHost = clamavHost == null ? Optional.empty() : clamavHost;
        clamavPort = clamavPort == null ? OptionalInt.empty() : clamavPort;
    }

    /** A stack without clamd. */
    public StackInfo(String mode, String pgHost, int pgPort, String pgUser, String pgPassword, boolean pgEmbedded,
                     String kafkaBootstrap, String s3Endpoint, String s3AccessKey, String s3SecretKey, String keycloakUrl,
                     String keycloakRealm, String keycloakAdminPassword, String partnerOdhSecret, String partnerCrlnSecret,
                     String demoPassword) {
        this(mode, pgHost, pgPort, pgUser, pgPassword, pgEmbedded, kafkaBootstrap, s3Endpoint, s3AccessKey, s3SecretKey,
                keycloakUrl, keycloakRealm, keycloakAdminPassword, partnerOdhSecret, partnerCrlnSecret, demoPassword,
                Optional.empty(), OptionalInt.empty());
    }

    /** The same stack with clamd at {@code host:port}. */
    public StackInfo withClamav(String host, int port) {
        return new StackInfo(mode, pgHost, pgPort, pgUser, pgPassword, pgEmbedded, kafkaBootstrap, s3Endpoint, s3AccessKey,
                s3SecretKey, keycloakUrl, keycloakRealm, keycloakAdminPassword, partnerOdhSecret, partnerCrlnSecret,
                demoPassword, Optional.of(host), OptionalInt.of(port));
    }

    /** Set by {@code ./platform test} for the Maven build it runs. */
    public static final String STACK_FILE_ENV = "PLATFORM_STACK_FILE";
    /** Overrides the repository root that is otherwise found by walking up from the working directory. */
    public static final String REPO_PROPERTY = "platform.repo";

    /** Loads the stack file named by {@code PLATFORM_STACK_FILE}, else {@code <repo>/.platform/test/stack.properties}. */
    public static StackInfo load() {
        String fromEnv = System.getenv(STACK_FILE_ENV);
        Path file = fromEnv != null && !fromEnv.isBlank()
                ? Path.of(fromEnv)
                : findRepoRoot().resolve(".platform").resolve("test").resolve("stack.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no stack file at " + file
                    + "; start the test infrastructure with ./platform test (it sets " + STACK_FILE_ENV + ")");
        }
        return load(file);
    }

    public static StackInfo load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new StackInfo(
                required(p, "mode", file),
                required(p, "pg.host", file),
                Integer.parseInt(required(p, "pg.port", file)),
                required(p, "pg.user", file),
                p.getProperty("pg.password", ""),
                Boolean.parseBoolean(required(p, "pg.embedded", file)),
                required(p, "kafka.bootstrap", file),
                required(p, "s3.endpoint", file),
                required(p, "s3.access-key", file),
                required(p, "s3.secret-key", file),
                required(p, "keycloak.url", file),
                required(p, "keycloak.realm", file),
                required(p, "keycloak.admin-password", file),
                required(p, "client.partner-odh.secret", file),
                required(p, "client.partner-crln.secret", file),
                required(p, "demo.password", file),
                optional(p, "clamav.host"),
                optional(p, "clamav.port").map(port -> OptionalInt.of(Integer.parseInt(port.trim()))).orElse(OptionalInt.empty()));
    }

    /**
     * The directory holding the {@code platform} script and the root {@code pom.xml}: the system
     * property {@code platform.repo} if set, else the first such directory above the working directory.
     */
    public static Path findRepoRoot() {
        String fromProperty = System.getProperty(REPO_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("platform")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with the platform script and pom.xml) above "
                + cwd + "; set -D" + REPO_PROPERTY + "=<dir>");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** The realm's token issuer, also what {@code quarkus.oidc.auth-server-url} points to. */
    public String issuer() {
        return keycloakUrl + "/realms/" + keycloakRealm;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    private static final java.util.List<String> KEYS = java.util.List.of("mode", "pg.host", "pg.port", "pg.user",
            "pg.password", "pg.embedded", "kafka.bootstrap", "s3.endpoint", "s3.access-key", "s3.secret-key",
            "keycloak.url", "keycloak.realm", "keycloak.admin-password", "client.partner-odh.secret",
            "client.partner-crln.secret", "demo.password");
    private static final java.util.List<String> OPTIONAL_KEYS = java.util.List.of("clamav.host", "clamav.port");

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("mode", mode);
        p.setProperty("pg.host", pgHost);
        p.setProperty("pg.port", Integer.toString(pgPort));
        p.setProperty("pg.user", pgUser);
        p.setProperty("pg.password", pgPassword);
        p.setProperty("pg.embedded", Boolean.toString(pgEmbedded));
        p.setProperty("kafka.bootstrap", kafkaBootstrap);
        p.setProperty("s3.endpoint", s3Endpoint);
        p.setProperty("s3.access-key", s3AccessKey);
        p.setProperty("s3.secret-key", s3SecretKey);
        p.setProperty("keycloak.url", keycloakUrl);
        p.setProperty("keycloak.realm", keycloakRealm);
        p.setProperty("keycloak.admin-password", keycloakAdminPassword);
        p.setProperty("client.partner-odh.secret", partnerOdhSecret);
        p.setProperty("client.partner-crln.secret", partnerCrlnSecret);
        p.setProperty("demo.password", demoPassword);
        clamavHost.ifPresent(host -> p.setProperty("clamav.host", host));
        clamavPort.ifPresent(port -> p.setProperty("clamav.port", Integer.toString(port)));
        return p;
    }

    /**
     * Writes the stack file, keys in the documented order and without escapes so that shell scripts
     * can read it too; {@code extra} adds keys beyond the fixed ones (such as service URLs).
     */
    public void write(Path file, Map<String, String> extra) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        Properties p = toProperties();
        for (String key : KEYS) {
            all.put(key, p.getProperty(key));
        }
        for (String key : OPTIONAL_KEYS) {
            if (p.getProperty(key) != null) {
                all.put(key, p.getProperty(key));
            }
        }
        all.putAll(extra);
        StringBuilder text = new StringBuilder("# Written by the local-stack launcher; removed when it stops\n");
        // Values are URLs, host:port pairs and URL-safe secrets: only a backslash would need escaping.
        all.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            // Readers never see a half-written file.
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Optional<String> optional(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).filter(value -> !value.isBlank());
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("key " + key + " missing in " + file);
        }
        return value;
    }
}
