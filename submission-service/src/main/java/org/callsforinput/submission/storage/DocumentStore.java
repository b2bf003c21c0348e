package org.callsforinput.submission.storage;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.gate.GateProblems;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.storage.Digest;
import org.callsforinput.platform.storage.ObjectMissingException;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.platform.storage.SizeLimitExceededException;
import org.callsforinput.platform.storage.SourceFailedException;
import org.callsforinput.platform.storage.Spooled;
import org.callsforinput.platform.storage.StoredObject;

/**
 * The intake's policy for its bucket, on top of the platform's {@link ObjectStorage}: documents are stored as
 * opaque bytes with their original name as metadata, and what the client did wrong (too many bytes, an upload that
 * broke off) becomes the intake's refusal. Storage being away stays a {@code StorageUnavailableException}, which the
 * platform's mapper answers.
 */
@ApplicationScoped
public class DocumentStore {

    private final ObjectStorage storage;

    public DocumentStore(ObjectStorage storage) {
        this.storage = storage;
    }

    /**
     * Streams {@code body} to {@code key}, refusing it while streaming once it exceeds {@code limit} bytes; the
     * result holds a spool copy for the content checks (closing it deletes the copy). Every byte also goes to
     * {@code scan} as it passes (the document gate's sink).
     */
    public Spooled put(String key, InputStream body, long limit, Long contentLength, String fileName, OutputStream scan) {
        try {
            return storage.putSpooled(key, body, limit, contentLength, "application/octet-stream", metadata(fileName), scan);
        } catch (SizeLimitExceededException e) {
            throw tooLarge(limit);
        } catch (SourceFailedException e) {
            throw GateProblems.UPLOAD_INTERRUPTED.exception("The upload ended before the file was complete");
        }
    }

    /**
     * Streams {@code body} to {@code key} while hashing it, refusing it while streaming once it exceeds {@code limit}
     * bytes, with no local copy: for a large document, which the background check reads back from storage.
     */
    public Digest putForCheck(String key, InputStream body, long limit, long contentLength, String fileName) {
        try {
            return storage.putLimited(key, body, limit, contentLength, "application/octet-stream", metadata(fileName));
        } catch (SizeLimitExceededException e) {
            throw tooLarge(limit);
        } catch (SourceFailedException e) {
            throw GateProblems.UPLOAD_INTERRUPTED.exception("The upload ended before the file was complete");
        }
    }

    /** The size of a stored object; empty when there is none. */
    public Optional<Long> size(String key) {
        return storage.size(key);
    }

    /**
     * Reads an object that a client uploaded itself into a spool file, hashing and counting it; empty when there
     * is no such object. Refuses it as soon as it exceeds {@code limit} bytes. Every byte also goes to {@code scan} as
     * it is read (the document gate's sink), so the object is read once.
     */
    public Optional<Spooled> spool(String key, long limit, OutputStream scan) {
        try {
            return Optional.of(storage.spool(storage.bucket(), key, limit, scan));
        } catch (ObjectMissingException e) {
            return Optional.empty();
        } catch (SizeLimitExceededException e) {
            throw tooLarge(limit);
        }
    }

    /** A presigned PUT URL for one object. */
    public String presignedPut(String key, Duration expiry) {
        return storage.presignedPut(key, expiry);
    }

    /** Hands the objects under a prefix to {@code batch}, {@code size} at a time. For the orphan clean-up. */
    public void forEachBatch(String prefix, int size, Consumer<List<StoredObject>> batch) {
        storage.forEachPage(prefix, size, batch);
    }

    /** Removes an object; a failure is logged only, since the orphan clean-up removes it later. */
    public void remove(String key) {
        storage.removeQuietly(key);
    }

    public String bucket() {
        return storage.bucket();
    }

    private static Map<String, String> metadata(String fileName) {
        return Map.of("original-name", URLEncoder.encode(fileName, StandardCharsets.UTF_8));
    }

    private static ApiException tooLarge(long limit) {
        return GateProblems.FILE_TOO_LARGE.exception(
                "The file exceeds the limit of " + limit + " bytes for this submission");
    }
}
