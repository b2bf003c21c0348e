package org.callsforinput.console.web;

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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Without a session: every page sends the browser to Keycloak with PKCE, and nothing else is served. */
@QuarkusTest
@QuarkusTestResource(value = StackResource.class, initArgs = @ResourceArg(name = "database", value = "console_test"))
class AnonymousAccessTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void aPageSendsTheBrowserToKeycloakWithPkceAndAStateCookie() {
        for (String path : new String[] { "/", "/calls", "/cases", "/cases/7f1c9a52-0000-4000-8000-000000000000", "/calls/new" }) {
            Response response = given().redirects().follow(false).when().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            URI location = URI.create(response.header("Location"));
            assertThat(location.toString()).as(path).startsWith(Stack.issuer() + "/protocol/openid-connect/auth");
            assertThat(location.getQuery()).contains("code_challenge_method=S256").contains("code_challenge=")
                    .contains("response_type=code").contains("client_id=secretariat-console");
            assertThat(response.header("Set-Cookie")).contains("q_auth").containsIgnoringCase("HttpOnly").contains("Secure");
        }
    }

    @Test
    void aPostWithoutASessionChangesNothingAndIsSentToSignIn() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("slug", "x")
                .when().post("/calls").then().statusCode(302).header("Location", startsWith(Stack.issuer()));
    }

    @Test
    void healthOnTheManagementPortStylesAndTheSignedOutPageNeedNoSession() {
        given().when().get(health).then().statusCode(200);
        given().redirects().follow(false).when().get("/q/health/ready").then().statusCode(302);
        // Prometheus' scrape (deploy/kubernetes/base/monitoring), on the management port only
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().redirects().follow(false).when().get("/q/metrics").then().statusCode(org.hamcrest.Matchers.not(200));
        given().when().get("/static/web.css").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", equalTo("DENY"));
        given().header("Accept-Language", "es").when().get("/signed-out").then().statusCode(200)
                .body(containsString("Sesión cerrada")).body(containsString("lang=\"es\""));
    }

    @Test
    void theLanguageSwitchSetsACookieAndNeverLeavesTheConsole() {
        given().redirects().follow(false).when().get("/language/fr?return=/cases?view=mine").then().statusCode(303)
                .header("Location", endsWith("/cases?view=mine")).cookie("console-lang", "fr");
        for (String away : new String[] { "//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)" }) {
            String location = given().redirects().follow(false).queryParam("return", away).when().get("/language/es")
                    .then().statusCode(303).extract().header("Location");
            // Back to the console's own start page, on the host the request came to.
            assertThat(URI.create(location).getHost()).as(away).isEqualTo("localhost");
            assertThat(URI.create(location).getPath()).as(away).isEqualTo("/");
        }
        given().redirects().follow(false).when().get("/language/de").then().statusCode(404);
        given().cookie("console-lang", "fr").when().get("/signed-out").then().body(containsString("Déconnecté"));
    }
}
