package org.callsforinput.review.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.review.ReviewProblems;
import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.gate.clean.MetadataCleaner;
import org.callsforinput.gate.facts.DocumentFacts;
import org.callsforinput.gate.facts.FactsExtractor;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.storage.Digest;
import org.callsforinput.platform.storage.ObjectMissingException;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Metadata-cleaned copies made by the platform, for cases to be published without naming the submitter: the
 * original is read from the submission bucket (its SHA-256 checked against intake's), cleaned by the document gate
 * ({@link MetadataCleaner}: Word .docx only), its facts read again from the bytes written (a copy that still shows
 * identifying metadata is refused), stored in this service's bucket under a server-generated key and recorded on
 * the case. The original is never touched.
 */
@ApplicationScoped
public class CleanedCopies {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private record Source(String bucket, String key, String sha256, String format, String contentType) {
    }

    private final ObjectStorage storage;
    private final DocumentFactsReader facts;
    private final CaseWork work;
    private final CaseQueries cases;

    public CleanedCopies(ObjectStorage storage, DocumentFactsReader facts, CaseWork work, CaseQueries cases) {
        this.storage = storage;
        this.facts = facts;
        this.work = work;
        this.cases = cases;
    }

    public ReviewCase make(UUID caseId, UUID documentId, long version, Actor actor) {
        // Fail fast before any download (unknown case or document, stale version, a consent that names the
        // submitter, a format the platform cannot clean); the update re-checks all of it under the case's lock.
        Source source = QuarkusTransaction.requiringNew().call(() -> {
            ReviewCase known = cases.find(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
            CaseDocument d = cases.document(known, documentId);
            if (known.version != version) {
                throw ReviewProblems.STALE_VERSION.exception("Case " + known.reference + " is at version "
                        + known.version + ", not " + version + ": reload it and retry");
            }
            CaseWork.requireNameless(known);
            return new Source(d.bucket, d.objectKey, d.sha256, d.facts == null ? null : d.facts.format(), d.contentType);
        });
        if (!"docx".equals(source.format()) && !(source.format() == null && DOCX.equals(source.contentType()))) {
            throw notCleanable("this one is " + (source.format() == null ? source.contentType() : "a ." + source.format() + " document"));
        }
        Path original = null;
        Path cleaned = null;
        String key = "cleaned/" + caseId + "/" + documentId + "/" + UUID.randomUUID();
        try {
            original = Files.createTempFile("original-", ".docx");
            cleaned = Files.createTempFile("cleaned-", ".docx");
            String sha;
            try {
                // Storage being away is a StorageUnavailableException, answered by the platform's mapper.
                sha = storage.download(source.bucket(), source.key(), original).sha256();
            } catch (ObjectMissingException e) {
                throw PlatformProblems.DOCUMENT_MISSING.exception(
                        "The stored object of document " + documentId + " is missing (see its integrity)");
            }
            if (!sha.equals(source.sha256())) {
                throw ReviewProblems.DOCUMENT_INTEGRITY.exception("The stored object of document " + documentId
                        + " no longer has the SHA-256 taken at intake (see its integrity)");
            }
            try {
                facts.cleaner().clean(original, cleaned);
            } catch (MetadataCleaner.NotCleanableException e) {
                throw notCleanable(e.getMessage());
            }
            DocumentFacts after;
            try {
                after = facts.read(cleaned);
            } catch (FactsExtractor.UnreadableException e) {
                throw notCleanable("its cleaned copy could not be read back");
            }
            if (!"docx".equals(after.format()) || !after.metadata().identifying().isEmpty()) {
                Log.errorf("Cleaned copy of document %s still shows %s", documentId, after.metadata().identifying());
                throw ReviewProblems.CLEANING_INCOMPLETE.exception("The cleaned copy of document " + documentId
                        + " still shows identifying metadata " + after.metadata().identifying()
                        + ": upload a redacted copy without it instead");
            }
            Digest stored;
            try (InputStream in = Files.newInputStream(cleaned)) {
                stored = storage.put(key, in, Files.size(cleaned), DOCX);
            }
            try {
                return work.recordCleanedCopy(caseId, version, actor,
                        new CaseWork.CleanedCopy(documentId, key, stored.size(), stored.sha256(), source.sha256(), after));
            } catch (RuntimeException e) {
                storage.removeQuietly(key);
                throw e;
            }
        } catch (IOException e) {
            // A part that inflates past its bound, a damaged archive: the document cannot be cleaned here.
            Log.warnf("Document %s cannot be cleaned: %s", documentId, e.getMessage());
            throw notCleanable("its package cannot be read");
        } finally {
            delete(original);
            delete(cleaned);
        }
    }

    private static ApiException notCleanable(String why) {
        return ReviewProblems.DOCUMENT_NOT_CLEANABLE.exception(
                "The platform removes metadata from Word (.docx) documents only; "
                + why + ". For .doc, .pdf and .odt documents, upload a redacted copy without identifying metadata "
                + "(PUT /cases/{id}/documents/{documentId}/redacted) and decide PUBLISH_REDACTED");
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf("Cannot delete %s: %s", file, e.getMessage());
            }
        }
    }
}
