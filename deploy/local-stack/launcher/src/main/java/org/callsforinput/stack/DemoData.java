package org.callsforinput.stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Demo data for {@code ./platform run}: an open call for input modelled on the EMLER 2023 call, created through
 * submission-service's API as the demo call manager. Skipped when it exists already (data is kept between runs).
 */
final class DemoData {

    static final String SLUG = "demo-emler-racial-justice";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StackInfo info;
    private final String submissionUrl;
    private final String intakeEmail;

    /** {@code intakeEmail}: the call's address for contributions by e-mail (mail-intake). */
    DemoData(StackInfo info, String submissionUrl, String intakeEmail) {
        this.info = info;
        this.submissionUrl = submissionUrl;
        this.intakeEmail = intakeEmail;
    }

    /** Returns a line for the summary. */
    String ensure() {
        try {
            String token = token();
            for (String status : new String[] { "OPEN", "CLOSED", "DRAFT" }) {
                if (send(get("/calls?status=" + status, token)).body().contains("\"slug\":\"" + SLUG + "\"")) {
                    return "Demo call '" + SLUG + "' is there from an earlier run";
                }
            }
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(submissionUrl + "/calls"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(callJson())).build());
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                return "Demo call not created: " + created.statusCode() + " " + created.body();
            }
            send(HttpRequest.newBuilder(URI.create(submissionUrl + "/calls/" + id.group(1) + "/open"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
            return "Demo call '" + SLUG + "' created and opened: " + submissionUrl + "/calls/" + id.group(1);
        } catch (Exception e) {
            return "Demo call not created: " + e.getMessage();
        }
    }

    private String callJson() {
        LocalDate deadline = LocalDate.now().plusDays(30);
        return """
                {"slug":"%s","referencePrefix":"EMLER-DEMO",
                 "mandate":"Expert Mechanism to Advance Racial Justice and Equality in the context of Law Enforcement",
                 "title":{"en":"Call for input: racial justice in law enforcement",
                          "fr":"Appel à contributions : justice raciale dans le maintien de l'ordre",
                          "es":"Convocatoria de aportes: justicia racial en la aplicación de la ley"},
                 "description":{"en":"Written contributions in Word format, with hyperlinks to websites, documents, statistics, regulations and legislation. Information outside the mandate is not considered. Unless indicated otherwise, contributions are published in full and as received."},
                 "themes":[{"key":"accountability","label":{"en":"Accountability and redress","fr":"Responsabilité et réparation","es":"Rendición de cuentas y reparación"}},
                           {"key":"data","label":{"en":"Data collection","fr":"Collecte de données","es":"Recopilación de datos"}},
                           {"key":"profiling","label":{"en":"Racial profiling","fr":"Profilage racial","es":"Perfilado racial"}},
                           {"key":"use-of-force","label":{"en":"Use of force","fr":"Usage de la force","es":"Uso de la fuerza"}}],
                 "opensAt":"%s","deadline":"%sT23:59:00","timeZone":"Europe/Zurich","latePolicy":"ACCEPT_FLAGGED",
                 "intakeEmail":"%s"}
                """.formatted(SLUG, Instant.now().minusSeconds(3600), deadline, intakeEmail);
    }

    private String token() throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "review-ui", "username", "callmanager",
                "password", info.demoPassword());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(info.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("no token for the demo call manager (" + response.statusCode() + ")");
        }
        return token.group(1);
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(submissionUrl + path)).header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
