package org.callsforinput.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callsforinput.deploy.check.OverlaysTest.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(names(realm.path("clients"), "clientId")).containsExactlyInAnyOrder("secretariat-console", "contributor-portal",
                        "mail-intake")
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
    void consoleAndPortalRedirectToTheirIngressHosts(String name) throws IOException {
        Manifests m = overlay(name);
        JsonNode clients = m.get("KeycloakRealmImport", "calls-realm").path("spec").path("realm").path("clients");
        String[][] apps = {{"console", "secretariat-console"}, {"portal", "contributor-portal"}};
        for (int i = 0; i < apps.length; i++) {
            String host = m.get("Ingress", apps[i][0]).path("spec").path("rules").get(0).path("host").asText();
            JsonNode client = clients.get(i);
            assertThat(client.path("clientId").asText()).isEqualTo(apps[i][1]);
            assertThat(client.path("rootUrl").asText()).isEqualTo("https://" + host);
            assertThat(client.path("redirectUris")).singleElement().extracting(JsonNode::asText).isEqualTo("https://" + host + "/*");
            assertThat(client.path("webOrigins")).singleElement().extracting(JsonNode::asText).isEqualTo("https://" + host);
            assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo("https://" + host + "/*");
            assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
            assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
            assertThat(client.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        }
        // the portal's client is the local realm's, but for its addresses
        JsonNode local = Manifests.stream(localRealm().path("clients"))
                .filter(c -> c.path("clientId").asText().equals("contributor-portal")).findFirst().orElseThrow();
        for (String field : List.of("defaultClientScopes", "optionalClientScopes", "frontchannelLogout", "fullScopeAllowed", "secret")) {
            assertThat(clients.get(1).path(field)).as("contributor-portal " + field).isEqualTo(local.path(field));
        }
        String auth = m.get("Ingress", "auth").path("spec").path("rules").get(0).path("host").asText();
        assertThat(m.get("Keycloak", "calls-keycloak").path("spec").path("hostname").path("hostname").asText())
                .isEqualTo("https://" + auth);
    }

    /** People register themselves as the local realm lets them: verified e-mail, the default group, the mail server. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void registrationIsTheLocalRealmsWithTheOverlaysMailServer(String name) throws IOException {
        JsonNode local = localRealm();
        JsonNode realm = overlay(name).get("KeycloakRealmImport", "calls-realm").path("spec").path("realm");
        for (String field : List.of("registrationAllowed", "verifyEmail", "resetPasswordAllowed", "loginTheme", "defaultGroups",
                "duplicateEmailsAllowed", "loginWithEmailAllowed")) {
            assertThat(realm.path(field)).as(field).isEqualTo(local.path(field));
        }
        assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
        assertThat(realm.path("groups")).hasSameSizeAs(local.path("groups"));
        for (int i = 0; i < local.path("groups").size(); i++) {
            assertThat(realm.path("groups").get(i).path("path")).isEqualTo(local.path("groups").get(i).path("path"));
            assertThat(realm.path("groups").get(i).path("realmRoles")).isEqualTo(local.path("groups").get(i).path("realmRoles"));
        }
        JsonNode smtp = realm.path("smtpServer");
        String domain = overlay(name).get("Ingress", "public").path("spec").path("rules").get(0).path("host").asText();
        assertThat(smtp.path("host").asText()).endsWith("." + domain);
        assertThat(smtp.path("from").asText()).endsWith("@" + domain);
        assertThat(smtp.path("starttls").asText().equals("true") || smtp.path("ssl").asText().equals("true")).as("TLS").isTrue();
        assertThat(smtp.path("auth").asText()).isEqualTo("true");
        JsonNode placeholders = overlay(name).get("KeycloakRealmImport", "calls-realm").path("spec").path("placeholders");
        for (String field : List.of("user", "password")) {
            assertThat(smtp.path(field).asText()).as("smtpServer " + field).matches("\\$\\{[A-Z_]+}");
            assertThat(placeholders.has(smtp.path(field).asText().replaceAll("[${}]", ""))).as("smtpServer " + field).isTrue();
        }
    }

    /** The login theme in Keycloak's pods is deploy/keycloak/themes/calls, file for file. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakGetsTheLoginThemeOfTheRepository(String name) throws IOException {
        Manifests m = overlay(name);
        Path theme = Path.of(System.getProperty("k8s.dir"), "..", "keycloak", "themes", "calls");
        JsonNode pod = m.get("Keycloak", "calls-keycloak").path("spec").path("unsupported").path("podTemplate").path("spec");
        JsonNode volume = Manifests.stream(pod.path("volumes")).filter(v -> v.path("name").asText().equals("theme-calls"))
                .findFirst().orElseThrow();
        assertThat(Manifests.stream(pod.path("containers").get(0).path("volumeMounts"))
                .filter(v -> v.path("name").asText().equals("theme-calls")).map(v -> v.path("mountPath").asText()))
                .containsExactly("/opt/keycloak/themes/calls");
        JsonNode data = m.get("ConfigMap", volume.path("configMap").path("name").asText()).path("data");
        Set<String> files = new TreeSet<>();
        try (var walk = Files.walk(theme)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.add(theme.relativize(f).toString().replace('\\', '/')));
        }
        Set<String> mounted = new TreeSet<>();
        for (JsonNode item : volume.path("configMap").path("items")) {
            mounted.add(item.path("path").asText());
            assertThat(data.path(item.path("key").asText()).asText()).as(item.path("path").asText())
                    .isEqualTo(Files.readString(theme.resolve(item.path("path").asText())));
        }
        assertThat(mounted).isEqualTo(files);
    }
}
