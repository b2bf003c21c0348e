package org.callsforinput.platform.storage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
                .build();
        // The region is set, so presigning is a local computation: no request reaches the public endpoint.
        this.presigner = MinioClient.builder()
                .endpoint(config.publicEndpoint().orElse(config.endpoint()))
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
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
