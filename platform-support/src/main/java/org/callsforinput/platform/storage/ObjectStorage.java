package org.callsforinput.platform.storage;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/** The MinIO SDK client of the service, and its bucket, created when missing. */
@ApplicationScoped
public class ObjectStorage {

    private final StorageConfig config;
    private final MinioClient client;
    private final MinioClient presigner;

    public ObjectStorage(StorageConfig config) {
        this.config = config;
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(httpClient())
                .build();
        // The region is set, so presigning is a local computation: no request reaches the public endpoint.
        this.presigner = MinioClient.builder()
                .endpoint(config.publicEndpoint().orElse(config.endpoint()))
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }

    /**
     * The SDK's own defaults (HTTP/1.1, 5-minute timeouts) with the TLS trust given once. The SDK derives a client
     * from this one for every upload; without an explicit trust manager OkHttp would load the platform's CA
     * certificates again each time (measured: 2 % of the service's CPU under load).
     */
    private static OkHttpClient httpClient() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            X509TrustManager trust = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .findFirst().orElseThrow(() -> new IllegalStateException("No X.509 trust manager"));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] { trust }, null);
            Duration timeout = Duration.ofMinutes(5);
            return new OkHttpClient.Builder()
                    .connectTimeout(timeout).writeTimeout(timeout).readTimeout(timeout)
                    .protocols(List.of(Protocol.HTTP_1_1))
                    .sslSocketFactory(tls.getSocketFactory(), trust)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for object storage", e);
        }
    }

    @Produces
    MinioClient client() {
        return client;
    }

    public String bucket() {
        return config.bucket();
    }

    public long partSize() {
        return config.partSize();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureBucket();
        } catch (Exception e) {
            // Not fatal: readiness reports object storage as down and retries until it is back.
            Log.warnf("Object storage %s not reachable at start: %s", config.endpoint(), e.getMessage());
        }
    }

    /** Checks that the bucket exists, creating it when missing. Throws when the storage cannot be reached. */
    public void ensureBucket() throws Exception {
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
    }

    /**
     * A URL that lets its holder PUT one object into the bucket until it expires. It names the public endpoint
     * (storage.public-endpoint) when clients reach the storage under another address than the service does.
     */
    public String presignedPut(String key, Duration expiry) throws Exception {
        return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.PUT)
                .bucket(config.bucket())
                .object(key)
                .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS)
                .build());
    }
}
