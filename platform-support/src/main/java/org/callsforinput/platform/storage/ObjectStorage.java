package org.callsforinput.platform.storage;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.Signer;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Item;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The one home of object storage for every service: its bucket (created when missing), and every operation the
 * services perform, each with the same two failures: {@link StorageUnavailableException} (retry later) and
 * {@link ObjectMissingException} (the storage answered, the object is not there). Bytes are hashed while they
 * stream ({@link HashingInputStream}); uploads of unknown length use an explicit part size, so one upload buffers
 * one part; every call is bounded by the timeouts of {@link StorageConfig}. A service keeps only its keys and its
 * bucket policy. No method here knows about HTTP: {@code ProblemMapper} turns the failures into problems. Every
 * failure for the storage being away is counted: {@code platform_storage_unavailable_total} on {@code /q/metrics}
 * (the alert in docs/operations.md).
 */
@ApplicationScoped
public class ObjectStorage {

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US);
    /** S3's limit for one PUT; longer uploads go through the SDK's multipart upload. */
    private static final long MAX_SINGLE_PUT = 5L << 30;

    private final StorageConfig config;
    private final MinioClient client;
    private final MinioClient presigner;
    private final OkHttpClient http;
    private final Counter unavailable;

    public ObjectStorage(StorageConfig config, MeterRegistry registry) {
        this.config = config;
        this.unavailable = Counter.builder("platform.storage.unavailable")
                .description("Object storage calls that failed because the storage was unreachable or answered an error")
                .register(registry);
        this.http = httpClient(config);
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(http)
                .build();
        // The region is set, so presigning is a local computation: no request reaches the public endpoint.
        this.presigner = MinioClient.builder()
                .endpoint(config.publicEndpoint().orElse(config.endpoint()))
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }

    /**
     * HTTP/1.1, the configured timeouts, and the TLS trust given once. The SDK derives a client from this one for
     * every upload; without an explicit trust manager OkHttp would load the platform's CA certificates again each
     * time (measured: 2 % of the service's CPU under load).
     */
    private static OkHttpClient httpClient(StorageConfig config) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            X509TrustManager trust = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .findFirst().orElseThrow(() -> new IllegalStateException("No X.509 trust manager"));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] { trust }, null);
            return new OkHttpClient.Builder()
                    .connectTimeout(config.connectTimeout())
                    .readTimeout(config.readTimeout())
                    .writeTimeout(config.writeTimeout())
                    .protocols(List.of(Protocol.HTTP_1_1))
                    .sslSocketFactory(tls.getSocketFactory(), trust)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for object storage", e);
        }
    }

    /** The SDK client, for tests that place or inspect objects; service code goes through the methods here. */
    @Produces
    MinioClient client() {
        return client;
    }

    /** The service's own bucket. */
    public String bucket() {
        return config.bucket();
    }

    public long partSize() {
        return config.partSize();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureBucket();
        } catch (StorageUnavailableException e) {
            // Not fatal: readiness reports object storage as down and retries until it is back.
            Log.warnf("Object storage %s not reachable at start: %s", config.endpoint(), e.getMessage());
        }
    }

    /** Checks that the bucket exists, creating it when missing. */
    public void ensureBucket() {
        try {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                return;
            }
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
                Log.infof("Created bucket %s", config.bucket());
            } catch (ErrorResponseException e) {
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw e;
                }
            }
        } catch (Exception e) {
            throw unavailable("bucket " + config.bucket(), e);
        }
    }

    /**
     * Streams {@code body} to {@code key} in the own bucket while hashing it and copying it to a spool file, and
     * stops as soon as it exceeds {@code limit} bytes ({@link SizeLimitExceededException}, nothing kept). With a
     * known length (up to 5 GiB) it is one streamed PUT ({@link #singlePut}); without one the SDK uploads parts of
     * the configured size, buffering one at a time. A failing {@code body} is a {@link SourceFailedException}. On any failure the object
     * and the spool file are removed.
     */
    public Spooled putSpooled(String key, InputStream body, long limit, Long contentLength, String contentType,
            Map<String, String> metadata) {
        return putSpooled(key, body, limit, contentLength, contentType, metadata, null);
    }

    /**
     * {@link #putSpooled(String, InputStream, long, Long, String, Map)}, and every byte also written to {@code also}
     * as it passes (a virus scan fed while the upload arrives), in the same pass as the hash, the spool copy and the
     * PUT. {@code also} may be null; it must not throw (its failures are its own to report), since a failure here
     * would be taken for the storage failing.
     */
    public Spooled putSpooled(String key, InputStream body, long limit, Long contentLength, String contentType,
            Map<String, String> metadata, OutputStream also) {
        Path spool = createSpool("upload-");
        try (OutputStream copy = tee(new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024), also)) {
            Digest digest = putThrough(key, body, limit, contentLength, contentType, metadata, copy);
            return new Spooled(key, digest.size(), digest.sha256(), spool);
        } catch (IOException e) {
            // Opening or closing the spool file.
            deleteQuietly(spool);
            removeQuietly(key);
            throw translate(config.bucket(), key, e, null, limit, true);
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        }
    }

    /**
     * Streams {@code body} to {@code key} in the own bucket while hashing it, with no local copy, and stops as soon
     * as it exceeds {@code limit} bytes: for bytes that are checked later, from the stored object. Failures and the
     * single PUT as in {@link #putSpooled}; on any failure the object is removed.
     */
    public Digest putLimited(String key, InputStream body, long limit, Long contentLength, String contentType,
            Map<String, String> metadata) {
        return putThrough(key, body, limit, contentLength, contentType, metadata, null);
    }

    /** The upload of {@link #putSpooled} and {@link #putLimited}; every byte also goes to {@code copy} when given. */
    private Digest putThrough(String key, InputStream body, long limit, Long contentLength, String contentType,
            Map<String, String> metadata, OutputStream copy) {
        HashingInputStream in = new HashingInputStream(body, copy, limit);
        try {
            if (contentLength != null && contentLength <= MAX_SINGLE_PUT) {
                singlePut(key, in, contentLength, contentType, metadata);
            } else {
                client.putObject(PutObjectArgs.builder()
                        .bucket(config.bucket())
                        .object(key)
                        .stream(in, contentLength == null ? -1 : contentLength, contentLength == null ? config.partSize() : -1)
                        .contentType(contentType == null ? OCTET_STREAM : contentType)
                        .userMetadata(metadata)
                        .build());
            }
            if (copy != null) {
                copy.flush();
            }
            return in.digest();
        } catch (Exception e) {
            removeQuietly(key);
            throw translate(config.bucket(), key, e, in, limit, true);
        }
    }

    /**
     * One PUT of {@code length} bytes streamed from {@code in}, signed with an unsigned payload. Why not the SDK's
     * putObject: for a known length it cuts the object into 5 MiB parts uploaded one after another, each buffered and
     * its SHA-256 computed before it is sent, and the S3 server then concatenates them; measured on a 1,000 MiB
     * document that made the streamed upload several times slower than a plain PUT. OkHttp streams a body of known
     * length without buffering it, so the heap holds only the copy buffer. The SDK's own client and signer are used,
     * so timeouts, TLS trust and credentials stay those of {@link #client}.
     */
    private void singlePut(String key, InputStream in, long length, String contentType, Map<String, String> metadata)
            throws IOException, GeneralSecurityException {
        HttpUrl endpoint = HttpUrl.get(config.endpoint());
        HttpUrl url = endpoint.newBuilder().addPathSegment(config.bucket()).addPathSegments(key).build();
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        MediaType type = MediaType.parse(contentType == null ? OCTET_STREAM : contentType);
        RequestBody requestBody = new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public boolean isOneShot() {
                // The caller's stream can be read once: never a silent retry that would send it twice.
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] buffer = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new ShortBodyException(left);
                    }
                    sink.write(buffer, 0, n);
                    left -= n;
                }
            }
        };
        Request.Builder request = new Request.Builder().url(url).put(requestBody)
                .header("Host", defaultPort ? url.host() : url.host() + ":" + url.port())
                .header("x-amz-date", ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE))
                .header("x-amz-content-sha256", UNSIGNED_PAYLOAD);
        metadata.forEach((name, value) -> request.header("x-amz-meta-" + name, value));
        Request signed = Signer.signV4S3(request.build(), config.region(), config.accessKey(), config.secretKey(),
                UNSIGNED_PAYLOAD);
        try (Response response = http.newCall(signed).execute()) {
            if (!response.isSuccessful()) {
                unavailable.increment();
                throw new StorageUnavailableException("Object storage unavailable (" + config.bucket() + "/" + key
                        + "): PUT answered " + response.code(), null);
            }
        }
    }

    /**
     * Streams {@code body} of {@code size} bytes (-1 when unknown: parts of the configured size) to {@code key} in
     * the own bucket, hashing it on the way. A failing {@code body} is a {@link SourceFailedException}.
     */
    public Digest put(String key, InputStream body, long size, String contentType) {
        HashingInputStream in = new HashingInputStream(body);
        try {
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key)
                    .contentType(contentType == null ? OCTET_STREAM : contentType)
                    .stream(in, size, size < 0 ? config.partSize() : -1).build());
        } catch (Exception e) {
            throw translate(config.bucket(), key, e, in, Long.MAX_VALUE, true);
        }
        return in.digest();
    }

    /**
     * Reads an object into a spool file, hashing and counting it, and stops once it exceeds {@code limit} bytes
     * ({@link SizeLimitExceededException}).
     */
    public Spooled spool(String bucket, String key, long limit) {
        return spool(bucket, key, limit, null);
    }

    /**
     * {@link #spool(String, String, long)}, and every byte also written to {@code also} as it is read (a virus scan
     * fed from the same single read of the object as the hash and the spool copy). {@code also} may be null; it must
     * not throw.
     */
    public Spooled spool(String bucket, String key, long limit, OutputStream also) {
        Path spool = createSpool("object-");
        try (InputStream object = open(bucket, key);
                OutputStream copy = tee(new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024), also)) {
            HashingInputStream in = new HashingInputStream(object, copy, limit);
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // hashed, counted and copied on the way
            }
            copy.flush();
            return new Spooled(key, in.count(), in.sha256(), spool);
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        } catch (Exception e) {
            deleteQuietly(spool);
            throw translate(bucket, key, e, null, limit, false);
        }
    }

    /** Copies an object into {@code target} (a file the caller owns), hashing and counting it on the way. */
    public Digest download(String bucket, String key, Path target) {
        try (InputStream object = open(bucket, key); OutputStream out = Files.newOutputStream(target)) {
            HashingInputStream in = new HashingInputStream(object);
            in.transferTo(out);
            return in.digest();
        } catch (IOException e) {
            throw unavailable(bucket + "/" + key, e);
        }
    }

    /** Opens an object of the own bucket for reading; the caller closes the stream. */
    public InputStream open(String key) {
        return open(config.bucket(), key);
    }

    /** Opens an object for reading; the caller closes the stream. */
    public InputStream open(String bucket, String key) {
        return get(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    /**
     * Opens {@code length} bytes of an object from {@code offset} (for an HTTP Range request); the caller checks the
     * range against the object's size first and closes the stream.
     */
    public InputStream open(String bucket, String key, long offset, long length) {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        return get(GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length(length).build());
    }

    private InputStream get(GetObjectArgs args) {
        try {
            return client.getObject(args);
        } catch (Exception e) {
            throw translate(args.bucket(), args.object(), e, null, Long.MAX_VALUE, false);
        }
    }

    /**
     * Copies {@code sourceBucket}/{@code sourceKey} to {@code targetKey} in the own bucket when its bytes have the
     * expected SHA-256 and size. The bytes go to a temporary key while their digest is computed, so that nothing
     * that failed the check ever sits under the target key (which may be content-addressed); the temporary object
     * is removed either way.
     */
    public VerifiedCopy copyVerified(String sourceBucket, String sourceKey, String expectedSha256, long expectedSize,
            String targetKey) {
        ensureBucket();
        String incoming = "incoming/" + UUID.randomUUID();
        Digest digest;
        try (InputStream source = open(sourceBucket, sourceKey)) {
            HashingInputStream in = new HashingInputStream(source);
            try {
                client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(incoming)
                        .stream(in, -1, config.partSize()).build());
            } catch (Exception e) {
                // Both sides are the storage: a failing read of the source is the storage failing too.
                throw unavailable(sourceBucket + "/" + sourceKey + " to " + incoming, e);
            }
            digest = in.digest();
        } catch (IOException e) {
            removeQuietly(incoming);
            throw unavailable(sourceBucket + "/" + sourceKey, e);
        } catch (StorageUnavailableException e) {
            removeQuietly(incoming);
            throw e;
        }
        try {
            if (!digest.matches(expectedSha256, expectedSize)) {
                return new VerifiedCopy(digest.sha256(), digest.size(), null);
            }
            client.copyObject(CopyObjectArgs.builder().bucket(config.bucket()).object(targetKey)
                    .source(CopySource.builder().bucket(config.bucket()).object(incoming).build()).build());
            return new VerifiedCopy(digest.sha256(), digest.size(), targetKey);
        } catch (Exception e) {
            throw unavailable(incoming + " to " + targetKey, e);
        } finally {
            removeQuietly(incoming);
        }
    }

    /** Removes an object of the own bucket; removing one that is not there is fine. */
    public void remove(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (ErrorResponseException e) {
            if (!isMissing(e)) {
                throw unavailable(key, e);
            }
        } catch (Exception e) {
            throw unavailable(key, e);
        }
    }

    /**
     * Removes an object of the own bucket where a failure must not fail the caller (a clean-up, an unrecorded upload):
     * it is logged, and the service's orphan clean-up or the next pass removes the object later. Returns whether it
     * is gone.
     */
    public boolean removeQuietly(String key) {
        try {
            remove(key);
            return true;
        } catch (StorageUnavailableException e) {
            Log.warnf("Could not remove object %s (to be removed later): %s", key, e.getMessage());
            return false;
        }
    }

    /**
     * Hands the objects of the own bucket under a prefix to {@code page}, {@code size} at a time, as the listing
     * pages arrive (memory stays bounded however many objects the bucket holds). Only the listing's failures are
     * {@link StorageUnavailableException}; {@code page}'s own failures propagate as they are.
     */
    public void forEachPage(String prefix, int size, Consumer<List<StoredObject>> page) {
        Iterator<Result<Item>> listing = client.listObjects(
                ListObjectsArgs.builder().bucket(config.bucket()).prefix(prefix).recursive(true).build()).iterator();
        List<StoredObject> items = new ArrayList<>(size);
        while (true) {
            StoredObject object;
            try {
                if (!listing.hasNext()) {
                    break;
                }
                Item item = listing.next().get();
                object = new StoredObject(item.objectName(), item.size(),
                        item.lastModified() == null ? null : item.lastModified().toInstant());
            } catch (Exception e) {
                throw unavailable("listing " + prefix, e);
            }
            items.add(object);
            if (items.size() == size) {
                page.accept(List.copyOf(items));
                items.clear();
            }
        }
        if (!items.isEmpty()) {
            page.accept(List.copyOf(items));
        }
    }

    /** The size of an object of the own bucket (a HEAD request); empty when there is none. */
    public Optional<Long> size(String key) {
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build()).size());
        } catch (Exception e) {
            RuntimeException failure = translate(config.bucket(), key, e, null, Long.MAX_VALUE, false);
            if (failure instanceof ObjectMissingException) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /**
     * A URL that lets its holder PUT one object into the own bucket until it expires. It names the public endpoint
     * (storage.public-endpoint) when clients reach the storage under another address than the service does.
     */
    public String presignedPut(String key, Duration expiry) {
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.PUT)
                    .bucket(config.bucket())
                    .object(key)
                    .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS)
                    .build());
        } catch (Exception e) {
            throw unavailable("presigning " + key, e);
        }
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchBucket".equals(code);
    }

    /** The caller's body ended before the length it announced: the caller's fault, like a failing source. */
    private static final class ShortBodyException extends IOException {
        ShortBodyException(long missing) {
            super("The body ended " + missing + " bytes before its announced length");
        }
    }

    /**
     * The one classification of a failed call: over the limit, the caller's stream failing, the object missing, or
     * else the storage being unavailable.
     */
    private RuntimeException translate(String bucket, String key, Exception e, HashingInputStream in, long limit,
            boolean sourceIsCaller) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HashingInputStream.LimitExceededException) {
                return new SizeLimitExceededException(limit);
            }
            if (t instanceof ShortBodyException) {
                return new SourceFailedException(e);
            }
        }
        if (sourceIsCaller && in != null && in.sourceFailed()) {
            return new SourceFailedException(e);
        }
        if (e instanceof ErrorResponseException response && isMissing(response)) {
            return new ObjectMissingException(bucket, key, response.errorResponse().code());
        }
        if (e instanceof RuntimeException runtime && (e instanceof StorageUnavailableException
                || e instanceof ObjectMissingException)) {
            return runtime;
        }
        return unavailable(bucket + "/" + key, e);
    }

    private StorageUnavailableException unavailable(String what, Exception e) {
        if (e instanceof StorageUnavailableException already) {
            return already;
        }
        unavailable.increment();
        // The cause's message only: this text reaches logs and the readiness check, never a class name.
        String reason = e.getMessage() == null ? "no reason given" : e.getMessage();
        return new StorageUnavailableException("Object storage unavailable (" + what + "): " + reason, e);
    }

    /** {@code spool}, and {@code also} after it when given; closing closes the spool only (the caller owns {@code also}). */
    private static OutputStream tee(OutputStream spool, OutputStream also) {
        if (also == null) {
            return spool;
        }
        return new FilterOutputStream(spool) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                spool.write(bytes, offset, length);
                also.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
                spool.write(b);
                also.write(b);
            }
        };
    }

    private static Path createSpool(String prefix) {
        try {
            return Files.createTempFile(prefix, ".spool");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the OS cleans the temp directory
        }
    }
}
