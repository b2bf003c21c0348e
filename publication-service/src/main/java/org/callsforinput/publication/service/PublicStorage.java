package org.callsforinput.publication.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.platform.storage.ObjectStorage;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.logging.Log;

/**
 * The public copies of published documents in this service's bucket, under content-addressed keys
 * ({@code sha256/<hex>}): a key only ever holds bytes whose SHA-256 was computed while they were written.
 */
@ApplicationScoped
public class PublicStorage {

    /** Object storage could not be reached; the caller retries later. */
    public static class UnavailableException extends Exception {
        public UnavailableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The object named in an event is not there. */
    public static class MissingException extends Exception {
        MissingException(String message) {
            super(message);
        }
    }

    /** What a copy found: the SHA-256 and size of the bytes read, and the key of the public copy when they matched. */
    public record Copy(String sha256, long size, String objectKey) {
        public boolean matched() {
            return objectKey != null;
        }
    }

    private final MinioClient client;
    private final ObjectStorage storage;

    public PublicStorage(MinioClient client, ObjectStorage storage) {
        this.client = client;
        this.storage = storage;
    }

    public static String keyOf(String sha256) {
        return "sha256/" + sha256;
    }

    /**
     * Copies the object at {@code bucket}/{@code key} into this service's bucket when its bytes have the expected
     * SHA-256 and size. The bytes go to a temporary key while their digest is computed, so that nothing that failed
     * the check ever sits under a content-addressed key.
     */
    public Copy copyVerified(String bucket, String key, String expectedSha256, long expectedSize)
            throws UnavailableException, MissingException {
        InputStream source;
        try {
            storage.ensureBucket();
            source = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) {
                throw new MissingException(bucket + "/" + key + ": " + code);
            }
            throw new UnavailableException(e);
        } catch (Exception e) {
            throw new UnavailableException(e);
        }
        String incoming = "incoming/" + UUID.randomUUID();
        String sha256;
        long size;
        try (source; Counting counting = new Counting(source);
                DigestInputStream digesting = new DigestInputStream(counting, MessageDigest.getInstance("SHA-256"))) {
            client.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(incoming)
                    .stream(digesting, -1, storage.partSize()).build());
            sha256 = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
            size = counting.count;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            removeQuietly(incoming);
            throw new UnavailableException(e);
        }
        try {
            if (!sha256.equals(expectedSha256) || size != expectedSize) {
                return new Copy(sha256, size, null);
            }
            String target = keyOf(sha256);
            client.copyObject(CopyObjectArgs.builder().bucket(storage.bucket()).object(target)
                    .source(CopySource.builder().bucket(storage.bucket()).object(incoming).build()).build());
            return new Copy(sha256, size, target);
        } catch (Exception e) {
            throw new UnavailableException(e);
        } finally {
            removeQuietly(incoming);
        }
    }

    /** Opens a public copy for reading; the caller closes the stream. */
    public InputStream open(String objectKey) throws UnavailableException, MissingException {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(objectKey).build());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new MissingException(objectKey);
            }
            throw new UnavailableException(e);
        } catch (Exception e) {
            throw new UnavailableException(e);
        }
    }

    /** Opens {@code length} bytes of a public copy from {@code offset} (a ranged read: the rest is not transferred). */
    public InputStream open(String objectKey, long offset, long length) throws UnavailableException, MissingException {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(objectKey)
                    .offset(offset).length(length).build());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new MissingException(objectKey);
            }
            throw new UnavailableException(e);
        } catch (Exception e) {
            throw new UnavailableException(e);
        }
    }

    /** Removes a public copy; removing one that is not there is fine. */
    public void remove(String objectKey) throws UnavailableException {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(objectKey).build());
        } catch (ErrorResponseException e) {
            if (!"NoSuchKey".equals(e.errorResponse().code())) {
                throw new UnavailableException(e);
            }
        } catch (Exception e) {
            throw new UnavailableException(e);
        }
    }

    private void removeQuietly(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(key).build());
        } catch (Exception e) {
            // Only a temporary object: worth a warning, not a failure.
            Log.warnf("Could not remove temporary object %s: %s", key, e.getMessage());
        }
    }

    /** Counts the bytes that pass. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
