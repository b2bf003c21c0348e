package org.callsforinput.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoClientsTest {

    private static final Path REALM = Path.of("../../keycloak/calls-realm.json");

    @Test
    void everyClientOfTheRealmIsPrintedAndEveryConfidentialOneWithItsSecret(@TempDir Path dir) throws Exception {
        Secrets secrets = Secrets.loadOrCreate(dir.resolve("secrets.properties"));
        String realm = Files.readString(REALM);
        Set<String> realmClients = new TreeSet<>();
        Matcher id = Pattern.compile("\"clientId\"\\s*:\\s*\"([^\"]+)\"").matcher(realm);
        while (id.find()) {
            realmClients.add(id.group(1));
        }
        assertTrue(realmClients.containsAll(Set.of("secretariat-console", "contributor-portal")), realmClients.toString());
        Map<String, String> printed = DemoClients.describe(secrets);
        assertEquals(realmClients, new TreeSet<>(printed.keySet()));

        assertTrue(printed.get("secretariat-console").contains(secrets.secretariatConsoleSecret()));
        assertTrue(printed.get("secretariat-console").contains("http://127.0.0.1:8084"));
        assertTrue(printed.get("contributor-portal").contains(secrets.contributorPortalSecret()));
        assertTrue(printed.get("contributor-portal").contains("http://127.0.0.1:8085"));
        assertTrue(printed.get("partner-odh").contains(secrets.partnerOdhSecret()));
        assertTrue(printed.get("partner-crln").contains(secrets.partnerCrlnSecret()));
        assertTrue(printed.get("mail-intake").contains(secrets.mailIntakeSecret()));
    }

    @Test
    void theWebApplicationsAreConfidentialWithPkceAndLoopbackRedirectsAndTheirSecretsArePlaceholders() throws Exception {
        String realm = Files.readString(REALM);
        for (String[] app : new String[][] { { "secretariat-console", "${PLATFORM_CONSOLE_URL}/*" },
                { "contributor-portal", "${PLATFORM_PORTAL_URL}/*" } }) {
            int start = realm.indexOf("\"clientId\": \"" + app[0] + "\"");
            String client = realm.substring(start, realm.indexOf("\"optionalClientScopes\"", start));
            assertTrue(client.contains("\"publicClient\": false"), app[0]);
            assertTrue(client.contains("\"standardFlowEnabled\": true"), app[0]);
            assertTrue(client.contains("\"directAccessGrantsEnabled\": false"), app[0]);
            assertTrue(client.contains("\"pkce.code.challenge.method\": \"S256\""), app[0]);
            assertTrue(client.contains("\"" + app[1] + "\""), app[0]);
            assertTrue(client.contains("\"secret\": \"${PLATFORM_" + app[0].toUpperCase().replace('-', '_') + "_SECRET}\""), app[0]);
        }
    }

    @Test
    void secretsOfTheWebApplicationsAreGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets.properties");
        Properties old = new Properties();
        old.setProperty("keycloak.admin-password", "a");
        old.setProperty("client.partner-odh.secret", "b");
        old.setProperty("client.partner-crln.secret", "c");
        old.setProperty("demo.password", "d");
        try (var out = Files.newBufferedWriter(file)) {
            old.store(out, null);
        }
        Secrets first = Secrets.loadOrCreate(file);
        assertEquals("b", first.partnerOdhSecret());
        assertFalse(first.secretariatConsoleSecret().isBlank());
        assertFalse(first.contributorPortalSecret().equals(first.secretariatConsoleSecret()));
        assertEquals(first, Secrets.loadOrCreate(file));
    }

    @Test
    void loopbackWebhookReceiversAreOffUnlessAskedFor() {
        assertEquals(Map.of(), DemoClients.publicationEnvironment(Map.of()));
        assertEquals(Map.of(), DemoClients.publicationEnvironment(Map.of("PLATFORM_ALLOW_LOOPBACK_WEBHOOKS", "0")));
        assertEquals(Map.of("PUBLICATION_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128"),
                DemoClients.publicationEnvironment(Map.of("PLATFORM_ALLOW_LOOPBACK_WEBHOOKS", "1")));
    }
}
