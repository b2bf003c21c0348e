package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.stack.InfrastructureProcess;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Public reads stay in rotation while Kafka and Keycloak are away (docs/architecture.md "Health and metrics"):
 * publication-service's readiness is its database and its bucket only, so {@code /q/health/ready} stays UP and its
 * pages, JSON and feeds answer 200 with Kafka killed and Keycloak unreachable, also for an instance started during the
 * outage; a call opened meanwhile is only delayed. Kafka is the test's own process; Keycloak is the shared test stack's,
 * reached by publication-service through a proxy that the test closes (the stack's Keycloak itself stays up).
 */
class PublicReadsReadinessTest {

    private final StackInfo info = StackInfo.load();
    private final Path repo = StackInfo.findRepoRoot();
    private final Path target = repo.resolve("system-tests/target");
    private final Path logs = target.resolve("service-logs/public-reads-readiness");
    private InfrastructureProcess kafka;
    private TcpProxy keycloak;
    private ServiceProcess submission;
    private ServiceProcess publication;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] { publication, submission, keycloak, kafka }) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Stopping what is left; the test's own assertions have spoken.
                }
            }
        }
    }

    @Test
    void publicationStaysReadyAndServesItsPagesWhileKafkaAndKeycloakAreAway() throws Exception {
        kafka = InfrastructureProcess.kafka(repo, target.resolve("readiness-kafka"), Platform.freePort());
        URI issuer = URI.create(Stack.issuer());
        keycloak = TcpProxy.to(issuer.getPort());
        int keycloakPort = keycloak.port();
        Map<String, String> publicationEnv = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.endpoint(),
                "STORAGE_BUCKET", "publication-readiness",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + keycloakPort + issuer.getPath());
        submission = ServiceProcess.start(info, repo, "submission-service", "submission_e2e", Platform.freePort(),
                Platform.freePort(), Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.endpoint(), "STORAGE_BUCKET",
                        "submissions-readiness"), logs);
        publication = startPublication(publicationEnv);
        given().when().get(publication.managementUrl() + "/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("object-storage"))
                .body("checks.name", not(hasItem("oidc")))
                .body("checks.name", not(hasItem("Kafka connection health check")));
        String before = "readiness-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.openCall(submission.baseUrl(), before, "data", Map.of());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get(publication.baseUrl() + "/public/calls/" + before).statusCode() == 200);

        kafka.kill();
        keycloak.close();
        // Kafka's own checks notice a dead broker within seconds; the OIDC check within its 2 s timeout. Readiness
        // and the pages must hold for longer than that, and the call opened meanwhile waits in submission's outbox.
        String during = "readiness-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.openCall(submission.baseUrl(), during, "data", Map.of());
        await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertReadsUp(publication, before);
                    // submission-service's readiness leaves Kafka out as well: its intake goes on through the outbox.
                    given().when().get(submission.managementUrl() + "/q/health/ready").then().statusCode(200);
                });

        // An instance (re)started while both are away becomes ready and serves at once.
        publication.close();
        publication = startPublication(publicationEnv);
        assertReadsUp(publication, before);
        // Started without the realm's keys, its admin API answers "retry later" rather than an internal error.
        assertThat(adminStatus(publication)).isEqualTo("503 application/problem+json identity-unavailable");
        given().when().get(publication.baseUrl() + "/public/calls/" + during).then().statusCode(404);

        kafka.restart();
        keycloak = TcpProxy.on(keycloakPort, issuer.getPort());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get(publication.baseUrl() + "/public/calls/" + during).statusCode() == 200);
        System.out.println("READINESS public reads: publication-service ready and its pages 200 for 20 s with Kafka killed"
                + " and Keycloak unreachable, and after a restart during the outage; the call opened meanwhile published"
                + " once both were back");
    }

    private ServiceProcess startPublication(Map<String, String> env) {
        return ServiceProcess.start(info, repo, "publication-service", "publication_e2e", Platform.freePort(),
                Platform.freePort(), env, logs);
    }

    /** Readiness and liveness UP, and the public page, its JSON and the feeds 200. */
    private static void assertReadsUp(ServiceProcess publication, String slug) {
        given().when().get(publication.managementUrl() + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().when().get(publication.managementUrl() + "/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
        for (String path : List.of("/calls/" + slug, "/public/calls/" + slug, "/public/calls", "/public/feed",
                "/public/calls/" + slug + "/feed")) {
            assertThat(given().when().get(publication.baseUrl() + path).statusCode()).as(path).isEqualTo(200);
        }
    }

    /** What the admin API answers a valid token while Keycloak is away: status, media type and a 503's problem type. */
    private static String adminStatus(ServiceProcess publication) {
        var response = given().auth().oauth2(Tokens.user("callmanager")).when()
                .get(publication.baseUrl() + "/admin/webhooks/subscriptions");
        String answer = response.statusCode() + " " + response.contentType();
        if (response.statusCode() == 503) {
            assertThat(response.header("Retry-After")).isNotNull();
            String type = response.jsonPath().getString("type");
            answer += " " + type.substring(type.lastIndexOf(':') + 1);
        }
        return answer;
    }
}
