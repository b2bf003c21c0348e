package org.callsforinput.review.storage;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;

/** Reads submission documents by the bucket and key handed over in submission events. */
@ApplicationScoped
public class SubmissionDocuments {

    /** Object storage could not be reached; the caller retries later. */
    public static class UnavailableException extends Exception {
        UnavailableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final MinioClient client;

    public SubmissionDocuments(MinioClient client) {
        this.client = client;
    }

    /** The object's SHA-256 (lower-case hex), or empty when the object does not exist. */
    public Optional<String> sha256(String bucket, String key) throws UnavailableException {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
                DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digesting.transferTo(OutputStreamSink.INSTANCE);
            return Optional.of(HexFormat.of().formatHex(digesting.getMessageDigest().digest()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchBucket".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new UnavailableException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new UnavailableException(e);
        }
    }

    /** Discards what it is given: the digest is all that matters. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
