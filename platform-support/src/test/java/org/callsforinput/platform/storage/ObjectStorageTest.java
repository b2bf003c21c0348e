package org.callsforinput.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.callsforinput.testing.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The platform's object storage against the test stack's real S3 server, and against storage that is away. */
class ObjectStorageTest {

    private static ObjectStorage storage;
    private static ObjectStorage other;

    @BeforeAll
    static void buckets() {
        storage = new ObjectStorage(config(Stack.get("s3.endpoint"), "platform-" + UUID.randomUUID(), Duration.ofSeconds(5)),
                new SimpleMeterRegistry());
        storage.ensureBucket();
        other = new ObjectStorage(config(Stack.get("s3.endpoint"), "platform-source-" + UUID.randomUUID(), Duration.ofSeconds(5)),
                new SimpleMeterRegistry());
        other.ensureBucket();
    }

    @Test
    void putHashesWhileStreamingAndSpoolsACopy() throws Exception {
        byte[] bytes = random(3 * 1024 * 1024 + 17);
        try (Spooled stored = storage.putSpooled("docs/a", new ByteArrayInputStream(bytes), bytes.length, null, null,
                Map.of("original-name", "a.docx"))) {
            assertThat(stored.size()).isEqualTo(bytes.length);
            assertThat(stored.sha256()).isEqualTo(sha256(bytes));
            assertThat(Files.readAllBytes(stored.spool())).isEqualTo(bytes);
            try (InputStream in = storage.open("docs/a")) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            Path spool = stored.spool();
            stored.close();
            assertThat(spool).doesNotExist();
        }
    }

    @Test
    void putOverTheLimitStopsWhileStreamingAndKeepsNothing() {
        byte[] bytes = random(200_000);
        assertThatThrownBy(() -> storage.putSpooled("docs/too-large", new ByteArrayInputStream(bytes), 100_000, null, null, Map.of()))
                .isInstanceOf(SizeLimitExceededException.class);
        assertThatThrownBy(() -> storage.open("docs/too-large")).isInstanceOf(ObjectMissingException.class);
    }

    @Test
    void aFailingSourceIsTheCallersFaultNotTheStorages() {
        InputStream broken = new InputStream() {
            private int left = 1000;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("client went away");
                }
                left--;
                return 'x';
            }
        };
        assertThatThrownBy(() -> storage.putSpooled("docs/broken", broken, 1_000_000, null, null, Map.of()))
                .isInstanceOf(SourceFailedException.class);
    }

    @Test
    void aKnownLengthIsOneStreamedPutWithTheSameGuarantees() throws Exception {
        byte[] bytes = random(6 * 1024 * 1024 + 5);
        try (Spooled stored = storage.putSpooled("docs/known", new ByteArrayInputStream(bytes), bytes.length,
                (long) bytes.length, "application/octet-stream", Map.of("original-name", "known.docx"))) {
            assertThat(stored.size()).isEqualTo(bytes.length);
            assertThat(stored.sha256()).isEqualTo(sha256(bytes));
            assertThat(Files.readAllBytes(stored.spool())).isEqualTo(bytes);
            try (InputStream in = storage.open("docs/known")) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }
        byte[] large = random(200_000);
        assertThatThrownBy(() -> storage.putSpooled("docs/known-too-large", new ByteArrayInputStream(large), 100_000,
                (long) large.length, null, Map.of())).isInstanceOf(SizeLimitExceededException.class);
        assertThatThrownBy(() -> storage.open("docs/known-too-large")).isInstanceOf(ObjectMissingException.class);
        assertThatThrownBy(() -> storage.putSpooled("docs/known-short", new ByteArrayInputStream(new byte[10]), 1_000,
                100L, null, Map.of())).isInstanceOf(SourceFailedException.class);
        assertThatThrownBy(() -> storage.open("docs/known-short")).isInstanceOf(ObjectMissingException.class);
    }

    @Test
    void rangedReadsReturnExactlyTheRange() throws Exception {
        byte[] bytes = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        storage.put("docs/range", new ByteArrayInputStream(bytes), bytes.length, "text/plain");
        try (InputStream in = storage.open(storage.bucket(), "docs/range", 5, 10)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("56789abcde");
        }
        try (InputStream in = storage.open(storage.bucket(), "docs/range", 19, 1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("j");
        }
    }

    @Test
    void spoolAndDownloadHashWhatTheyRead() throws Exception {
        byte[] bytes = random(70_000);
        Digest put = other.put("in/b", new ByteArrayInputStream(bytes), -1, null);
        assertThat(put).isEqualTo(new Digest(bytes.length, sha256(bytes)));
        try (Spooled spooled = storage.spool(other.bucket(), "in/b", bytes.length)) {
            assertThat(spooled.digest()).isEqualTo(put);
            assertThat(Files.readAllBytes(spooled.spool())).isEqualTo(bytes);
        }
        assertThatThrownBy(() -> storage.spool(other.bucket(), "in/b", bytes.length - 1))
                .isInstanceOf(SizeLimitExceededException.class);
        Path target = Files.createTempFile("download-", ".bin");
        try {
            assertThat(storage.download(other.bucket(), "in/b", target)).isEqualTo(put);
            assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        } finally {
            Files.deleteIfExists(target);
        }
    }

    @Test
    void aMissingObjectOrBucketIsObjectMissing() {
        assertThatThrownBy(() -> storage.open("no/such/key")).isInstanceOf(ObjectMissingException.class)
                .satisfies(e -> assertThat(((ObjectMissingException) e).key()).isEqualTo("no/such/key"));
        assertThatThrownBy(() -> storage.open("no-such-bucket-" + UUID.randomUUID(), "k"))
                .isInstanceOf(ObjectMissingException.class);
        Path target = Path.of("never-written");
        assertThatThrownBy(() -> storage.download(other.bucket(), "no/such/key", target)).isInstanceOf(ObjectMissingException.class);
        assertThat(target).doesNotExist();
        // Removing what is not there is fine.
        storage.remove("no/such/key");
    }

    @Test
    void copyVerifiedCopiesOnlyMatchingBytes() throws Exception {
        byte[] bytes = random(50_000);
        other.put("in/c", new ByteArrayInputStream(bytes), bytes.length, null);
        String sha = sha256(bytes);

        VerifiedCopy wrongSize = storage.copyVerified(other.bucket(), "in/c", sha, bytes.length + 1, "sha256/" + sha);
        assertThat(wrongSize.matched()).isFalse();
        assertThat(wrongSize.sha256()).isEqualTo(sha);
        assertThat(wrongSize.size()).isEqualTo(bytes.length);
        VerifiedCopy wrongHash = storage.copyVerified(other.bucket(), "in/c", sha256(new byte[1]), bytes.length, "sha256/" + sha);
        assertThat(wrongHash.matched()).isFalse();
        assertThatThrownBy(() -> storage.open("sha256/" + sha)).isInstanceOf(ObjectMissingException.class);

        VerifiedCopy copy = storage.copyVerified(other.bucket(), "in/c", sha, bytes.length, "sha256/" + sha);
        assertThat(copy.matched()).isTrue();
        assertThat(copy.objectKey()).isEqualTo("sha256/" + sha);
        try (InputStream in = storage.open(copy.objectKey())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        // No temporary object stays behind.
        List<StoredObject> incoming = new ArrayList<>();
        storage.forEachPage("incoming/", 100, incoming::addAll);
        assertThat(incoming).isEmpty();
        assertThatThrownBy(() -> storage.copyVerified(other.bucket(), "in/none", sha, 1, "sha256/x"))
                .isInstanceOf(ObjectMissingException.class);
    }

    @Test
    void listingComesInPagesOfTheAskedSize() {
        for (int i = 0; i < 5; i++) {
            storage.put("list/" + i, new ByteArrayInputStream(new byte[] { (byte) i }), 1, null);
        }
        List<Integer> pages = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        storage.forEachPage("list/", 2, page -> {
            pages.add(page.size());
            page.forEach(o -> keys.add(o.key()));
            assertThat(page).allSatisfy(o -> assertThat(o.lastModified()).isNotNull());
        });
        assertThat(pages).containsExactly(2, 2, 1);
        assertThat(keys).containsExactlyInAnyOrder("list/0", "list/1", "list/2", "list/3", "list/4");
        storage.remove("list/0");
        List<String> left = new ArrayList<>();
        storage.forEachPage("list/", 10, page -> page.forEach(o -> left.add(o.key())));
        assertThat(left).doesNotContain("list/0").hasSize(4);
    }

    @Test
    void presignedPutNamesThePublicEndpoint() {
        ObjectStorage presigning = new ObjectStorage(new TestConfig("http://127.0.0.1:1", Optional.of("https://files.example.org"),
                storage.bucket(), Duration.ofSeconds(1)), new SimpleMeterRegistry());
        String url = presigning.presignedPut("submissions/x/y", Duration.ofMinutes(15));
        assertThat(url).startsWith("https://files.example.org/" + storage.bucket() + "/submissions/x/y?")
                .contains("X-Amz-Expires=900");
    }

    @Test
    void storageThatRefusesConnectionsIsUnavailable() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObjectStorage away = new ObjectStorage(config("http://127.0.0.1:" + freePort(), "away", Duration.ofSeconds(2)), meters);
        assertThatThrownBy(away::ensureBucket).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> away.open("k")).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> away.putSpooled("k", new ByteArrayInputStream(new byte[10]), 100, null, null, Map.of()))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> away.putSpooled("k", new ByteArrayInputStream(new byte[10]), 100, 10L, null, Map.of()))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> away.forEachPage("", 10, page -> { })).isInstanceOf(StorageUnavailableException.class);
        assertThat(away.removeQuietly("k")).isFalse();
        // each failed call counted, for the alert on platform_storage_unavailable_total
        assertThat(meters.get("platform.storage.unavailable").counter().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void storageThatAcceptsButNeverAnswersTimesOutInsteadOfHanging() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept()); // accept, read nothing, answer nothing
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ObjectStorage stalled = new ObjectStorage(config("http://127.0.0.1:" + silent.getLocalPort(), "stalled",
                    Duration.ofSeconds(1)), new SimpleMeterRegistry());
            long started = System.nanoTime();
            assertThatThrownBy(() -> stalled.open("k")).isInstanceOf(StorageUnavailableException.class);
            // The SDK's default would have waited 5 minutes; OkHttp may retry once.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static StorageConfig config(String endpoint, String bucket, Duration timeouts) {
        return new TestConfig(endpoint, Optional.empty(), bucket, timeouts);
    }

    private record TestConfig(String endpoint, Optional<String> publicEndpoint, String bucket, Duration timeout)
            implements StorageConfig {
        @Override
        public String accessKey() {
            return Stack.find("s3.access-key").orElse("minioadmin");
        }

        @Override
        public String secretKey() {
            return Stack.find("s3.secret-key").orElse("minioadmin");
        }

        @Override
        public String region() {
            return "us-east-1";
        }

        @Override
        public long partSize() {
            return 5 * 1024 * 1024;
        }

        @Override
        public Duration connectTimeout() {
            return timeout;
        }

        @Override
        public Duration readTimeout() {
            return timeout;
        }

        @Override
        public Duration writeTimeout() {
            return timeout;
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
