package org.callsforinput.submission.service;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.callsforinput.submission.SubmissionProblems;
import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.gate.GateProblems;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmissionReceived;
import org.callsforinput.contracts.SubmissionWithdrawn;
import org.callsforinput.contracts.Topics;
import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.gate.DocumentGate;
import org.callsforinput.platform.eventing.Outbox;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.storage.Digest;
import org.callsforinput.platform.storage.Spooled;
import org.callsforinput.platform.storage.StorageUnavailableException;
import org.callsforinput.submission.entity.CallForInput;
import org.callsforinput.submission.entity.CallForInput.Timeliness;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.submission.entity.PendingUpload;
import org.callsforinput.submission.entity.Submission;
import org.callsforinput.submission.receipt.Receipts;
import org.callsforinput.submission.rest.EmailSubmissionRequest;
import org.callsforinput.submission.rest.SubmissionRequest;
import org.callsforinput.submission.storage.DocumentStore;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Drafts, documents, submission and withdrawal, always within the caller's organisation. Each write joins the
 * transaction of an idempotent request when there is one (it commits with the request's stored answer); checks
 * before the slow parts run in short transactions of their own.
 */
@ApplicationScoped
public class SubmissionService {

    static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(15);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    // Every format the gate can check; a call's own lists (main and annex types) narrow it in uploadLimit.
    static final List<DocumentFormat> FORMATS = List.of(DocumentFormat.values());
    private static final String CHECK_RETRY_AFTER_SECONDS = "10";

    private final Outbox outbox;
    private final DocumentStore store;
    private final Receipts receipts;
    private final DocumentGate gate;
    private final Event<DocumentChecks.Due> checksDue;
    private final long checkAfterStorageFrom;

    public SubmissionService(Outbox outbox, DocumentStore store, Receipts receipts, DocumentGate gate,
            Event<DocumentChecks.Due> checksDue, DocumentChecksConfig checks) {
        this.outbox = outbox;
        this.store = store;
        this.receipts = receipts;
        this.gate = gate;
        this.checksDue = checksDue;
        this.checkAfterStorageFrom = checks.checkAfterStorageFrom().asLongValue();
    }

    public Optional<Submission> find(Contributor who, UUID id) {
        return Submission.findOwned(id, who.organisationId());
    }

    public List<Submission> list(Contributor who, int page, int size) {
        return Submission.listOwned(who.organisationId(), page, size);
    }

    @Transactional
    public Submission createDraft(Contributor who, SubmissionRequest request) {
        CallForInput call = acceptingCall(request.callId());
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.callId = call.id;
        submission.organisationId = who.organisationId();
        submission.status = Submission.Status.DRAFT;
        submission.createdBy = who.subject();
        submission.createdAt = Instant.now();
        apply(submission, call, request);
        submission.persist();
        return submission;
    }

    /** A draft on behalf of an e-mail sender: what a mail carries, the rest left to reviewers or the call's defaults. */
    @Transactional
    public Submission createEmailDraft(Contributor intake, EmailSubmissionRequest request) {
        CallForInput call = acceptingCall(request.callId());
        String language = request.language() == null ? call.title.keySet().stream().sorted().findFirst().orElse("en")
                : request.language();
        if (!LANGUAGES.contains(language)) {
            throw SubmissionProblems.INVALID_LANGUAGE.exception("language '" + language + "' is not an ISO 639-1 code");
        }
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.callId = call.id;
        submission.organisationId = intake.organisationId();
        submission.status = Submission.Status.DRAFT;
        submission.channel = Submission.Channel.EMAIL;
        submission.createdBy = intake.subject();
        submission.createdAt = Instant.now();
        // The sender's name is personal data: the contact (private), never the organisation's name, which stays empty
        // until a reviewer gives it (review-service, PUT /cases/{id}/metadata).
        submission.organisationName = null;
        submission.contactName = request.sender().name().strip();
        submission.contactEmail = request.sender().email().strip();
        submission.language = language;
        submission.themes = List.of();
        submission.title = request.title().strip();
        submission.summary = request.summary();
        submission.links = links(request.links());
        submission.coSubmitters = List.of();
        submission.consent = call.publicationDefault;
        submission.authenticationResults = request.authenticationResults();
        submission.updatedAt = submission.createdAt;
        submission.persist();
        Log.infof("E-mail draft %s for call %s", submission.id, call.slug);
        return submission;
    }

    @Transactional
    public Optional<Submission> updateDraft(Contributor who, UUID id, SubmissionRequest request) {
        return Submission.lockOwned(id, who.organisationId()).map(submission -> {
            requireDraft(submission);
            if (!submission.callId.equals(request.callId())) {
                throw SubmissionProblems.CALL_IMMUTABLE.exception("A draft cannot move to another call");
            }
            apply(submission, acceptingCall(request.callId()), request);
            return submission;
        });
    }

    @Transactional
    public boolean deleteDraft(Contributor who, UUID id) {
        Optional<Submission> found = Submission.lockOwned(id, who.organisationId());
        if (found.isEmpty()) {
            return false;
        }
        requireDraft(found.get());
        List<Document> documents = Document.ofSubmission(id);
        Document.delete("submissionId", id);
        found.get().delete();
        // Objects go after the rows: a crash in between leaves orphans, which the clean-up removes.
        documents.forEach(d -> store.remove(d.objectKey));
        return true;
    }

    /** One document of one of the caller's submissions. */
    public Optional<Document> document(Contributor who, UUID id, UUID documentId) {
        return Submission.findOwned(id, who.organisationId()).flatMap(
                s -> Document.<Document>find("id = ?1 and submissionId = ?2", documentId, id).firstResultOptional());
    }

    public List<Document> documents(UUID submissionId) {
        return Document.ofSubmission(submissionId);
    }

    /**
     * Streams a document into storage, checks it with the document gate, then records it ACCEPTED; nothing is kept
     * when a check fails. A document announced from {@code submission.documents.check-after-storage-from} on is
     * stored and hashed in one pass and recorded CHECKING: {@link DocumentChecks} gives the gate's verdict afterwards.
     */
    public Document attach(Contributor who, UUID id, Document.Role role, String fileName, Long contentLength,
            InputStream body) {
        DocumentGate.Claim claim = gate.claim(fileName, FORMATS);
        DocumentFormat claimed = claim.format();
        String name = claim.fileName();
        long limit = QuarkusTransaction.requiringNew().call(() -> uploadLimit(who, id, role, claimed));
        if (contentLength != null && contentLength > limit) {
            // Announced too large: refused before a byte is stored.
            throw tooLarge(limit);
        }
        UUID documentId = UUID.randomUUID();
        String key = "submissions/" + id + "/" + documentId;
        if (contentLength != null && contentLength >= checkAfterStorageFrom) {
            Digest digest = store.putForCheck(key, body, limit, contentLength, name);
            try {
                return QuarkusTransaction.joiningExisting().call(
                        () -> record(who, id, role, documentId, name, claimed, key, digest, Document.Status.CHECKING));
            } catch (RuntimeException e) {
                store.remove(key);
                throw e;
            }
        }
        // One pass over the bytes as they arrive: hash, size limit, spool copy, the PUT and the virus scan's stream.
        try (DocumentGate.Admission admission = gate.begin(claim, contentLength == null ? -1 : contentLength);
                Spooled stored = store.put(key, body, limit, contentLength, name, admission.sink())) {
            try {
                admission.admit(stored.spool());
                return QuarkusTransaction.joiningExisting().call(() -> record(who, id, role, documentId, name, claimed,
                        stored.key(), stored.digest(), Document.Status.ACCEPTED));
            } catch (RuntimeException e) {
                store.remove(key);
                throw e;
            }
        }
    }

    /** A presigned PUT for one document, valid until {@code expiresAt}; confirm it with {@link #completeUpload}. */
    public record UploadTicket(UUID uploadId, String method, String url, Instant expiresAt) {
    }

    /** Announces a document that the contributor will PUT straight to object storage. */
    public UploadTicket startUpload(Contributor who, UUID id, Document.Role role, String fileName, long size, String sha256) {
        DocumentGate.Claim claim = gate.claim(fileName, FORMATS);
        long limit = QuarkusTransaction.requiringNew().call(() -> uploadLimit(who, id, role, claim.format()));
        if (size > limit) {
            throw tooLarge(limit);
        }
        PendingUpload upload = new PendingUpload();
        upload.id = UUID.randomUUID();
        upload.submissionId = id;
        upload.role = role;
        upload.objectKey = "submissions/" + id + "/" + upload.id;
        upload.fileName = claim.fileName();
        upload.declaredSize = size;
        upload.declaredSha256 = sha256;
        upload.createdAt = Instant.now();
        upload.expiresAt = upload.createdAt.plus(UPLOAD_VALIDITY);
        String url = store.presignedPut(upload.objectKey, UPLOAD_VALIDITY);
        QuarkusTransaction.joiningExisting().run(upload::persist);
        return new UploadTicket(upload.id, "PUT", url, upload.expiresAt);
    }

    /**
     * Verifies an uploaded object (size, SHA-256, the document gate) and records it ACCEPTED; refused objects are
     * removed. From {@code submission.documents.check-after-storage-from} on only its size is checked here and it is
     * recorded CHECKING: {@link DocumentChecks} verifies its SHA-256 and gives the gate's verdict afterwards.
     */
    public Document completeUpload(Contributor who, UUID id, UUID uploadId) {
        PendingUpload upload = QuarkusTransaction.requiringNew().call(() -> {
            Submission submission = Submission.findOwned(id, who.organisationId())
                    .orElseThrow(() -> ApiException.notFound("Submission " + id));
            requireDraft(submission);
            requireAccepting(submission);
            return PendingUpload.<PendingUpload>find("id = ?1 and submissionId = ?2", uploadId, id).firstResultOptional()
                    .orElseThrow(() -> ApiException.notFound("Upload " + uploadId));
        });
        // The name passed the gate's rule when the upload was announced; the same claim again, for the content checks.
        DocumentGate.Claim claim = gate.claim(upload.fileName, FORMATS);
        DocumentFormat claimed = claim.format();
        if (upload.declaredSize >= checkAfterStorageFrom) {
            return recordForCheck(who, id, upload, claimed);
        }
        // One read of the object: hash, size limit, spool copy and the virus scan's stream.
        try (DocumentGate.Admission admission = gate.begin(claim, upload.declaredSize)) {
            Optional<Spooled> spooled;
            try {
                spooled = store.spool(upload.objectKey, upload.declaredSize, admission.sink());
            } catch (StorageUnavailableException e) {
                // Storage being away is no reason to drop what the client uploaded: the confirmation can be retried.
                throw e;
            } catch (ApiException e) {
                discard(upload);
                throw e;
            }
            if (spooled.isEmpty()) {
                throw SubmissionProblems.UPLOAD_NOT_FOUND.exception("Nothing was uploaded to the presigned URL yet");
            }
            return verifyAndRecord(who, id, upload, claim, admission, spooled.get());
        }
    }

    private Document recordForCheck(Contributor who, UUID id, PendingUpload upload, DocumentFormat claimed) {
        long size = store.size(upload.objectKey).orElseThrow(
                () -> SubmissionProblems.UPLOAD_NOT_FOUND.exception("Nothing was uploaded to the presigned URL yet"));
        try {
            if (size != upload.declaredSize) {
                throw SubmissionProblems.SIZE_MISMATCH.exception(
                        "The uploaded file has " + size + " bytes, not the " + upload.declaredSize + " announced");
            }
            return QuarkusTransaction.joiningExisting().call(() -> {
                Document document = record(who, id, upload.role, upload.id, upload.fileName, claimed, upload.objectKey,
                        new Digest(upload.declaredSize, upload.declaredSha256), Document.Status.CHECKING);
                PendingUpload.deleteById(upload.id);
                return document;
            });
        } catch (RuntimeException e) {
            discard(upload);
            throw e;
        }
    }

    private Document verifyAndRecord(Contributor who, UUID id, PendingUpload upload, DocumentGate.Claim claim,
            DocumentGate.Admission admission, Spooled spooled) {
        DocumentFormat claimed = claim.format();
        try (Spooled stored = spooled) {
            if (stored.size() != upload.declaredSize) {
                throw SubmissionProblems.SIZE_MISMATCH.exception(
                        "The uploaded file has " + stored.size() + " bytes, not the " + upload.declaredSize + " announced");
            }
            if (!stored.sha256().equals(upload.declaredSha256)) {
                throw SubmissionProblems.CHECKSUM_MISMATCH.exception(
                        "The uploaded file's SHA-256 is not the one announced");
            }
            admission.admit(stored.spool());
            return QuarkusTransaction.joiningExisting().call(() -> {
                Document document = record(who, id, upload.role, upload.id, upload.fileName, claimed, stored.key(),
                        stored.digest(), Document.Status.ACCEPTED);
                PendingUpload.deleteById(upload.id);
                return document;
            });
        } catch (RuntimeException e) {
            discard(upload);
            throw e;
        }
    }

    private void discard(PendingUpload upload) {
        store.remove(upload.objectKey);
        QuarkusTransaction.requiringNew().run(() -> PendingUpload.deleteById(upload.id));
    }

    @Transactional
    public boolean removeDocument(Contributor who, UUID id, UUID documentId) {
        Submission submission = Submission.lockOwned(id, who.organisationId())
                .orElseThrow(() -> ApiException.notFound("Submission " + id));
        requireDraft(submission);
        Optional<Document> document = Document.find("id = ?1 and submissionId = ?2", documentId, id).firstResultOptional();
        document.ifPresent(d -> {
            d.delete();
            store.remove(d.objectKey);
        });
        return document.isPresent();
    }

    /**
     * Moves a complete draft to RECEIVED, with its {@code submission.received} event in the same transaction; answers
     * with its signed receipt.
     */
    @Transactional
    public Optional<Receipts.SignedReceipt> submit(Contributor who, UUID id) {
        return Submission.lockOwned(id, who.organisationId()).map(submission -> {
            if (submission.status != Submission.Status.DRAFT) {
                throw SubmissionProblems.ALREADY_SUBMITTED.exception(
                        "Submission " + submission.reference + " was already submitted");
            }
            CallForInput call = CallForInput.findById(submission.callId);
            Instant now = Instant.now();
            Timeliness timeliness = call.timeliness(now);
            if (!timeliness.accepted()) {
                throw closed(call, timeliness);
            }
            List<Document> documents = Document.ofSubmission(id);
            requireChecked(documents);
            boolean hasWordMain = documents.stream().anyMatch(d -> d.role == Document.Role.MAIN
                    && DocumentFormat.ofFileName(d.fileName).map(DocumentFormat::isWord).orElse(false));
            if (!hasWordMain) {
                throw SubmissionProblems.INCOMPLETE_SUBMISSION.exception(
                        "A submission needs a main document in Word format (.docx or .doc)");
            }
            submission.reference = "%s-%04d".formatted(call.referencePrefix, nextSequence(call.id));
            submission.status = Submission.Status.RECEIVED;
            submission.receivedAt = now;
            submission.late = timeliness == Timeliness.LATE;
            submission.updatedAt = now;
            Receipts.SignedReceipt receipt = receipts.issue(submission, call, documents);
            submission.receiptJws = receipt.jws();
            outbox.publish(Topics.SUBMISSIONS, EventTypes.SUBMISSION_RECEIVED, id.toString(), received(submission, call, documents));
            Log.infof("Submission %s received for call %s (late: %s)", submission.reference, call.slug, submission.late);
            return receipt;
        });
    }

    /**
     * The call's next reference number, taken in a transaction of its own so that parallel submissions to one call
     * do not queue on the call's row until they commit. A submission that fails afterwards leaves a gap.
     */
    private int nextSequence(UUID callId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) CallForInput.getEntityManager().createNativeQuery(
                "update call_for_input set next_sequence = next_sequence + 1 where id = ?1 returning next_sequence - 1")
                .setParameter(1, callId).getSingleResult()).intValue());
    }

    @Transactional
    public Optional<Submission> withdraw(Contributor who, UUID id) {
        return Submission.lockOwned(id, who.organisationId()).map(submission -> {
            switch (submission.status) {
                case DRAFT -> throw SubmissionProblems.NOT_SUBMITTED.exception("A draft is deleted, not withdrawn");
                case WITHDRAWN -> {
                    return submission;
                }
                default -> {
                    Instant now = Instant.now();
                    submission.status = Submission.Status.WITHDRAWN;
                    submission.updatedAt = now;
                    outbox.publish(Topics.SUBMISSIONS, EventTypes.SUBMISSION_WITHDRAWN, id.toString(),
                            new SubmissionWithdrawn(id, submission.reference, submission.callId, now));
                    return submission;
                }
            }
        });
    }

    private long uploadLimit(Contributor who, UUID id, Document.Role role, DocumentFormat claimed) {
        return uploadLimit(Submission.findOwned(id, who.organisationId())
                .orElseThrow(() -> ApiException.notFound("Submission " + id)), role, claimed);
    }

    private long uploadLimit(Submission submission, Document.Role role, DocumentFormat claimed) {
        requireDraft(submission);
        UUID id = submission.id;
        CallForInput call = requireAccepting(submission);
        List<DocumentFormat> accepted = role == Document.Role.MAIN ? call.mainTypes : call.annexTypes;
        if (!accepted.contains(claimed)) {
            throw GateProblems.UNSUPPORTED_DOCUMENT_TYPE.exception(
                    "This call accepts " + accepted + " as " + role.name().toLowerCase() + " documents");
        }
        // A refused document's bytes are gone: it takes neither a file's place nor room.
        List<Document> documents = Document.ofSubmission(id).stream()
                .filter(d -> d.status != Document.Status.REFUSED).toList();
        if (documents.size() >= call.maxFiles) {
            throw SubmissionProblems.TOO_MANY_FILES.exception(
                    "This call accepts at most " + call.maxFiles + " files per submission");
        }
        long used = documents.stream().mapToLong(d -> d.sizeBytes).sum();
        long limit = Math.min(call.maxFileBytes, call.maxSubmissionBytes - used);
        if (limit <= 0) {
            throw SubmissionProblems.SUBMISSION_TOO_LARGE.exception(
                    "The submission already uses its " + call.maxSubmissionBytes + " bytes");
        }
        return limit;
    }

    /** Every document has the gate's verdict and none was refused: a receipt names only checked documents. */
    private static void requireChecked(List<Document> documents) {
        for (Document document : documents) {
            if (document.status == Document.Status.CHECKING) {
                throw SubmissionProblems.DOCUMENT_BEING_CHECKED.exception("'" + document.fileName
                        + "' is still being checked; submit once its status is ACCEPTED",
                        Map.of("Retry-After", CHECK_RETRY_AFTER_SECONDS));
            }
            if (document.status == Document.Status.REFUSED) {
                throw SubmissionProblems.DOCUMENT_REFUSED.exception("'" + document.fileName + "' was refused ("
                        + document.refusalTitle + "): remove it before submitting");
            }
        }
    }

    private Document record(Contributor who, UUID id, Document.Role role, UUID documentId, String fileName,
            DocumentFormat format, String key, Digest stored, Document.Status status) {
        Submission submission = Submission.lockOwned(id, who.organisationId())
                .orElseThrow(() -> ApiException.notFound("Submission " + id));
        // Re-checked under the lock: two parallel uploads must not both pass the limits.
        if (stored.size() > uploadLimit(submission, role, format)) {
            throw SubmissionProblems.SUBMISSION_TOO_LARGE.exception(
                    "With this file the submission would exceed the call's limits");
        }
        Document document = new Document();
        document.id = documentId;
        document.submissionId = id;
        document.role = role;
        document.objectKey = key;
        document.fileName = fileName;
        document.contentType = format.mediaType;
        document.sizeBytes = stored.size();
        document.sha256 = stored.sha256();
        document.createdAt = Instant.now();
        document.status = status;
        if (status == Document.Status.CHECKING) {
            document.nextCheckAt = document.createdAt;
            checksDue.fire(new DocumentChecks.Due());
        } else {
            document.checkedAt = document.createdAt;
        }
        document.persist();
        submission.updatedAt = document.createdAt;
        return document;
    }

    private SubmissionReceived received(Submission s, CallForInput call, List<Document> documents) {
        List<DocumentRef> refs = documents.stream()
                .map(d -> new DocumentRef(d.id, d.role.name(), store.bucket(), d.objectKey, d.fileName, d.contentType,
                        d.sizeBytes, d.sha256))
                .toList();
        return new SubmissionReceived(s.id, s.reference, call.id, call.slug, s.organisationId, s.organisationName,
                s.submitterCategory, s.country, new Contact(s.contactName, s.contactEmail),
                s.language, s.themes, s.title, s.summary, s.links, s.coSubmitters, s.consent, s.late, s.receivedAt, refs,
                s.channel.name(), s.authenticationResults);
    }

    private static CallForInput acceptingCall(UUID callId) {
        CallForInput call = CallForInput.<CallForInput>findByIdOptional(callId)
                .filter(CallForInput::isPublic)
                .orElseThrow(() -> SubmissionProblems.UNKNOWN_CALL.exception("Call " + callId + " does not exist"));
        Timeliness timeliness = call.timeliness(Instant.now());
        if (!timeliness.accepted()) {
            throw closed(call, timeliness);
        }
        return call;
    }

    private static ApiException closed(CallForInput call, Timeliness timeliness) {
        return switch (timeliness) {
            case NOT_OPEN -> SubmissionProblems.CALL_NOT_OPEN.exception(
                    "Call '" + call.slug + "' is not open for submissions");
            default -> SubmissionProblems.DEADLINE_PASSED.exception(
                    "The deadline of call '" + call.slug + "' has passed ("
                    + call.deadlineLocal + " " + call.timeZone + ")");
        };
    }

    /**
     * A draft takes documents only while its call accepts submissions: once the call is closed or its deadline (with
     * any grace) has passed, nothing can be added, streamed or presigned, that could not be submitted anyway.
     */
    private static CallForInput requireAccepting(Submission draft) {
        CallForInput call = CallForInput.findById(draft.callId);
        Timeliness timeliness = call.timeliness(Instant.now());
        if (!timeliness.accepted()) {
            throw closed(call, timeliness);
        }
        return call;
    }

    private static void requireDraft(Submission submission) {
        if (submission.status != Submission.Status.DRAFT) {
            throw SubmissionProblems.NOT_A_DRAFT.exception(
                    "Submission " + submission.reference + " is " + submission.status
                    + " and can no longer change");
        }
    }

    private static ApiException tooLarge(long limit) {
        return GateProblems.FILE_TOO_LARGE.exception(
                "The file exceeds the limit of " + limit + " bytes for this submission");
    }

    private static void apply(Submission submission, CallForInput call, SubmissionRequest request) {
        if (!COUNTRIES.contains(request.country())) {
            throw PlatformProblems.INVALID_COUNTRY.exception(
                    "country '" + request.country() + "' is not an ISO 3166-1 code");
        }
        if (!LANGUAGES.contains(request.language())) {
            throw SubmissionProblems.INVALID_LANGUAGE.exception(
                    "language '" + request.language() + "' is not an ISO 639-1 code");
        }
        List<String> themes = request.themes() == null ? List.of() : List.copyOf(request.themes());
        Set<String> known = Set.copyOf(call.themes.stream().map(t -> t.key()).toList());
        themes.stream().filter(t -> !known.contains(t)).findFirst().ifPresent(t -> {
            throw SubmissionProblems.UNKNOWN_THEME.exception("Theme '" + t + "' is not one of the call's: " + known);
        });
        List<Hyperlink> links = links(request.links());
        submission.organisationName = request.organisationName().strip();
        submission.submitterCategory = request.submitterCategory();
        submission.country = request.country();
        submission.contactName = request.contact().name().strip();
        submission.contactEmail = request.contact().email().strip();
        submission.language = request.language();
        submission.themes = themes;
        submission.title = request.title().strip();
        submission.summary = request.summary();
        submission.links = links;
        submission.coSubmitters = request.coSubmitters() == null ? List.of() : List.copyOf(request.coSubmitters());
        submission.consent = request.consent() == null ? call.publicationDefault : request.consent();
        submission.updatedAt = Instant.now();
    }

    private static List<Hyperlink> links(List<SubmissionRequest.LinkRequest> requested) {
        return requested == null ? List.of()
                : requested.stream().map(l -> new Hyperlink(checkedUrl(l.url()), l.label(), l.kind().value())).toList();
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw SubmissionProblems.INVALID_LINK.exception(
                        "Link '" + url + "' must be an http(s) URL with a host and no credentials");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw SubmissionProblems.INVALID_LINK.exception("Link '" + url + "' is not a valid URL");
        }
    }
}
