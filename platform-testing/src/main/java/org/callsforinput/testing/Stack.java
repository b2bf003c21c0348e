package org.callsforinput.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The real test stack started by {@code ./platform test}: where PostgreSQL, Kafka, the S3 server and Keycloak
 * listen, read from the stack file that the launcher wrote ({@code PLATFORM_STACK_FILE}, or
 * {@code .platform/test/stack.properties} above the working directory).
 */
public final class Stack {

    private static Properties properties;

    private Stack() {
    }

    public static String get(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException("The stack file has no '" + key + "'"));
    }

    /** A key the stack file may lack, such as {@code clamav.host} (only there when the stack runs clamd). */
    public static synchronized Optional<String> find(String key) {
        if (properties == null) {
            properties = load();
        }
        return Optional.ofNullable(properties.getProperty(key));
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + get("pg.host") + ":" + get("pg.port") + "/" + database;
    }

    public static String issuer() {
        return get("keycloak.url") + "/realms/" + get("keycloak.realm");
    }

    private static Properties load() {
        Path file = locate();
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            loaded.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the stack file " + file, e);
        }
        return loaded;
    }

    private static Path locate() {
        String explicit = System.getenv("PLATFORM_STACK_FILE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".platform/test/stack.properties");
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No test stack found. Run the tests with './platform test' "
                + "(or start the test stack and set PLATFORM_STACK_FILE).");
    }
}
