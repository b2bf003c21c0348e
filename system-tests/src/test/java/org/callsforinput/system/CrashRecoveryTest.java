package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.restassured.http.ContentType;

/** submission-service killed (SIGKILL) in the middle of an upload: nothing acknowledged is lost, nothing is left over. */
class CrashRecoveryTest {

    private static final String BUCKET = "submissions-crash";
    private static final Map<String, String> ENV = Map.of("STORAGE_BUCKET", BUCKET,
            "SUBMISSION_CLEANUP_INTERVAL", "2s", "SUBMISSION_CLEANUP_MIN_AGE", "3s");

    private final StackInfo info = StackInfo.load();
    private final Path repo = StackInfo.findRepoRoot();
    private final Path logs = repo.resolve("system-tests/target/service-logs/crash");
    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void killedMidUploadLosesNothingAcknowledgedAndLeavesNoObject() throws Exception {
        int port = freePort();
        service = ServiceProcess.start(info, repo, "submission-service", "submission_e2e", port, freePort(), ENV, logs);
        String base = service.baseUrl();
        String call = Platform.openCall(base, "crash-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of("maxFileBytes", 100L << 20));

        // Acknowledged before the crash: a complete submission with its receipt.
        String done = Platform.draft(base, call);
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .body(TestDocuments.docx("before the crash")).queryParam("fileName", "before.docx")
                .when().post(base + "/submissions/" + done + "/documents").then().statusCode(201);
        String receipt = given().auth().oauth2(Tokens.client("partner-odh")).when().post(base + "/submissions/" + done + "/submit")
                .then().statusCode(200).extract().path("jws");

        // In flight when the process dies: a 40 MiB upload (several multipart parts), killed half way.
        String inFlight = Platform.draft(base, call);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<HttpResponse<Void>> upload = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(HttpRequest.newBuilder(URI.create(base + "/submissions/" + inFlight + "/documents?fileName=big.docx"))
                        .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SlowZeros(40L << 20, sent))).build(),
                        HttpResponse.BodyHandlers.discarding());
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() > (24L << 20));
        ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !service.isAlive());
        assertThat(upload).failsWithin(Duration.ofSeconds(30));

        service = ServiceProcess.start(info, repo, "submission-service", "submission_e2e", port, freePort(), ENV, logs);
        given().auth().oauth2(Tokens.client("partner-odh")).when().get(base + "/submissions/" + done)
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("documents", hasSize(1));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get(base + "/submissions/" + done + "/receipt")
                .then().statusCode(200).body("jws", equalTo(receipt));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get(base + "/submissions/" + inFlight)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("documents", hasSize(0));

        // Whatever the dead upload left in the bucket is removed by the scheduled clean-up.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(objectsUnder("submissions/" + inFlight + "/")).isEmpty());
        assertThat(objectsUnder("submissions/" + done + "/")).hasSize(1);
    }

    private List<String> objectsUnder(String prefix) throws Exception {
        MinioClient minio = MinioClient.builder().endpoint(info.s3Endpoint()).credentials(info.s3AccessKey(), info.s3SecretKey())
                .region("us-east-1").build();
        List<String> keys = new java.util.ArrayList<>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }


    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Zeros at about 8 MiB/s, counting what was read, so that the process can be killed half way. */
    private static final class SlowZeros extends InputStream {
        private final long size;
        private final AtomicLong sent;

        SlowZeros(long size, AtomicLong sent) {
            this.size = size;
            this.sent = sent;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            long left = size - sent.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, 64 * 1024), left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            try {
                Thread.sleep(8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.addAndGet(n);
            return n;
        }
    }
}
