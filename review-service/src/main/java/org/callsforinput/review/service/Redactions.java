package org.callsforinput.review.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.tika.Tika;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.review.entity.ReviewCase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Redacted copies uploaded by reviewers: spooled to a temporary file (bounded by the size limit, SHA-256 taken
 * on the way), checked by their content (Word, PDF or ODT; no macros, no encryption), stored in this service's
 * own bucket under a server-generated key, then recorded on the case. The original is never touched.
 */
@ApplicationScoped
public class Redactions {

    /** Accepted formats by detected media type, with the Content-Type they are stored and served with. */
    static final Map<String, String> ACCEPTED = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/msword", "application/msword",
            "application/pdf", "application/pdf",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text");

    private final ObjectStorage storage;
    private final CaseWork work;
    private final CaseQueries cases;
    private final long maxSize;
    private final Tika tika = new Tika();

    public Redactions(ObjectStorage storage, CaseWork work, CaseQueries cases,
            @ConfigProperty(name = "review.redaction.max-size") long maxSize) {
        this.storage = storage;
        this.work = work;
        this.cases = cases;
        this.maxSize = maxSize;
    }

    public String bucket() {
        return storage.bucket();
    }

    public ReviewCase upload(UUID caseId, UUID documentId, long version, Actor actor, String fileName, InputStream body) {
        String name = FileNameCheck.require(fileName);
        // Fail fast before reading the body: an unknown case or document, or a stale version. In a transaction of its
        // own, so that nothing read here lingers in the request's persistence context.
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewCase known = cases.find(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
            cases.document(known, documentId);
            if (known.version != version) {
                throw new ApiException(412, "stale-version", "Precondition failed", "Case " + known.reference + " is at version "
                        + known.version + ", not " + version + ": reload it and retry");
            }
        });
        Path file = null;
        String key = "redacted/" + caseId + "/" + documentId + "/" + UUID.randomUUID();
        try {
            file = Files.createTempFile("redacted-", ".bin");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                size = copyBounded(body, out);
            }
            if (size == 0) {
                throw ApiException.badRequest("empty-file", "The redacted copy is empty");
            }
            String detected = tika.detect(file);
            String contentType = ACCEPTED.get(detected);
            if (contentType == null) {
                throw new ApiException(415, "unsupported-document", "Unsupported document",
                        "A redacted copy must be a Word (.docx, .doc), PDF or ODT document without macros or encryption; this one is " + detected);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Storage being away is a StorageUnavailableException, answered by the platform's mapper.
                storage.put(key, in, size, contentType);
            }
            String sha = HexFormat.of().formatHex(sha256.digest());
            try {
                return work.recordRedaction(caseId, version, actor, new CaseWork.RedactedCopy(documentId, key, name, contentType, size, sha));
            } catch (RuntimeException e) {
                storage.removeQuietly(key);
                throw e;
            }
        } catch (IOException e) {
            throw new ApiException(400, "upload-interrupted", "Bad request", "The upload could not be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    Log.warnf("Cannot delete %s: %s", file, e.getMessage());
                }
            }
        }
    }

    private long copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > maxSize) {
                throw new ApiException(413, "file-too-large", "Payload too large", "A redacted copy may have at most " + maxSize + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** File names are metadata only; still, no paths and no control characters. */
    static final class FileNameCheck {
        private FileNameCheck() {
        }

        static String require(String fileName) {
            String name = fileName.strip();
            if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(ch -> Character.isISOControl(ch))
                    || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
                throw ApiException.badRequest("invalid-file-name", "A file name without paths or control characters, at most 255 characters");
            }
            return name;
        }
    }
}
