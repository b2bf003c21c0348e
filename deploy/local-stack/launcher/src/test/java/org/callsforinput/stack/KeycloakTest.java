package org.callsforinput.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class KeycloakTest {

    private static final Path REALM = Path.of("../../keycloak/calls-realm.json");
    private static final Secrets SECRETS = new Secrets("admin", "odh", "crln", "demo", "console", "portal", "intake", "mail");

    @Test
    void everyPlaceholderOfTheRealmIsSetForKeycloak() throws Exception {
        Set<String> placeholders = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(PLATFORM_[A-Z_]+)}").matcher(Files.readString(REALM));
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Map<String, String> env = Keycloak.environment(Ports.of(Mode.TEST, Map.of()), SECRETS);

        assertTrue(placeholders.containsAll(Set.of("PLATFORM_PORTAL_URL", "PLATFORM_SMTP_PORT")), placeholders.toString());
        assertTrue(env.keySet().containsAll(placeholders), placeholders + " not all in " + env.keySet());
    }

    @Test
    void theRealmLearnsThePortalsAddressAndTheSmtpPortOfItsMode() {
        Map<String, String> test = Keycloak.environment(Ports.of(Mode.TEST, Map.of("PLATFORM_TEST_SMTP_PORT", "23025")), SECRETS);
        Map<String, String> run = Keycloak.environment(Ports.of(Mode.RUN, Map.of()), SECRETS);

        assertEquals("http://127.0.0.1:18085", test.get("PLATFORM_PORTAL_URL"));
        assertEquals("23025", test.get("PLATFORM_SMTP_PORT"));
        assertEquals("http://127.0.0.1:8085", run.get("PLATFORM_PORTAL_URL"));
        assertEquals("3025", run.get("PLATFORM_SMTP_PORT"));
        assertEquals("portal", run.get("PLATFORM_CONTRIBUTOR_PORTAL_SECRET"));
    }

    @Test
    void theLoginThemeOfTheRealmIsInTheRepositoryInTheRealmsThreeLanguages() throws Exception {
        Path theme = Path.of("../../keycloak/themes/" + Keycloak.THEME + "/login");

        assertTrue(Files.readString(REALM).contains("\"loginTheme\": \"" + Keycloak.THEME + "\""));
        assertTrue(Files.readString(theme.resolve("theme.properties")).contains("\nlocales=en,fr,es\n"));
        for (String lang : new String[] { "en", "fr", "es" }) {
            assertTrue(Files.readString(theme.resolve("messages/messages_" + lang + ".properties")).contains("\nloginTitle="), lang);
        }
    }
}
