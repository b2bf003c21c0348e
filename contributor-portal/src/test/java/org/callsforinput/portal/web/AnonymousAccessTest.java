package org.callsforinput.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URL;

import org.callsforinput.testing.Stack;
import org.callsforinput.testing.StackResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Without a session: a contribution's pages send the browser to Keycloak with PKCE; the receipt check, the language
 * switch and the static files need none; a write without the CSRF token changes nothing; the API away is a 503 page.
 */
@QuarkusTest
@QuarkusTestResource(value = StackResource.class, initArgs = @ResourceArg(name = "database", value = "portal_test"))
class AnonymousAccessTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void aContributionsPageSendsTheBrowserToKeycloakWithPkce() {
        for (String path : new String[] { "/contributions", "/contributions/7f1c9a52-0000-4000-8000-000000000000/about",
                "/calls/7f1c9a52-0000-4000-8000-000000000000/contribute" }) {
            Response response = given().redirects().follow(false).cookie("portal-lang", "fr").when().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            URI location = URI.create(response.header("Location"));
            assertThat(location.toString()).as(path).startsWith(Stack.issuer() + "/protocol/openid-connect/auth");
            assertThat(location.getQuery()).contains("code_challenge_method=S256").contains("client_id=contributor-portal")
                    // Keycloak's sign-in and registration pages in the portal's language.
                    .contains("ui_locales=fr");
            assertThat(response.header("Set-Cookie")).contains("q_auth").contains("portal").containsIgnoringCase("HttpOnly");
        }
    }

    @Test
    void aPostWithoutASessionOrWithoutTheCsrfTokenChangesNothing() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("title", "x")
                .when().post("/calls/7f1c9a52-0000-4000-8000-000000000000/contribute").then().statusCode(302)
                .header("Location", startsWith(Stack.issuer()));
        // The receipt check is open to anyone, and still needs the form's token.
        given().multiPart("jws", "eyJhbGciOiJFUzI1NiJ9.e30.x").when().post("/verify").then().statusCode(400);
    }

    @Test
    void theReceiptCheckHealthAndStylesNeedNoSession() {
        given().when().get(health).then().statusCode(200);
        // Prometheus' scrape (deploy/kubernetes/base/monitoring), on the management port only
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().redirects().follow(false).when().get("/q/metrics").then().statusCode(org.hamcrest.Matchers.not(200));
        given().header("Accept-Language", "es").when().get("/verify").then().statusCode(200)
                .body(containsString("Verificar un acuse de recibo")).body(containsString("lang=\"es\""));
        given().when().get("/static/portal.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", equalTo("DENY"));
        given().when().get("/static/web.css").then().statusCode(200);
    }

    @Test
    void aLinksLanguageIsRememberedAndTheSwitchNeverLeavesThePortal() {
        given().when().get("/verify?lang=fr").then().statusCode(200).cookie("portal-lang", "fr")
                .body(containsString("Vérifier un accusé de réception"));
        given().redirects().follow(false).when().get("/language/es?return=/verify").then().statusCode(303)
                .header("Location", endsWith("/verify")).cookie("portal-lang", "es");
        String away = given().redirects().follow(false).queryParam("return", "//evil.example/x").when().get("/language/en")
                .then().statusCode(303).extract().header("Location");
        assertThat(URI.create(away).getHost()).isEqualTo("localhost");
    }

    @Test
    void theApiAwayIsATemporarilyUnavailablePage() {
        given().header("Accept-Language", "fr").when().get("/").then().statusCode(503).header("Retry-After", "30")
                .body(containsString("Momentanément indisponible"));
    }
}
