package org.callsforinput.system;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.Tokens;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The three service jars running as processes against the real test stack, each with its own database and bucket, and
 * its own free ports: the API's and the management interface's (health and metrics).
 */
final class Platform implements AutoCloseable {

    static final String SUBMISSION_BUCKET = "submissions-e2e";

    final ServiceProcess submission;
    final ServiceProcess review;
    final ServiceProcess publication;
    private final List<ServiceProcess> all = new ArrayList<>();
    private final Map<String, String> extraEnv;

    private Platform(StackInfo info, Path repo, Path logs, Map<String, String> extraEnv) {
        this.extraEnv = extraEnv;
        submission = start(info, repo, logs, "submission-service", "submission_e2e", SUBMISSION_BUCKET);
        review = start(info, repo, logs, "review-service", "review_e2e", "review-e2e");
        publication = start(info, repo, logs, "publication-service", "publication_e2e", "publication-e2e");
    }

    static Platform start() {
        return start(Map.of());
    }

    /** The three services with more environment variables for each (tracing on, for example). */
    static Platform start(Map<String, String> extraEnv) {
        StackInfo info = StackInfo.load();
        Path repo = StackInfo.findRepoRoot();
        Platform platform = null;
        try {
            platform = new Platform(info, repo, repo.resolve("system-tests/target/service-logs"), extraEnv);
            return platform;
        } catch (RuntimeException e) {
            if (platform != null) {
                platform.close();
            }
            throw e;
        }
    }

    static java.sql.Connection connect(String database) throws java.sql.SQLException {
        StackInfo info = StackInfo.load();
        return java.sql.DriverManager.getConnection(info.jdbcUrl(database), info.pgUser(), info.pgPassword());
    }

    private ServiceProcess start(StackInfo info, Path repo, Path logs, String service, String database, String bucket) {
        try {
            Map<String, String> env = new java.util.HashMap<>(Map.of("STORAGE_BUCKET", bucket, "REVIEW_DOCUMENTS_INTERVAL", "1s"));
            if (service.equals("publication-service")) {
                // Webhook receivers in these tests listen on loopback, which the default SSRF policy refuses.
                env.put("PUBLICATION_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
                // Open calls link to the test stack's portal.
                env.put("PUBLICATION_PORTAL_URL", org.callsforinput.testing.Stack.get("portal.url"));
            }
            env.putAll(extraEnv);
            ServiceProcess process = ServiceProcess.start(info, repo, service, database, freePort(), freePort(), env, logs);
            all.add(process);
            return process;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * secretariat-console against these services, on the test stack's console port (the realm's redirect URIs name
     * it), with its own database; {@code reviewUrl} lets a test put a proxy between the console and review-service.
     */
    ServiceProcess startConsole(String reviewUrl) {
        StackInfo info = StackInfo.load();
        Path repo = StackInfo.findRepoRoot();
        int port = java.net.URI.create(org.callsforinput.testing.Stack.get("console.url")).getPort();
        Map<String, String> env = ServiceProcess.consoleEnvironment(submission.baseUrl(), reviewUrl, publication.baseUrl(),
                org.callsforinput.testing.Stack.get("client.secretariat-console.secret"));
        ServiceProcess console = ServiceProcess.start(info, repo, "secretariat-console", "console_e2e", port, freePort(), env,
                repo.resolve("system-tests/target/service-logs"));
        all.add(console);
        return console;
    }

    ServiceProcess startPortal() {
        StackInfo info = StackInfo.load();
        Path repo = StackInfo.findRepoRoot();
        int port = java.net.URI.create(org.callsforinput.testing.Stack.get("portal.url")).getPort();
        Map<String, String> env = ServiceProcess.portalEnvironment(submission.baseUrl(), publication.baseUrl(),
                org.callsforinput.testing.Stack.get("client.contributor-portal.secret"));
        ServiceProcess portal = ServiceProcess.start(info, repo, "contributor-portal", "portal_e2e", port, freePort(), env,
                repo.resolve("system-tests/target/service-logs"));
        all.add(portal);
        return portal;
    }

    static int freePort() {
        return TcpProxy.freePort();
    }

    /**
     * Creates a call through submission-service as the call manager and opens it: one thematic area {@code theme},
     * opened an hour ago, deadline in ten days (Europe/Zurich), late contributions refused; {@code more} adds or
     * replaces fields of the request (an intake address, a file size limit, ...). Returns the call's id.
     */
    static String openCall(String submission, String slug, String theme, Map<String, Object> more) {
        Map<String, Object> call = new java.util.HashMap<>(Map.of("slug", slug, "mandate", "Expert Mechanism",
                "title", Map.of("en", "Call " + slug), "themes", List.of(Map.of("key", theme, "label", Map.of("en", theme))),
                "opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "deadline", LocalDateTime.now(ZoneId.of("Europe/Zurich")).plusDays(10).truncatedTo(ChronoUnit.MINUTES).toString(),
                "timeZone", "Europe/Zurich", "latePolicy", "REJECT"));
        call.putAll(more);
        String id = RestAssured.given().auth().oauth2(Tokens.user("callmanager")).contentType(ContentType.JSON)
                .body(call).when().post(submission + "/calls").then().statusCode(201).extract().path("id");
        RestAssured.given().auth().oauth2(Tokens.user("callmanager")).when().post(submission + "/calls/" + id + "/open")
                .then().statusCode(200);
        return id;
    }

    /** A partner's draft for {@code call} (an NHRI in France, in French), through submission-service; its id. */
    static String draft(String submission, String call) {
        return RestAssured.given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("callId", call, "organisationName", "Observatoire des droits humains", "submitterCategory", "NHRI",
                        "country", "FR", "contact", Map.of("name", "Camille Martin", "email", "camille.martin@example.org"),
                        "language", "fr", "title", "Fault test"))
                .when().post(submission + "/submissions").then().statusCode(201).extract().path("id");
    }

    /** A partner's submission of one Word document, received (200 with its receipt); its id. */
    static String submitted(String submission, String call, byte[] docx) {
        String draft = draft(submission, call);
        RestAssured.given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .body(docx).queryParam("fileName", "c.docx")
                .when().post(submission + "/submissions/" + draft + "/documents").then().statusCode(201);
        RestAssured.given().auth().oauth2(Tokens.client("partner-odh")).when().post(submission + "/submissions/" + draft + "/submit")
                .then().statusCode(200);
        return draft;
    }

    /** The id of the review case that review-service made of a submission, or null while there is none yet. */
    static String caseOf(String review, String submissionId) {
        List<String> ids = RestAssured.given().auth().oauth2(Tokens.user("reviewer1")).when()
                .get(review + "/cases?size=200&sort=-updatedAt").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.submissionId == '" + submissionId + "' }.id");
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Review cases per submission id, for those that have one. */
    static Map<String, Integer> casesOf(List<String> submissions) throws Exception {
        try (java.sql.Connection c = Platform.connect("review_e2e");
                java.sql.PreparedStatement q = c.prepareStatement("select submission_id, count(*) from review_case"
                        + " where submission_id = any (?) group by submission_id")) {
            q.setArray(1, c.createArrayOf("uuid", submissions.stream().map(java.util.UUID::fromString).toArray()));
            Map<String, Integer> counts = new java.util.HashMap<>();
            try (java.sql.ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                }
            }
            return counts;
        }
    }

    /** A reviewer's or coordinator's step on a case ({@code claim}, {@code screening}, ...), with its current ETag; 200. */
    static void act(String review, String caseId, String user, String method, String action, Object body) {
        String url = review + "/cases/" + caseId;
        String etag = RestAssured.given().auth().oauth2(Tokens.user(user)).when().get(url).then().statusCode(200)
                .extract().header("ETag");
        var request = RestAssured.given().auth().oauth2(Tokens.user(user)).header("If-Match", etag);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.when().request(method.toUpperCase(java.util.Locale.ROOT), url + "/" + action).then().statusCode(200);
    }

    @Override
    public void close() {
        all.forEach(ServiceProcess::close);
    }
}
