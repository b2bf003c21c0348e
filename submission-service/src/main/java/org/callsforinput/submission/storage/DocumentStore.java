package org.callsforinput.submission.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.storage.ObjectStorage;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.quarkus.logging.Log;

/**
 * Streams documents into the service's bucket. Memory stays bounded: the SDK buffers one part (explicit part
 * size) and the bytes pass once, hashed and counted on the way; a spool copy on disk lets the inspector check
 * the content without reading the object back.
 */
@ApplicationScoped
public class DocumentStore {

    /** A stored object and its local spool copy, deleted on close. */
    public record Stored(String key, long size, String sha256, Path spool) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                Log.warnf("Could not delete spool file %s: %s", spool, e.getMessage());
            }
        }
    }

    private static final Map<String, String> RETRY_LATER = Map.of("Retry-After", "30");

    private final MinioClient client;
    private final ObjectStorage storage;

    public DocumentStore(MinioClient client, ObjectStorage storage) {
        this.client = client;
        this.storage = storage;
    }

    /**
     * Streams {@code body} to {@code key}, refusing it while streaming once it exceeds {@code limit} bytes. With a
     * known length the SDK sizes its parts to the object (a small file is one PUT); without one it buffers one part
     * of the configured size.
     */
    public Stored put(String key, InputStream body, long limit, Long contentLength, String fileName) {
        Path spool = createSpool();
        HashingInputStream in = null;
        try (OutputStream copy = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024)) {
            in = new HashingInputStream(body, copy, limit);
            client.putObject(PutObjectArgs.builder()
                    .bucket(storage.bucket())
                    .object(key)
                    .stream(in, contentLength == null ? -1 : contentLength, contentLength == null ? storage.partSize() : -1)
                    .contentType("application/octet-stream")
                    .userMetadata(Map.of("original-name", URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                    .build());
        } catch (Exception e) {
            deleteQuietly(spool);
            remove(key);
            throw translate(e, in, limit);
        }
        return new Stored(key, in.count(), in.sha256(), spool);
    }

    /**
     * Reads an object that a client uploaded itself into a spool file, hashing and counting it; empty when there
     * is no such object. Refuses it as soon as it exceeds {@code limit} bytes.
     */
    public Optional<Stored> spool(String key, long limit) {
        Path spool = createSpool();
        HashingInputStream in = null;
        try (InputStream object = client.getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(key).build());
                OutputStream copy = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024)) {
            in = new HashingInputStream(object, copy, limit);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ErrorResponseException e) {
            deleteQuietly(spool);
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (Exception e) {
            deleteQuietly(spool);
            throw translate(e, null, limit);
        }
        return Optional.of(new Stored(key, in.count(), in.sha256(), spool));
    }

    /** A presigned PUT URL for one object. */
    public String presignedPut(String key, Duration expiry) {
        try {
            return storage.presignedPut(key, expiry);
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /**
     * Hands the objects under a prefix to {@code batch}, {@code size} at a time, as the listing pages arrive (memory
     * stays bounded however many objects the bucket holds). For the orphan clean-up.
     */
    public void forEachBatch(String prefix, int size, Consumer<List<Item>> batch) {
        Iterator<Result<Item>> listing = client.listObjects(
                ListObjectsArgs.builder().bucket(storage.bucket()).prefix(prefix).recursive(true).build()).iterator();
        List<Item> items = new ArrayList<>(size);
        while (true) {
            Item item;
            try {
                if (!listing.hasNext()) {
                    break;
                }
                item = listing.next().get();
            } catch (Exception e) {
                // Only the listing's failures mean storage is away; the batch's own failures propagate as they are.
                throw unavailable(e);
            }
            items.add(item);
            if (items.size() == size) {
                batch.accept(List.copyOf(items));
                items.clear();
            }
        }
        if (!items.isEmpty()) {
            batch.accept(items);
        }
    }

    /** Opens a stored object for reading. */
    public InputStream open(String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(key).build());
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /** Removes an object; a failure is logged only, since the orphan clean-up removes it later. */
    public void remove(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(key).build());
        } catch (Exception e) {
            Log.warnf("Could not remove object %s (the orphan clean-up will): %s", key, e.getMessage());
        }
    }

    public String bucket() {
        return storage.bucket();
    }

    private static RuntimeException translate(Exception e, HashingInputStream in, long limit) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HashingInputStream.LimitExceededException) {
                return new ApiException(413, "file-too-large", "File too large",
                        "The file exceeds the limit of " + limit + " bytes for this submission");
            }
        }
        if (in != null && in.clientFailed()) {
            return new ApiException(400, "upload-interrupted", "Upload interrupted",
                    "The upload ended before the file was complete");
        }
        return unavailable(e);
    }

    static ApiException unavailable(Exception e) {
        Log.warnf("Object storage unavailable: %s", e.toString());
        return new ApiException(503, "storage-unavailable", "Storage unavailable",
                "Document storage is temporarily unavailable; retry later", RETRY_LATER);
    }

    private static Path createSpool() {
        try {
            return Files.createTempFile("upload-", ".spool");
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
