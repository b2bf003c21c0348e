package org.callsforinput.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.PublicContribution;
import org.callsforinput.contracts.ReviewDecided;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.Topics;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;

/**
 * publication-service as its own process against the test stack: (1) publish decisions reach a local webhook
 * receiver (time from the decision on Kafka to the signed POST); (2) the public listing of a call with 1,000
 * contributions under load. Results go to {@code system-tests/target/benchmarks/publication.md}; docs/benchmarks.md
 * records them. Bounded in count and time.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path OUT = StackInfo.findRepoRoot().resolve("system-tests/target/benchmarks");
    private static final int CONTRIBUTIONS = Integer.getInteger("bench.contributions", 1000);
    private static final int MEASURED = Integer.getInteger("bench.webhooks", 200);
    private static final Pattern TITLE = Pattern.compile("\"title\":\"(Bench contribution [0-9]+)\"");

    static ServiceProcess service;
    static HttpServer receiver;
    static KafkaProducer<String, String> producer;
    static final Map<String, Long> received = new ConcurrentHashMap<>();
    static final UUID CALL = UUID.randomUUID();
    static final String SLUG = "bench-" + CALL.toString().substring(0, 8);
    static DocumentRef document;
    static StringBuilder report = new StringBuilder("# Publication benchmarks (" + Instant.now() + ")\n\n");

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        StackInfo info = StackInfo.load();
        service = ServiceProcess.start(info, StackInfo.findRepoRoot(), "publication-service", "publication_e2e", freePort(), freePort(),
                Map.of("STORAGE_BUCKET", "publication-bench", "QUARKUS_LOG_LEVEL", "WARN",
                        "PUBLICATION_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32"), OUT);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher title = TITLE.matcher(body);
            if (title.find()) {
                received.putIfAbsent(title.group(1), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, info.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());

        // One source document (as review-service would hand it over); its public copy is content-addressed.
        MinioClient minio = MinioClient.builder().endpoint(info.s3Endpoint()).credentials(info.s3AccessKey(), info.s3SecretKey()).build();
        String bucket = "review-bench-source";
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        byte[] docx = TestDocuments.docx("A contribution published in the benchmark");
        minio.putObject(PutObjectArgs.builder().bucket(bucket).object("bench/main.docx")
                .stream(new ByteArrayInputStream(docx), docx.length, -1).build());
        document = new DocumentRef(UUID.randomUUID(), DocumentRef.ROLE_MAIN, bucket, "bench/main.docx", "contribution.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(docx)));

        send(Topics.CALLS, EventTypes.CALL_CREATED, CALL, new CallSnapshot(CALL, 1, SLUG, "Expert Mechanism",
                Map.of("en", "Benchmark call", "fr", "Appel de référence"), Map.of("en", "Description"),
                List.of(new CallSnapshot.Theme("policing", Map.of("en", "Policing"))), Instant.now().minusSeconds(86400),
                Instant.now().plusSeconds(86400 * 30), "Europe/Zurich", "OPEN"));
        String subscription = "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\","
                + "\"eventTypes\":[\"publication.published\"],\"callId\":\"" + CALL + "\"}";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/admin/webhooks/subscriptions"))
                .header("Authorization", "Bearer " + Tokens.user("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(subscription)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws IOException {
        if (producer != null) {
            producer.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (service != null) {
            service.close();
        }
        Files.writeString(OUT.resolve("publication.md"), report);
        System.out.println(report);
    }

    @Test
    @Order(1)
    void publishDecisionReachesTheWebhookReceiver() throws Exception {
        // The bulk first (not measured one by one), then decisions one at a time, each timed from Kafka to receiver.
        int bulk = CONTRIBUTIONS - MEASURED;
        long bulkStart = System.nanoTime();
        for (int i = 0; i < bulk; i++) {
            decide(i);
        }
        producer.flush();
        awaitPublished(bulk, Duration.ofMinutes(5));
        double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;
        Stats latency = new Stats();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        for (int i = bulk; i < CONTRIBUTIONS; i++) {
            String title = "Bench contribution " + i;
            sent.put(title, System.nanoTime());
            decide(i);
            producer.flush();
            Thread.sleep(Long.getLong("bench.webhook-pace-ms", 100));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !received.keySet().containsAll(sent.keySet())) {
            Thread.sleep(100);
        }
        sent.forEach((title, t0) -> {
            Long t1 = received.get(title);
            if (t1 != null) {
                latency.add(t1 - t0);
            }
        });
        report.append("## Publish decision to webhook receiver\n\n")
                .append("%d decisions in bulk published (documents checked and copied, events and deliveries written) in %.1f s: %.0f/s.%n%n"
                        .formatted(bulk, bulkSeconds, bulk / bulkSeconds))
                .append("Then %d decisions one every %d ms, each timed from its `review.decided` acknowledged by Kafka to the signed "
                        .formatted(MEASURED, Long.getLong("bench.webhook-pace-ms", 100)))
                .append("POST arriving at a receiver on 127.0.0.1 (%d of %d arrived within the bound):%n%n".formatted(latency.count(), MEASURED))
                .append(Stats.header().replace("| step |", "| path |")).append('\n')
                .append(latency.row("review.decided → webhook delivered")).append("\n\n");
        assertThat(latency.count()).isEqualTo(MEASURED);
    }

    @Test
    @Order(2)
    void publicListingOfACallWithThousandContributions() throws Exception {
        awaitPublished(CONTRIBUTIONS, Duration.ofMinutes(2));
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int requests = Integer.getInteger("bench.requests", 5000);
        report.append("## Public listing of a call with %d contributions\n\n".formatted(CONTRIBUTIONS))
                .append("%d requests per row by %d concurrent clients (JDK HttpClient, HTTP/1.1) after 200 warm-up requests; "
                        .formatted(requests, concurrency))
                .append("all components and the load generator on the same 2 cores.\n\n")
                .append("| listing | body | requests/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
        String etag = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/public/calls/" + SLUG)).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        load("JSON `/public/calls/{slug}`", "/public/calls/" + SLUG, null, false, concurrency, requests);
        load("JSON, gzip (`Accept-Encoding: gzip`)", "/public/calls/" + SLUG, null, true, concurrency, requests);
        load("JSON, revalidated (`If-None-Match` → 304)", "/public/calls/" + SLUG, etag, false, concurrency, requests);
        load("HTML page `/calls/{slug}`", "/calls/" + SLUG, null, false, concurrency, requests);
        load("HTML page, gzip", "/calls/" + SLUG, null, true, concurrency, requests);
        load("Atom feed `/public/calls/{slug}/feed`, gzip", "/public/calls/" + SLUG + "/feed", null, true, concurrency, requests);
    }

    private static void load(String name, String path, String ifNoneMatch, boolean gzip, int concurrency, int requests)
            throws Exception {
        URI uri = URI.create(service.baseUrl() + path);
        AtomicLong bytes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < 200; i++) {
            get(uri, ifNoneMatch, gzip, bytes);
        }
        bytes.set(0);
        Stats stats = new Stats();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<Future<?>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            futures.add(pool.submit(() -> {
                if (System.nanoTime() > deadline) {
                    return;
                }
                long t0 = System.nanoTime();
                try {
                    int status = get(uri, ifNoneMatch, gzip, bytes);
                    if (status != (ifNoneMatch == null ? 200 : 304)) {
                        failures.incrementAndGet();
                    }
                    stats.add(System.nanoTime() - t0);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        report.append("| %s | %s | **%.0f** | %.1f | %.1f | %.1f | %.1f |%n".formatted(name,
                ifNoneMatch == null ? (bytes.get() / Math.max(1, stats.count()) / 1024) + " KiB" + (gzip ? " (gzip)" : "") : "none",
                stats.count() / seconds, stats.percentile(50), stats.percentile(95), stats.percentile(99), stats.percentile(100)));
        assertThat(failures.get()).as("failed requests of " + name).isZero();
    }

    /** One request; a gzip body is counted as received (compressed), as a client that accepts gzip receives it. */
    private static int get(URI uri, String ifNoneMatch, boolean gzip, AtomicLong bytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        bytes.addAndGet(response.body().length);
        return response.statusCode();
    }

    private static void decide(int i) throws Exception {
        UUID submission = UUID.randomUUID();
        SubmitterCategory category = SubmitterCategory.values()[i % SubmitterCategory.values().length];
        PublicContribution contribution = new PublicContribution(false, "Organisation " + UUID.randomUUID().toString().substring(0, 8),
                category, "FR", "fr", List.of("policing"), "Bench contribution " + i, "A summary of contribution " + i,
                List.of(new Hyperlink("https://example.org/report/" + i, "Report", "report")), List.of());
        send(Topics.REVIEWS, EventTypes.REVIEW_DECIDED, submission, new ReviewDecided(submission, UUID.randomUUID(), "BENCH-" + i,
                CALL, SLUG, Decision.PUBLISH, Instant.now(), Instant.now(), contribution, List.of(document)));
    }

    private static void send(String topic, String type, UUID key, Object payload) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), JSON.writeValueAsString(payload));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/benchmark",
                "ce_subject", key.toString(), "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    private static void awaitPublished(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> call = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/public/calls")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (var entry : JSON.readTree(call.body())) {
                if (SLUG.equals(entry.path("slug").asText()) && entry.path("publishedContributions").asInt() >= count) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Fewer than " + count + " contributions published within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
