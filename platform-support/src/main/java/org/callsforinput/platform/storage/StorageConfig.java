package org.callsforinput.platform.storage;

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
}
