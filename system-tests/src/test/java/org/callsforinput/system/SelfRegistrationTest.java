package org.callsforinput.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.callsforinput.stack.MailStack;
import org.callsforinput.testing.KeycloakUsers;
import org.callsforinput.testing.Stack;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;

import io.restassured.RestAssured;

/**
 * Keycloak's pages as a contributor meets them through the portal's client, over plain HTTP: the platform's theme in
 * three languages, self-registration with the verification mail that the stack's mail server receives, and the roles
 * and token that such a person gets.
 */
class SelfRegistrationTest {

    private static final String CLIENT = "contributor-portal";

    @Test
    void signInPagesShowThePlatformsNameInTheirLanguageAndTheWayToRegister() throws Exception {
        String[][] expected = {
                { "en", "Calls for input", "Contributors from any organisation, and individuals, can register." },
                { "fr", "Appels à contributions", "Les contributeurs de toute organisation, et les particuliers, peuvent s’inscrire." },
                { "es", "Convocatorias de contribuciones", "Pueden registrarse contribuyentes de cualquier organización y particulares." } };
        for (String[] language : expected) {
            String page = new Browser().get(authorizationUrl(language[0])).body();

            assertThat(page).as(language[0])
                    .contains("<title>" + language[1] + "</title>", "lang=\"" + language[0] + "\"", language[2])
                    .containsPattern("href=\"[^\"]*/login-actions/registration\\?");
        }
        Browser browser = new Browser();
        String register = browser.get(link(browser.get(authorizationUrl("fr")).body(), "/login-actions/registration")).body();
        assertThat(register).contains("<title>Appels à contributions</title>", "Inscrivez-vous pour contribuer");
    }

    @Test
    void aPersonRegistersVerifiesTheirAddressFromTheRealMailAndIsAnIndividualContributor() throws Exception {
        Browser browser = new Browser();
        String username = "reg-" + UUID.randomUUID().toString().substring(0, 10);
        String email = username + "@calls.localhost";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String login = browser.get(authorizationUrl("en", verifier)).body();
        String form = browser.get(link(login, "/login-actions/registration")).body();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("email", email);
        fields.put("firstName", "Rosa");
        fields.put("lastName", "Quispe");
        fields.put("password", "A long passphrase 42");
        fields.put("password-confirm", "A long passphrase 42");
        // What the person may not set: the user profile lets admins alone edit the organisation.
        fields.put("org_id", "odh");
        fields.put("org_name", "Observatoire des droits humains");
        HttpResponse<String> registered = browser.post(formAction(form, "kc-register-form"), fields);
        assertThat(registered.body()).contains(email).containsIgnoringCase("verify");

        Mailboxes mailboxes = new Mailboxes(MailStack.load());
        Mailboxes.Received mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailboxes.inbox(email).stream().findFirst().orElse(null), m -> m != null);
        assertThat(mail.header("From")).contains("no-reply@calls.localhost").contains("Calls for input");
        Matcher verify = Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)").matcher(mail.text());
        assertThat(verify.find()).as(mail.text()).isTrue();

        // Following the link from the mail in the same browser ends the registration at the portal with a code.
        HttpResponse<String> back = browser.follow(verify.group(1).replace("&amp;", "&"));
        String location = back.headers().firstValue("Location").orElse("");
        assertThat(location).as(back.body()).startsWith(Stack.get("portal.url") + "/callback?").contains("code=");
        String code = query(URI.create(location)).get("code");

        Map<String, Object> token = RestAssured.given().formParams(Map.of("grant_type", "authorization_code",
                        "client_id", CLIENT, "client_secret", Stack.get("client." + CLIENT + ".secret"), "code", code,
                        "redirect_uri", Stack.get("portal.url") + "/callback", "code_verifier", verifier))
                .when().post(Stack.issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> claims = SignedJWT.parse((String) token.get("access_token")).getJWTClaimsSet().getClaims();
        assertThat(claims.get("aud").toString()).contains("submission-service");
        assertThat(claims.get("email_verified")).isEqualTo(true);
        assertThat(claims).doesNotContainKeys("org_id", "org_name");
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
        assertThat(roles).contains("contributor", "individual").doesNotContain("reviewer");
        assertThat(KeycloakUsers.effectiveRealmRoles(KeycloakUsers.idOf(username))).contains("contributor", "individual");
    }

    @Test
    void theRealmsOwnPeopleAreNotIndividualsAndTheStaffAreNotContributors() {
        for (String partner : List.of("contributor.odh", "contributor.crln")) {
            assertThat(KeycloakUsers.effectiveRealmRoles(KeycloakUsers.idOf(partner))).as(partner)
                    .contains("contributor").doesNotContain("individual");
        }
        for (String staff : List.of("reviewer1", "reviewer2", "coordinator1", "coordinator2", "callmanager", "admin")) {
            assertThat(KeycloakUsers.effectiveRealmRoles(KeycloakUsers.idOf(staff))).as(staff)
                    .doesNotContain("contributor", "individual");
        }
        assertThat(KeycloakUsers.effectiveRealmRoles(KeycloakUsers.idOf("service-account-partner-odh")))
                .doesNotContain("individual");
    }

    private static String authorizationUrl(String language) throws Exception {
        return authorizationUrl(language, UUID.randomUUID() + "-" + UUID.randomUUID());
    }

    private static String authorizationUrl(String language, String verifier) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return Stack.issuer() + "/protocol/openid-connect/auth?" + form(Map.of("client_id", CLIENT, "response_type", "code",
                "scope", "openid", "redirect_uri", Stack.get("portal.url") + "/callback", "state", UUID.randomUUID().toString(),
                "code_challenge", challenge, "code_challenge_method", "S256", "ui_locales", language));
    }

    /** The first link of a page whose address contains {@code part}, unescaped and absolute. */
    private static String link(String html, String part) {
        Matcher m = Pattern.compile("href=\"([^\"]*" + Pattern.quote(part) + "[^\"]*)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return URI.create(Stack.get("keycloak.url")).resolve(m.group(1).replace("&amp;", "&")).toString();
    }

    private static String formAction(String html, String formId) {
        Matcher m = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /**
     * A browser without script: redirects within Keycloak followed, cookies sent back by name whatever their
     * attributes (java.net's CookieManager drops Keycloak's {@code Secure} ones over plain HTTP).
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String url) throws Exception {
            return follow(url);
        }

        HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
            return redirected(send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields)))));
        }

        /** GET, following redirects within Keycloak; a redirect elsewhere (the portal) is returned as it is. */
        HttpResponse<String> follow(String url) throws Exception {
            return redirected(send(request(url).GET()));
        }

        private HttpRequest.Builder request(String url) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
            return response;
        }

        private HttpResponse<String> redirected(HttpResponse<String> response) throws Exception {
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                String next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
                if (!next.startsWith(Stack.get("keycloak.url"))) {
                    return response;
                }
                response = send(request(next).GET());
            }
            return response;
        }
    }
}
