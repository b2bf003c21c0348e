package org.callsforinput.platform.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the OpenID provider (Keycloak) publishes its configuration, so tokens can be verified. */
@Readiness
@ApplicationScoped
public class OidcReadiness implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI discovery;

    // Quarkus's own setting, read as a property (a mapping may not take the prefix quarkus).
    public OidcReadiness(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return HealthCheckResponse.named("oidc").status(response.statusCode() == 200)
                    .withData("status", response.statusCode()).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("oidc").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
