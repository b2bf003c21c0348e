package org.callsforinput.platform.storage;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The S3-compatible object storage (MinIO) of a service: environment STORAGE_ENDPOINT, STORAGE_BUCKET, ... */
@ConfigMapping(prefix = "storage")
public interface StorageConfig {

    /** For example http://127.0.0.1:9000. */
    String endpoint();

    /** The endpoint as clients outside see it, for presigned URLs; defaults to {@link #endpoint()}. */
    Optional<String> publicEndpoint();

    String accessKey();

    String secretKey();

    /** The service's own bucket. */
    String bucket();

    @WithDefault("us-east-1")
    String region();

    /** Multipart part size for uploads of unknown length; it bounds the memory one upload takes. */
    @WithDefault("16777216")
    long partSize();

    /**
     * Time to open a connection to the storage. Short: a storage that does not accept a connection within seconds
     * is away, and the caller (a request, a background loop) had better answer "retry later" than hang.
     */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Longest wait for the next bytes of an answer (the SDK's own default is 5 minutes, which held a request thread
     * that long when the storage stalled). Applies per read, not to a whole download.
     */
    @WithDefault("30s")
    Duration readTimeout();

    /** Longest wait for one write of a request body to be accepted; per write, not for a whole upload. */
    @WithDefault("30s")
    Duration writeTimeout();
}
