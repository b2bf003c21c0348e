package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;

/**
 * The restore of docs/operations.md rehearsed on real processes: publication-service's database is backed up with
 * pg_dump and its bucket copied; after a second contribution is published the service is stopped, its database and
 * bucket are restored from that backup (the second publication is gone from both), its consumer group is reset to the
 * backup's time as the runbook says, and the restarted service catches up from Kafka: both contributions are public
 * again, each once, with the documents as received.
 */
class RestoreRehearsalTest {

    private static final String DATABASE = "publication_e2e";
    private static final String BUCKET = "publication-restore";

    private final StackInfo info = StackInfo.load();
    private final Path repo = StackInfo.findRepoRoot();
    private final Path logs = repo.resolve("system-tests/target/service-logs/restore");
    private final List<ServiceProcess> running = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ServiceProcess::close);
    }

    @Test
    void publicationRestoredFromABackupCatchesUpFromKafka() throws Exception {
        ServiceProcess submission = start("submission-service", "submission_e2e", Platform.freePort(), Map.of("STORAGE_BUCKET", "submissions-restore"));
        ServiceProcess review = start("review-service", "review_e2e", Platform.freePort(),
                Map.of("STORAGE_BUCKET", "review-restore", "REVIEW_DOCUMENTS_INTERVAL", "1s"));
        int publicationPort = Platform.freePort();
        ServiceProcess publication = start("publication-service", DATABASE, publicationPort, Map.of("STORAGE_BUCKET", BUCKET));
        String base = submission.baseUrl();
        String call = Platform.openCall(base, "restore-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of());
        String slug = given().auth().oauth2(Tokens.user("callmanager")).when().get(base + "/calls/" + call).then().extract().path("slug");
        byte[] first = TestDocuments.docx("published before the backup");
        published(review.baseUrl(), Platform.submitted(base, call, first));
        String pub = publication.baseUrl();
        await().atMost(Duration.ofSeconds(60)).until(() -> contributions(pub, slug) == 1);

        // The backup: the database with pg_dump while the service runs, the bucket copied object by object.
        Path backup = Files.createTempDirectory("restore-rehearsal");
        Instant backupAt = Instant.now();
        run("pg_dump", "--format=custom", "--file=" + backup.resolve("publication.dump"), "--dbname=" + DATABASE);
        MinioClient minio = MinioClient.builder().endpoint(info.s3Endpoint()).credentials(info.s3AccessKey(), info.s3SecretKey()).build();
        Map<String, byte[]> objects = objects(minio);
        assertThat(objects).as("the bucket's objects at the backup").isNotEmpty();

        byte[] second = TestDocuments.docx("published after the backup");
        String later = Platform.submitted(base, call, second);
        published(review.baseUrl(), later);
        await().atMost(Duration.ofSeconds(60)).until(() -> contributions(pub, slug) == 2);

        // The restore, service stopped: database and bucket as they were at the backup.
        publication.close();
        running.remove(publication);
        long restoreStart = System.nanoTime();
        run("pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname=" + DATABASE, backup.resolve("publication.dump").toString());
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(item.get().objectName()).build());
        }
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(object.getKey())
                    .stream(new java.io.ByteArrayInputStream(object.getValue()), object.getValue().length, -1).build());
        }
        assertThat(rows("select count(*) from contribution where submission_id = '" + later + "'"))
                .as("the later publication is not in the restored database").isZero();
        resetConsumerGroup("publication-service", List.of("calls", "reviews"), backupAt);

        publication = start("publication-service", DATABASE, publicationPort, Map.of("STORAGE_BUCKET", BUCKET));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> contributions(pub, slug) == 2);
        long caughtUpMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoreStart);

        var json = given().when().get(pub + "/public/calls/" + slug).then().statusCode(200).extract().jsonPath();
        List<String> paths = json.getList("groups.contributions.flatten().documents.flatten().path");
        assertThat(paths).hasSize(2);
        List<byte[]> served = paths.stream().map(p -> given().when().get(pub + p).then().statusCode(200).extract().asByteArray()).toList();
        assertThat(served).as("the documents as received, each once").containsExactlyInAnyOrder(first, second);
        assertThat(rows("select count(*) from contribution c join public_call p on p.id = c.call_id where p.slug = '" + slug + "'"))
                .as("contributions of the call in the restored database, each once").isEqualTo(2);
        System.out.printf("RESTORE-TIMING publication-service: database (pg_restore) and bucket (%d objects) restored,"
                + " consumer group reset to the backup's time, the later publication back %d ms after the restore began%n",
                objects.size(), caughtUpMs);
    }

    private ServiceProcess start(String service, String database, int port, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        if (service.equals("publication-service")) {
            all.put("PUBLICATION_PORTAL_URL", org.callsforinput.testing.Stack.get("portal.url"));
        }
        ServiceProcess process = ServiceProcess.start(info, repo, service, database, port, Platform.freePort(), all, logs);
        running.add(process);
        return process;
    }

    /** Through review: claimed, screened, proposed by reviewer1, approved by coordinator1. */
    private static void published(String review, String submission) {
        String caseId = await().atMost(Duration.ofSeconds(60)).until(() -> Platform.caseOf(review, submission), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("reviewer1"))
                .when().get(review + "/cases/" + caseId).then().body("documents[0].textState", equalTo("EXTRACTED")));
        Platform.act(review, caseId, "reviewer1", "POST", "claim", null);
        Platform.act(review, caseId, "reviewer1", "PUT", "screening", Map.of("withinMandate", true, "reasonCode", "WITHIN_MANDATE"));
        Platform.act(review, caseId, "reviewer1", "POST", "decision", Map.of("decision", "PUBLISH", "reason", "Within the mandate"));
        Platform.act(review, caseId, "coordinator1", "POST", "decision/approval", null);
    }

    private static int contributions(String publication, String slug) {
        var groups = given().when().get(publication + "/public/calls/" + slug).then().extract().jsonPath();
        List<Object> all = groups.getList("groups.contributions.flatten()");
        return all == null ? 0 : all.size();
    }

    private Map<String, byte[]> objects(MinioClient minio) throws Exception {
        Map<String, byte[]> objects = new HashMap<>();
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            return objects;
        }
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            String name = item.get().objectName();
            try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(BUCKET).object(name).build())) {
                objects.put(name, in.readAllBytes());
            }
        }
        return objects;
    }

    /**
     * What the runbook's {@code kafka-consumer-groups.sh --reset-offsets --to-datetime} does: the stopped service's
     * static members are removed (they would hold the group for a session otherwise), then each partition's offset is
     * set to the first record at or after {@code at}.
     */
    private void resetConsumerGroup(String group, List<String> topics, Instant at) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, info.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            for (var description : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                description.partitions().forEach(p -> specs.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.forTimestamp(at.toEpochMilli())));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).forEach((partition, result) -> {
                if (result.offset() >= 0) {
                    offsets.put(partition, new OffsetAndMetadata(result.offset()));
                } else {
                    latest.put(partition, OffsetSpec.latest()); // nothing since then: the end
                }
            });
            if (!latest.isEmpty()) {
                admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                        .forEach((partition, result) -> offsets.put(partition, new OffsetAndMetadata(result.offset())));
            }
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
        }
    }

    private long rows(String sql) throws Exception {
        try (java.sql.Connection c = Platform.connect(DATABASE); java.sql.Statement q = c.createStatement();
                java.sql.ResultSet r = q.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** pg_dump or pg_restore against the stack's PostgreSQL, failing the test on a non-zero exit. */
    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(tool, "--host=" + info.pgHost(), "--port=" + info.pgPort(),
                "--username=" + info.pgUser()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (info.pgPassword() != null) {
            builder.environment().put("PGPASSWORD", info.pgPassword());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", tool, output).isZero();
    }
}
