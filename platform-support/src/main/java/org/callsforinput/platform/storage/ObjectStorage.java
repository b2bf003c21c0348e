package org.callsforinput.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** The MinIO SDK client of the service, and its bucket, created when missing. */
@ApplicationScoped
public class ObjectStorage {

    private final StorageConfig config;
    private final MinioClient client;
    private volatile boolean bucketReady;

    public ObjectStorage(StorageConfig config) {
        this.config = config;
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
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

    /** Checks that the bucket exists, creating it on first use. Throws when the storage cannot be reached. */
    public void ensureBucket() throws Exception {
        if (bucketReady && client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
            return;
        }
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
                Log.infof("Created bucket %s", config.bucket());
            } catch (ErrorResponseException e) {
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw e;
                }
            }
        }
        bucketReady = true;
    }
}
