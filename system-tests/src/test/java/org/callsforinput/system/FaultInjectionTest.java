package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Faults injected into real processes: submission-service killed with -9 while clients submit with Idempotency-Keys,
 * and its object storage hung (a proxy that accepts connections and answers nothing). What a client sees afterwards
 * is what the README promises; the times measured are printed ({@code FAULT-TIMING}) for docs/benchmarks.md.
 */
class FaultInjectionTest {

    private static final String BUCKET = "submissions-faults";

    private final StackInfo info = StackInfo.load();
    private final Path repo = StackInfo.findRepoRoot();
    private final Path logs = repo.resolve("system-tests/target/service-logs/faults");
    private ServiceProcess service;
    private ServiceProcess review;
    private ServiceProcess publication;
    private TcpProxy storage;
    private HttpServer receiver;

    @AfterEach
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (review != null) {
            review.close();
        }
        if (publication != null) {
            publication.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void killedDuringConcurrentSubmitsEveryKeyReplaysItsFirstAnswerOrRunsOnce() throws Exception {
        int port = Platform.freePort();
        service = start(port, Map.of());
        String base = service.baseUrl();
        String call = newCall(base);
        int clients = 12;
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String draft = draft(base, call);
            given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                    .body(TestDocuments.docx("crash round " + i)).queryParam("fileName", "c" + i + ".docx")
                    .when().post(base + "/submissions/" + draft + "/documents").then().statusCode(201);
            drafts.add(draft);
        }
        String token = Tokens.client("partner-odh");
        List<String> keys = drafts.stream().map(d -> "submit-" + d).toList();
        List<Integer> firstAnswers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String draft = drafts.get(i);
            String key = keys.get(i);
            sent.add(pool.submit(() -> {
                try {
                    firstAnswers.add(given().auth().oauth2(token).header("Idempotency-Key", key)
                            .when().post(base + "/submissions/" + draft + "/submit").statusCode());
                } catch (Exception e) {
                    firstAnswers.add(-1); // the connection died with the process
                }
            }));
        }
        // Killed while the submits run: some committed, some in flight, some not started.
        Thread.sleep(150);
        ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !service.isAlive());
        for (Future<?> f : sent) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long killedAt = System.nanoTime();
        service = start(port, Map.of());
        long readyAt = System.nanoTime();

        // Every retry with the same key ends with the receipt: replayed when the first commit happened, run once
        // when it did not; never "already submitted", never a second receipt.
        long lastInProgress = readyAt;
        for (int i = 0; i < clients; i++) {
            String draft = drafts.get(i);
            String key = keys.get(i);
            Response answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().auth().oauth2(token).header("Idempotency-Key", key)
                            .when().post(base + "/submissions/" + draft + "/submit"), r -> r.statusCode() != 409);
            assertThat(answer.statusCode()).as("retry of %s", key).isEqualTo(200);
            lastInProgress = Math.max(lastInProgress, System.nanoTime());
            String receipt = answer.path("jws");
            given().auth().oauth2(token).when().get(base + "/submissions/" + draft + "/receipt")
                    .then().statusCode(200).body("jws", equalTo(receipt));
            given().auth().oauth2(token).when().get(base + "/submissions/" + draft)
                    .then().body("status", equalTo("RECEIVED")).body("documents.size()", equalTo(1));
        }
        System.out.printf("FAULT-TIMING submit-crash: first answers %s; restart to ready %d ms; every key answered"
                + " %d ms after ready%n", firstAnswers, TimeUnit.NANOSECONDS.toMillis(readyAt - killedAt),
                TimeUnit.NANOSECONDS.toMillis(lastInProgress - readyAt));
    }

    @Test
    void hungStorageAnswers503WithinSecondsAndKeepsNothing() throws Exception {
        storage = TcpProxy.to(URI.create(info.s3Endpoint()).getPort());
        service = start(Platform.freePort(), Map.of("STORAGE_ENDPOINT", "http://127.0.0.1:" + storage.port(),
                "STORAGE_READ_TIMEOUT", "5s", "STORAGE_WRITE_TIMEOUT", "5s"));
        String base = service.baseUrl();
        String draft = draft(base, newCall(base));

        storage.freeze();
        long start = System.nanoTime();
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .header("Idempotency-Key", "hung-" + draft)
                .body(TestDocuments.docx("storage hangs")).queryParam("fileName", "hung.docx")
                .when().post(base + "/submissions/" + draft + "/documents")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("urn:calls-for-input:problem:storage-unavailable"));
        long answeredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(answeredMs).isLessThan(20_000);

        // Storage back: nothing half-done stayed (no document), and the same key runs the upload now.
        storage.thaw();
        given().auth().oauth2(Tokens.client("partner-odh")).when().get(base + "/submissions/" + draft)
                .then().body("documents.size()", equalTo(0));
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .header("Idempotency-Key", "hung-" + draft)
                .body(TestDocuments.docx("storage hangs")).queryParam("fileName", "hung.docx")
                .when().post(base + "/submissions/" + draft + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().get(base + "/submissions/" + draft)
                .then().body("documents.size()", equalTo(1));
        System.out.printf("FAULT-TIMING hung-storage: upload answered 503 after %d ms (read/write timeout 5 s)%n", answeredMs);
    }

    @Test
    void restartedConsumerTakesEventsAgainWithinSecondsOfReady() throws Exception {
        service = start(Platform.freePort(), Map.of());
        int reviewPort = Platform.freePort();
        review = startReview(reviewPort);
        String base = service.baseUrl();
        String call = newCall(base);
        String before = submitted(base, call, "before the crash");
        await().atMost(Duration.ofSeconds(60)).until(() -> Platform.caseOf(review.baseUrl(), before) != null);

        ProcessHandle.of(review.pid()).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !review.isAlive());
        review = startReview(reviewPort);
        long ready = System.nanoTime();
        String after = submitted(base, call, "after the restart");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Platform.caseOf(review.baseUrl(), after) != null);
        long flowingMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready);
        System.out.printf("FAULT-TIMING consumer-restart: review-service killed -9 and restarted; a new submission's"
                + " case %d ms after ready (static member %s)%n", flowingMs, "review-service-review_e2e");
    }

    /**
     * publication-service killed -9 while it holds a contribution's lease (its copy hangs on a frozen storage), right
     * after the coordinator's approval: a restarted instance takes the contribution over once the 20 s lease has
     * run out, and publishes it once: one contribution, one document as received, one signed webhook delivery.
     */
    @Test
    void publicationKilledHoldingItsLeaseIsTakenOverWithinSecondsAndPublishedOnce() throws Exception {
        List<String> deliveries = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/un-site", exchange -> {
            deliveries.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        storage = TcpProxy.to(URI.create(info.s3Endpoint()).getPort());
        service = start(Platform.freePort(), Map.of());
        review = startReview(Platform.freePort());
        int publicationPort = Platform.freePort();
        // Through the proxy, with reads that wait long enough for the kill to find the copy still hanging.
        publication = startPublication(publicationPort, Map.of("STORAGE_ENDPOINT", "http://127.0.0.1:" + storage.port(),
                "STORAGE_READ_TIMEOUT", "60s", "STORAGE_WRITE_TIMEOUT", "60s"));
        String pub = publication.baseUrl();
        given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/un-site",
                        "eventTypes", List.of("publication.published")))
                .when().post(pub + "/admin/webhooks/subscriptions").then().statusCode(201);
        String base = service.baseUrl();
        String call = newCall(base);
        String slug = given().auth().oauth2(Tokens.user("callmanager")).when().get(base + "/calls/" + call)
                .then().extract().path("slug");
        byte[] docx = TestDocuments.docx("taken over after a crash");
        String submission = submitted(base, call, docx);
        String caseId = await().atMost(Duration.ofSeconds(60)).until(() -> Platform.caseOf(review.baseUrl(), submission), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get(review.baseUrl() + "/cases/" + caseId).then().body("documents[0].textState", equalTo("EXTRACTED")));
        Platform.act(review.baseUrl(), caseId, "reviewer1", "POST", "claim", null);
        Platform.act(review.baseUrl(), caseId, "reviewer1", "PUT", "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE"));
        Platform.act(review.baseUrl(), caseId, "reviewer1", "POST", "decision", Map.of("decision", "PUBLISH", "reason", "Within the mandate"));

        storage.freeze();
        Platform.act(review.baseUrl(), caseId, "coordinator1", "POST", "decision/approval", null);
        // Claimed: the lease is taken (attempts counted) and the copy hangs on the frozen storage.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> attempts(submission) >= 1);
        ProcessHandle.of(publication.pid()).ifPresent(ProcessHandle::destroyForcibly);
        long killedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> !publication.isAlive());
        storage.thaw();

        publication = startPublication(publicationPort, Map.of());
        long readyAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().when().get(pub + "/public/calls/" + slug).then().extract().jsonPath().getList("groups"),
                groups -> groups != null && !groups.isEmpty());
        long publishedAt = System.nanoTime();

        var json = given().when().get(pub + "/public/calls/" + slug).then().extract().jsonPath();
        assertThat(json.getList("groups.contributions.flatten()")).hasSize(1);
        assertThat(json.getList("groups[0].contributions[0].documents")).hasSize(1);
        assertThat(given().when().get(pub + json.getString("groups[0].contributions[0].documents[0].path"))
                .then().statusCode(200).extract().asByteArray()).isEqualTo(docx);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries.isEmpty());
        Thread.sleep(3_000); // a second delivery, were there one, would come within the webhook interval (1 s)
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0)).contains("publication.published");
        assertThat(attempts(submission)).as("attempts after the takeover").isGreaterThanOrEqualTo(2);
        long fromKill = TimeUnit.NANOSECONDS.toMillis(publishedAt - killedAt);
        System.out.printf("FAULT-TIMING publication-takeover: killed -9 holding a 20 s lease; restarted instance ready"
                + " %d ms after the kill; published %d ms after the kill%n",
                TimeUnit.NANOSECONDS.toMillis(readyAt - killedAt), fromKill);
        assertThat(fromKill).as("ms from the kill to the publication").isLessThan(30_000);
    }

    private ServiceProcess startPublication(int port, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("STORAGE_BUCKET", "publication-faults",
                "PUBLICATION_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32"));
        env.putAll(extra);
        return ServiceProcess.start(info, repo, "publication-service", "publication_e2e", port, Platform.freePort(), env, logs);
    }

    private static int attempts(String submission) throws Exception {
        try (java.sql.Connection c = Platform.connect("publication_e2e");
                java.sql.PreparedStatement q = c.prepareStatement("select attempts from contribution where submission_id = ?")) {
            q.setObject(1, UUID.fromString(submission));
            try (java.sql.ResultSet r = q.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private ServiceProcess startReview(int port) {
        return ServiceProcess.start(info, repo, "review-service", "review_e2e", port, Platform.freePort(),
                Map.of("STORAGE_BUCKET", "review-faults", "REVIEW_DOCUMENTS_INTERVAL", "1s"), logs);
    }

    private static String submitted(String base, String call, String text) {
        return submitted(base, call, TestDocuments.docx(text));
    }

    private static String submitted(String base, String call, byte[] docx) {
        String draft = draft(base, call);
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .body(docx).queryParam("fileName", "c.docx")
                .when().post(base + "/submissions/" + draft + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().post(base + "/submissions/" + draft + "/submit")
                .then().statusCode(200);
        return draft;
    }

    private ServiceProcess start(int port, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("STORAGE_BUCKET", BUCKET));
        env.putAll(extra);
        return ServiceProcess.start(info, repo, "submission-service", "submission_e2e", port, Platform.freePort(), env, logs);
    }

    private static String newCall(String base) {
        return Platform.openCall(base, "faults-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of());
    }

    private static String draft(String base, String call) {
        return given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON)
                .body(Map.of("callId", call, "organisationName", "Observatoire des droits humains", "submitterCategory", "NHRI",
                        "country", "FR", "contact", Map.of("name", "Camille Martin", "email", "camille.martin@example.org"),
                        "language", "fr", "title", "Fault test"))
                .when().post(base + "/submissions").then().statusCode(201).extract().path("id");
    }

}
