package org.callsforinput.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackInfoTest {

    private static final StackInfo INFO = new StackInfo("test", "127.0.0.1", 15432, "postgres", "", true,
            "127.0.0.1:19092", "http://127.0.0.1:19000", "minioadmin", "minioadmin",
            "http://127.0.0.1:18180", "calls", "admin-secret", "odh-secret", "crln-secret", "demo-secret");

    @Test
    void writtenFileLoadsBackToTheSameValues(@TempDir Path dir) {
        Path file = dir.resolve("stack.properties");
        INFO.write(file, Map.of("state.dir", dir.toString()));

        assertEquals(INFO, StackInfo.load(file));
    }

    @Test
    void writtenFileIsPlainKeyValueLinesInDocumentedOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stack.properties");
        INFO.write(file, Map.of());

        String text = Files.readString(file);
        assertTrue(text.contains("\nmode=test\npg.host=127.0.0.1\npg.port=15432\n"), text);
        assertTrue(text.contains("\nkeycloak.url=http://127.0.0.1:18180\n"), text);
        Properties p = new Properties();
        p.load(Files.newBufferedReader(file));
        assertEquals("", p.getProperty("pg.password"));
    }

    @Test
    void clamavKeysAreOptional(@TempDir Path dir) throws Exception {
        Path without = dir.resolve("without.properties");
        INFO.write(without, Map.of());
        Path with = dir.resolve("with.properties");
        INFO.withClamav("127.0.0.1", 13310).write(with, Map.of());

        assertFalse(Files.readString(without).contains("clamav."));
        assertTrue(StackInfo.load(without).clamavHost().isEmpty());
        assertTrue(Files.readString(with).contains("\ndemo.password=demo-secret\nclamav.host=127.0.0.1\nclamav.port=13310\n"));
        assertEquals(INFO.withClamav("127.0.0.1", 13310), StackInfo.load(with));
    }

    @Test
    void derivedUrlsPointAtTheRealmAndDatabase() {
        assertEquals("http://127.0.0.1:18180/realms/calls", INFO.issuer());
        assertEquals("jdbc:postgresql://127.0.0.1:15432/review_e2e", INFO.jdbcUrl("review_e2e"));
    }

    @Test
    void servicesGetTheStackThroughTheirEnvironment() {
        Map<String, String> env = ServiceProcess.environment(INFO, "submission_e2e", 18081, 19081);

        assertEquals("18081", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("127.0.0.1", env.get("QUARKUS_HTTP_HOST"));
        assertEquals("19081", env.get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals("127.0.0.1", env.get("QUARKUS_MANAGEMENT_HOST"));
        assertEquals("jdbc:postgresql://127.0.0.1:15432/submission_e2e", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("127.0.0.1:19092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://127.0.0.1:19000", env.get("STORAGE_ENDPOINT"));
        assertEquals("http://127.0.0.1:18180/realms/calls", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertFalse(env.containsKey("DOCUMENTS_CLAMAV_HOST"));
        assertEquals("off", env.get("DOCUMENTS_CLAMAV_SCANNING"));

        Map<String, String> withClamav = ServiceProcess.environment(INFO.withClamav("127.0.0.1", 13310), "submission_e2e", 18081,
                19081);
        assertEquals("127.0.0.1", withClamav.get("DOCUMENTS_CLAMAV_HOST"));
        assertEquals("13310", withClamav.get("DOCUMENTS_CLAMAV_PORT"));
        assertEquals("required", withClamav.get("DOCUMENTS_CLAMAV_SCANNING"));
    }

    @Test
    void thePortalGetsTheServicesItCallsAndItsClientSecret() {
        Map<String, String> env = ServiceProcess.portalEnvironment("http://127.0.0.1:18081", "http://127.0.0.1:18083",
                "portal-secret");

        assertEquals(Map.of("PORTAL_SUBMISSION_URL", "http://127.0.0.1:18081", "PORTAL_PUBLICATION_URL", "http://127.0.0.1:18083",
                "PORTAL_PUBLIC_URL", "http://127.0.0.1:18083", "QUARKUS_OIDC_CREDENTIALS_SECRET", "portal-secret"), env);
    }
}
