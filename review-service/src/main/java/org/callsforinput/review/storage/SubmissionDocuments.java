package org.callsforinput.review.storage;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;

/** Reads documents by the bucket and key handed over in submission events (or of this service's redacted copies). */
@ApplicationScoped
public class SubmissionDocuments {

    /** Object storage could not be reached; the caller retries later. */
    public static class UnavailableException extends Exception {
        public UnavailableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final MinioClient client;

    public SubmissionDocuments(MinioClient client) {
        this.client = client;
    }

    /**
     * Copies the object to {@code target}, computing its SHA-256 (lower-case hex) on the way; empty when the
     * object does not exist.
     */
    public Optional<String> download(String bucket, String key, Path target) throws UnavailableException {
        try (InputStream in = open(bucket, key);
                DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
                OutputStream out = Files.newOutputStream(target)) {
            digesting.transferTo(out);
            return Optional.of(HexFormat.of().formatHex(digesting.getMessageDigest().digest()));
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw new UnavailableException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new UnavailableException(e);
        }
    }

    /** The object's content, to stream to a reviewer; the caller closes it. */
    public InputStream open(String bucket, String key) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    /** Opens {@code length} bytes from {@code offset} (a ranged read: the rest is not transferred). */
    public InputStream open(String bucket, String key, long offset, long length) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length(length).build());
    }

    public static boolean isMissing(ErrorResponseException e) {
        return "NoSuchKey".equals(e.errorResponse().code()) || "NoSuchBucket".equals(e.errorResponse().code());
    }
}
