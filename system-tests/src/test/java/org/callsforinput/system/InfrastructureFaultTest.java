package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.callsforinput.stack.InfrastructureProcess;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.restassured.http.ContentType;

/**
 * The infrastructure itself fails under the services: Kafka killed with -9 while contributors submit, then started
 * again on its data; the S3 server frozen (SIGSTOP) and then killed. Each runs as the test's own process (its own
 * ports and data), so the shared test stack is untouched. Times measured are printed ({@code FAULT-TIMING}) for
 * docs/benchmarks.md.
 */
class InfrastructureFaultTest {

    private final StackInfo info = StackInfo.load();
    private final Path repo = StackInfo.findRepoRoot();
    private final Path target = repo.resolve("system-tests/target");
    private final Path logs = target.resolve("service-logs/infrastructure-faults");
    private InfrastructureProcess infrastructure;
    private ServiceProcess submission;
    private ServiceProcess review;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] { submission, review, infrastructure }) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Stopping what is left; the test's own assertions have spoken.
                }
            }
        }
    }

    /**
     * Contributors keep submitting while Kafka is killed and while it is away: every submission is acknowledged (the
     * event waits in the outbox), and once Kafka is back every one of them becomes exactly one review case, with the
     * document's SHA-256 as received.
     */
    @Test
    void kafkaKilledWhileContributorsSubmitLosesNoEventAndDuplicatesNoCase() throws Exception {
        infrastructure = InfrastructureProcess.kafka(repo, target.resolve("faults-kafka"), Platform.freePort());
        String kafka = infrastructure.endpoint();
        submission = ServiceProcess.start(info, repo, "submission-service", "submission_e2e", Platform.freePort(),
                Platform.freePort(), Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "STORAGE_BUCKET", "submissions-kafka-faults"), logs);
        review = ServiceProcess.start(info, repo, "review-service", "review_e2e", Platform.freePort(), Platform.freePort(),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "STORAGE_BUCKET", "review-kafka-faults"), logs);
        String base = submission.baseUrl();
        String call = Platform.openCall(base, "kafka-faults-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of());
        String first = Platform.submitted(base, call, TestDocuments.docx("before Kafka fails"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Platform.casesOf(List.of(first)).containsKey(first));

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean kafkaAway = new AtomicBoolean();
        AtomicInteger duringOutage = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> sent = new java.util.ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int client = c;
            sent.add(clients.submit(() -> {
                for (int i = 0; running.get() && i < 25; i++) {
                    byte[] docx = TestDocuments.docx("client " + client + " submission " + i);
                    acknowledged.put(Platform.submitted(base, call, docx), sha256(docx));
                    if (kafkaAway.get()) {
                        duringOutage.incrementAndGet();
                    }
                    Thread.sleep(100);
                }
                return null;
            }));
        }
        Thread.sleep(1_500);
        infrastructure.kill();
        kafkaAway.set(true);
        Thread.sleep(4_000);
        // The backlog an alert watches: events waiting in the outbox, and for how long.
        assertThat(metric(submission, "platform_outbox_pending")).as("outbox backlog while Kafka is away").isPositive();
        assertThat(metric(submission, "platform_outbox_oldest_age_seconds")).as("its oldest event's age").isPositive();
        infrastructure.restart();
        kafkaAway.set(false);
        long readyAt = System.nanoTime();
        Thread.sleep(1_000);
        running.set(false);
        for (Future<?> f : sent) {
            f.get(60, TimeUnit.SECONDS); // a refused submission would fail the test here
        }
        clients.shutdown();

        List<String> ids = List.copyOf(acknowledged.keySet());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Platform.casesOf(ids).size() == ids.size());
        long flowingMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readyAt);
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(submission, "platform_outbox_pending") == 0);
        Map<String, Integer> cases = Platform.casesOf(ids);
        assertThat(cases.values()).as("cases per submission").containsOnly(1);
        assertThat(duringOutage.get()).as("submissions acknowledged while Kafka was away").isPositive();
        try (java.sql.Connection c = Platform.connect("review_e2e");
                java.sql.PreparedStatement q = c.prepareStatement("select c.submission_id, d.sha256, count(*) over (partition by c.id)"
                        + " from review_case c join case_document d on d.case_id = c.id where c.submission_id = any (?)")) {
            q.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (java.sql.ResultSet r = q.executeQuery()) {
                int rows = 0;
                while (r.next()) {
                    rows++;
                    assertThat(r.getString(2)).as("SHA-256 of %s", r.getString(1)).isEqualTo(acknowledged.get(r.getString(1)));
                    assertThat(r.getInt(3)).as("documents of %s", r.getString(1)).isEqualTo(1);
                }
                assertThat(rows).isEqualTo(ids.size());
            }
        }
        System.out.printf("FAULT-TIMING kafka-kill: %d submissions acknowledged (%d while Kafka was away), each one case;"
                + " the last case %d ms after Kafka was serving again%n", ids.size(), duringOutage.get(), flowingMs);
    }

    /**
     * The S3 server frozen (it holds the connection and answers nothing), then killed: uploads answer 503 with
     * Retry-After within the storage timeouts and leave no document; once it is back the same Idempotency-Key runs the
     * upload, and what was stored before is there with its SHA-256.
     */
    @Test
    void storageFrozenThenKilledAnswers503AndKeepsWhatWasStored() throws Exception {
        infrastructure = InfrastructureProcess.s3(repo, target.resolve("faults-s3"), Platform.freePort());
        String bucket = "submissions-s3-faults";
        submission = ServiceProcess.start(info, repo, "submission-service", "submission_e2e", Platform.freePort(),
                Platform.freePort(), Map.of("STORAGE_ENDPOINT", infrastructure.endpoint(), "STORAGE_BUCKET", bucket,
                        "STORAGE_READ_TIMEOUT", "5s", "STORAGE_WRITE_TIMEOUT", "5s"), logs);
        String base = submission.baseUrl();
        String call = Platform.openCall(base, "s3-faults-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of());
        byte[] before = TestDocuments.docx("stored before the storage failed");
        String stored = Platform.draft(base, call);
        upload(stored, before, "before-" + stored).then().statusCode(201);

        String draft = Platform.draft(base, call);
        infrastructure.freeze();
        long frozenMs = refusedMs(draft, "frozen-" + draft);
        infrastructure.thaw();
        infrastructure.kill();
        long killedMs = refusedMs(draft, "killed-" + draft);
        given().auth().oauth2(Tokens.client("partner-odh")).when().get(base + "/submissions/" + draft)
                .then().statusCode(200).body("documents.size()", equalTo(0));

        infrastructure.restart();
        byte[] after = TestDocuments.docx("storage is back");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> upload(draft, after, "killed-" + draft).statusCode(), s -> s == 201);
        for (String id : List.of(stored, draft)) {
            given().auth().oauth2(Tokens.client("partner-odh")).when().post(base + "/submissions/" + id + "/submit")
                    .then().statusCode(200).body("jws", notNullValue());
        }
        MinioClient minio = MinioClient.builder().endpoint(infrastructure.endpoint())
                .credentials(info.s3AccessKey(), info.s3SecretKey()).build();
        Map<String, byte[]> expected = Map.of(stored, before, draft, after);
        try (java.sql.Connection c = Platform.connect("submission_e2e");
                java.sql.PreparedStatement q = c.prepareStatement("select submission_id, object_key, sha256 from document"
                        + " where submission_id = any (?)")) {
            q.setArray(1, c.createArrayOf("uuid", new Object[] { UUID.fromString(stored), UUID.fromString(draft) }));
            try (java.sql.ResultSet r = q.executeQuery()) {
                int rows = 0;
                while (r.next()) {
                    rows++;
                    String expectedSha = sha256(expected.get(r.getString(1)));
                    assertThat(r.getString(3)).isEqualTo(expectedSha);
                    try (InputStream object = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(r.getString(2)).build())) {
                        assertThat(sha256(object.readAllBytes())).as("stored bytes of %s", r.getString(1)).isEqualTo(expectedSha);
                    }
                }
                assertThat(rows).as("one document per submission").isEqualTo(2);
            }
        }
        System.out.printf("FAULT-TIMING storage-frozen-killed: upload answered 503 after %d ms frozen (read/write timeout"
                + " 5 s), %d ms killed; the same key ran once it was back%n", frozenMs, killedMs);
    }

    /** A gauge's value on the service's {@code /q/metrics} (Prometheus text format). */
    private static double metric(ServiceProcess service, String name) {
        String metrics = given().when().get(service.managementUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " is not in /q/metrics"));
    }

    private long refusedMs(String draft, String key) {
        long start = System.nanoTime();
        upload(draft, TestDocuments.docx("storage away"), key).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("type", equalTo("urn:calls-for-input:problem:storage-unavailable"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(ms).as("ms to the 503").isLessThan(20_000);
        return ms;
    }

    private io.restassured.response.Response upload(String draft, byte[] docx, String key) {
        return given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .header("Idempotency-Key", key).body(docx).queryParam("fileName", "doc.docx")
                .when().post(submission.baseUrl() + "/submissions/" + draft + "/documents");
    }





    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
