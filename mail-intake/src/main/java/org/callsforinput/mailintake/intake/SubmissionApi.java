package org.callsforinput.mailintake.intake;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.mailintake.config.MailIntakeConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * submission-service's public API as mail-intake's service account (client credentials, role {@code mail-intake}).
 * Every POST carries an Idempotency-Key derived from the mail, so that a mail taken again after a crash replays the
 * first answers instead of creating anything twice. Answers come back as they are; the caller decides what a
 * status means. Each request carries the current trace context ({@code traceparent}; nothing while tracing is off).
 */
@ApplicationScoped
public class SubmissionApi {

    /** A status and its JSON body ({@code null} when there was none). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /**
         * Worth trying again later: the service or something behind it is away, the first try still runs, or a large
         * attachment is still being checked (submitting waits for its verdict).
         */
        public boolean transientFailure() {
            return status >= 500 || status == 429 || status == 409
                    && List.of("idempotency-key-in-progress", "document-being-checked").contains(problemType());
        }

        public String problemType() {
            if (body == null || !body.hasNonNull("type")) {
                return "";
            }
            String type = body.get("type").asText();
            // urn:calls-for-input:problem:<slug>
            return type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1);
        }

        /** The problem's detail, else its title: safe to show the sender (problem bodies never carry internals). */
        public String problemText() {
            if (body == null) {
                return "HTTP " + status;
            }
            return body.hasNonNull("detail") ? body.get("detail").asText()
                    : body.hasNonNull("title") ? body.get("title").asText() : "HTTP " + status;
        }
    }

    /** submission-service could not be reached. */
    public static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final OidcClient oidc;
    private final ObjectMapper mapper;
    private final OpenTelemetry telemetry;
    private final String base;
    private Tokens tokens;

    public SubmissionApi(OidcClient oidc, ObjectMapper mapper, OpenTelemetry telemetry, MailIntakeConfig config) {
        this.oidc = oidc;
        this.mapper = mapper;
        this.telemetry = telemetry;
        this.base = config.submissionUrl().replaceAll("/+$", "");
    }

    public Answer calls() throws Unreachable {
        return send(HttpRequest.newBuilder(uri("/calls")).GET(), false);
    }

    public Answer createEmailDraft(Object request, String idempotencyKey) throws Unreachable {
        try {
            return send(HttpRequest.newBuilder(uri("/submissions/email"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request))), true);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer upload(String submissionId, String role, String fileName, Path file, String idempotencyKey)
            throws Unreachable {
        try {
            return send(HttpRequest.newBuilder(uri("/submissions/" + submissionId + "/documents?role=" + role + "&fileName="
                    + URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/octet-stream").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)), true);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException("spooled attachment gone: " + file, e);
        }
    }

    public Answer submit(String submissionId, String idempotencyKey) throws Unreachable {
        return send(HttpRequest.newBuilder(uri("/submissions/" + submissionId + "/submit"))
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.noBody()), true);
    }

    public Answer deleteDraft(String submissionId) throws Unreachable {
        return send(HttpRequest.newBuilder(uri("/submissions/" + submissionId)).DELETE(), true);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Answer send(HttpRequest.Builder request, boolean authenticated) throws Unreachable {
        request.timeout(Duration.ofMinutes(2));
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
        try {
            if (authenticated) {
                request.header("Authorization", "Bearer " + accessToken());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            JsonNode json = null;
            if (body.length > 0) {
                try {
                    json = mapper.readTree(body);
                } catch (IOException e) {
                    // Not JSON (a proxy's error page): the status says enough.
                }
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new Unreachable("submission-service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        } catch (RuntimeException e) {
            // The token endpoint away surfaces as an OIDC client exception.
            throw new Unreachable("no token: " + e.getMessage(), e);
        }
    }

    private synchronized String accessToken() {
        if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
            tokens = oidc.getTokens().await().atMost(Duration.ofSeconds(30));
        }
        return tokens.getAccessToken();
    }
}
