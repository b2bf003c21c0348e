package org.callsforinput.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callsforinput.deploy.check.OverlaysTest.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production realm is the local realm without what is only for development, and with the overlay's addresses. */
class RealmTest {

    private static JsonNode localRealm() throws IOException {
        return Manifests.JSON.readTree(Path.of(System.getProperty("k8s.dir"), "..", "keycloak", "calls-realm.json").toFile());
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void productionRealmKeepsRolesAndScopesAndDropsUsersAndPasswordGrants(String name) throws IOException {
        JsonNode local = localRealm();
        JsonNode realm = overlay(name).get("KeycloakRealmImport", "calls-realm").path("spec").path("realm");
        assertThat(realm.path("realm").asText()).isEqualTo("calls");
        assertThat(names(realm.path("roles").path("realm"), "name")).isEqualTo(names(local.path("roles").path("realm"), "name"));
        assertThat(names(realm.path("clientScopes"), "name")).isEqualTo(names(local.path("clientScopes"), "name"));
        assertThat(realm.path("clientScopes")).isEqualTo(local.path("clientScopes"));
        assertThat(realm.path("components")).isEqualTo(local.path("components"));
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
        assertThat(names(realm.path("clients"), "clientId")).containsExactlyInAnyOrder("secretariat-console", "mail-intake")
                .isSubsetOf(names(local.path("clients"), "clientId"));
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as(id + " password grant").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(true)).as(id + " implicit flow").isFalse();
            assertThat(client.path("publicClient").asBoolean(true)).as(id + " public").isFalse();
            // a secret is a placeholder the operator fills from a Secret, never a value
            assertThat(client.path("secret").asText()).as(id + " secret").matches("\\$\\{[A-Z_]+}");
            assertThat(overlay(name).get("KeycloakRealmImport", "calls-realm").path("spec").path("placeholders")
                    .has(client.path("secret").asText().replaceAll("[${}]", ""))).as(id + " placeholder").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consoleRedirectsToItsIngressHost(String name) {
        Manifests m = overlay(name);
        String host = m.get("Ingress", "console").path("spec").path("rules").get(0).path("host").asText();
        JsonNode console = m.get("KeycloakRealmImport", "calls-realm").path("spec").path("realm").path("clients").get(0);
        assertThat(console.path("clientId").asText()).isEqualTo("secretariat-console");
        assertThat(console.path("redirectUris").get(0).asText()).isEqualTo("https://" + host + "/*");
        assertThat(console.path("webOrigins").get(0).asText()).isEqualTo("https://" + host);
        String auth = m.get("Ingress", "auth").path("spec").path("rules").get(0).path("host").asText();
        assertThat(m.get("Keycloak", "calls-keycloak").path("spec").path("hostname").path("hostname").asText())
                .isEqualTo("https://" + auth);
    }
}
