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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.review.config.DocumentsConfig;
import org.callsforinput.review.ReviewProblems;
import org.callsforinput.gate.GateProblems;
import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.gate.DocumentGate;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.review.entity.ReviewCase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Redacted copies uploaded by reviewers: spooled to a temporary file (bounded by the size limit, SHA-256 taken
 * on the way), passed through the document gate as every intake upload is (file-name rule; Word, PDF or ODT checked by
 * content: no macros, encryption, DTDs, outside references or damage; virus scan), stored in this service's own bucket
 * under a server-generated key, then recorded on the case. The original is never touched.
 */
@ApplicationScoped
public class Redactions {

    /** The formats a redacted copy may have: those a publication can carry (no spreadsheets). */
    static final List<DocumentFormat> ACCEPTED = List.of(DocumentFormat.DOCX, DocumentFormat.DOC, DocumentFormat.PDF,
            DocumentFormat.ODT);

    private final ObjectStorage storage;
    private final CaseWork work;
    private final CaseQueries cases;
    private final DocumentGate gate;
    private final long maxSize;

    // quarkus.http.limits.max-body-size is Quarkus's own limit, read as a property (a mapping may not take the prefix
    // quarkus).
    public Redactions(ObjectStorage storage, CaseWork work, CaseQueries cases, DocumentGate gate,
            DocumentsConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpLimit) {
        long maxSize = config.redaction().maxSize();
        // Below the documented limit, the HTTP layer would cut copies the service accepts, with a bare 413.
        if (httpLimit.asLongValue() < maxSize) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + httpLimit.asLongValue()
                    + ") must be at least review.redaction.max-size (" + maxSize + ")");
        }
        this.storage = storage;
        this.work = work;
        this.cases = cases;
        this.gate = gate;
        this.maxSize = maxSize;
    }

    public String bucket() {
        return storage.bucket();
    }

    public ReviewCase upload(UUID caseId, UUID documentId, long version, Actor actor, String fileName, InputStream body) {
        DocumentGate.Claim claim = gate.claim(fileName, ACCEPTED);
        // Fail fast before reading the body: an unknown case or document, or a stale version. In a transaction of its
        // own, so that nothing read here lingers in the request's persistence context.
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewCase known = cases.find(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
            cases.document(known, documentId);
            if (known.version != version) {
                throw ReviewProblems.STALE_VERSION.exception("Case " + known.reference + " is at version "
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
            // The same checks and virus scan as every intake upload; a refusal keeps nothing (the spool goes below).
            DocumentGate.Admitted admitted = gate.admit(file, claim);
            String contentType = admitted.mediaType();
            String name = admitted.fileName();
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
            throw GateProblems.UPLOAD_INTERRUPTED.exception("The upload could not be read: " + e.getMessage());
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
                throw GateProblems.FILE_TOO_LARGE.exception("A redacted copy may have at most " + maxSize + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

}
