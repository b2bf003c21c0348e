package org.callsforinput.submission.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.callsforinput.submission.SubmissionProblems;
import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.Outbox;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.submission.entity.CallForInput;
import org.callsforinput.submission.entity.CallForInput.LatePolicy;
import org.callsforinput.submission.entity.CallForInput.Status;
import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.submission.rest.CallRequest;

import io.quarkus.logging.Log;

/** Calls for input: created, changed, opened and closed by call managers; every change goes out as an event. */
@ApplicationScoped
public class CallService {

    static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    static final int DEFAULT_MAX_FILES = 10;
    static final List<DocumentFormat> DEFAULT_MAIN_TYPES = List.of(DocumentFormat.DOCX, DocumentFormat.DOC);
    static final List<DocumentFormat> DEFAULT_ANNEX_TYPES = List.of(DocumentFormat.PDF, DocumentFormat.ODT, DocumentFormat.XLSX);

    private final Outbox outbox;

    public CallService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Optional<CallForInput> find(UUID id) {
        return CallForInput.findByIdOptional(id);
    }

    /** The calls anyone may read with the given status (OPEN or CLOSED), soonest deadline first. */
    public List<CallForInput> list(Status status) {
        return CallForInput.list("status = ?1 order by deadline, slug", status);
    }

    @Transactional
    public CallForInput create(CallRequest request) {
        if (CallForInput.findBySlug(request.slug()).isPresent()) {
            throw SubmissionProblems.CALL_SLUG_TAKEN.exception(
                    "A call with slug '" + request.slug() + "' already exists");
        }
        CallForInput call = new CallForInput();
        call.id = UUID.randomUUID();
        call.status = Status.DRAFT;
        call.nextSequence = 1;
        call.createdAt = Instant.now();
        call.updatedAt = call.createdAt;
        apply(call, request);
        call.persist();
        return announce(call, EventTypes.CALL_CREATED);
    }

    @Transactional
    public Optional<CallForInput> replace(UUID id, CallRequest request) {
        return CallForInput.<CallForInput>findByIdOptional(id).map(call -> {
            if (!call.slug.equals(request.slug()) && CallForInput.findBySlug(request.slug()).isPresent()) {
                throw SubmissionProblems.CALL_SLUG_TAKEN.exception(
                        "A call with slug '" + request.slug() + "' already exists");
            }
            apply(call, request);
            return announce(call, EventTypes.CALL_UPDATED);
        });
    }

    @Transactional
    public Optional<CallForInput> changeStatus(UUID id, Status target) {
        return CallForInput.<CallForInput>findByIdOptional(id).map(call -> {
            if (call.status == target) {
                return call;
            }
            if (call.status == Status.CLOSED && target == Status.DRAFT) {
                throw SubmissionProblems.INVALID_CALL_TRANSITION.exception("A closed call cannot go back to draft");
            }
            call.status = target;
            Log.infof("Call %s is now %s", call.slug, target);
            return announce(call, EventTypes.CALL_UPDATED);
        });
    }

    private CallForInput announce(CallForInput call, String type) {
        call.updatedAt = Instant.now();
        // The snapshot carries the version after this change, so flush first.
        CallForInput.flush();
        CallSnapshot snapshot = call.snapshot();
        outbox.publish(Topics.CALLS, type, call.id.toString(), snapshot);
        return call;
    }

    private static void apply(CallForInput call, CallRequest request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw SubmissionProblems.INVALID_TIME_ZONE.exception(
                    "timeZone '" + request.timeZone() + "' is not an IANA time zone");
        }
        Instant deadline = request.deadline().atZone(zone).toInstant();
        if (!deadline.isAfter(request.opensAt())) {
            throw SubmissionProblems.INVALID_CALL_DATES.exception("The deadline must come after opensAt");
        }
        if (request.graceHours() != null && request.graceHours() > 0 && request.latePolicy() != LatePolicy.GRACE_PERIOD) {
            throw SubmissionProblems.INVALID_LATE_POLICY.exception(
                    "graceHours only applies to the GRACE_PERIOD late policy");
        }
        if (request.latePolicy() == LatePolicy.GRACE_PERIOD && (request.graceHours() == null || request.graceHours() == 0)) {
            throw SubmissionProblems.INVALID_LATE_POLICY.exception("The GRACE_PERIOD late policy needs graceHours");
        }
        if (new HashSet<>(request.themes().stream().map(CallRequest.ThemeRequest::key).toList()).size() != request.themes().size()) {
            throw SubmissionProblems.DUPLICATE_THEME.exception("Theme keys must be unique");
        }
        List<DocumentFormat> mainTypes = request.mainTypes() == null ? DEFAULT_MAIN_TYPES : List.copyOf(request.mainTypes());
        if (mainTypes.stream().noneMatch(DocumentFormat::isWord)) {
            throw SubmissionProblems.INVALID_DOCUMENT_TYPES.exception(
                    "mainTypes must include a Word format (DOCX or DOC)");
        }
        long maxFileBytes = request.maxFileBytes() == null ? DEFAULT_MAX_FILE_BYTES : request.maxFileBytes();
        int maxFiles = request.maxFiles() == null ? DEFAULT_MAX_FILES : request.maxFiles();
        long maxSubmissionBytes = request.maxSubmissionBytes() == null ? maxFileBytes * maxFiles : request.maxSubmissionBytes();
        if (maxSubmissionBytes < maxFileBytes) {
            throw SubmissionProblems.INVALID_SIZE_LIMITS.exception("maxSubmissionBytes must be at least maxFileBytes");
        }
        call.slug = request.slug();
        call.referencePrefix = request.referencePrefix() == null ? request.slug().toUpperCase() : request.referencePrefix();
        call.mandate = request.mandate().strip();
        call.title = Map.copyOf(request.title());
        call.description = request.description() == null ? Map.of() : Map.copyOf(request.description());
        call.themes = request.themes().stream().map(t -> new CallSnapshot.Theme(t.key(), Map.copyOf(t.label()))).toList();
        call.opensAt = request.opensAt();
        call.deadlineLocal = request.deadline();
        call.timeZone = zone.getId();
        call.deadline = deadline;
        call.latePolicy = request.latePolicy();
        call.graceHours = request.graceHours() == null ? 0 : request.graceHours();
        call.mainTypes = mainTypes;
        call.annexTypes = request.annexTypes() == null ? DEFAULT_ANNEX_TYPES : List.copyOf(request.annexTypes());
        call.maxFileBytes = maxFileBytes;
        call.maxSubmissionBytes = maxSubmissionBytes;
        call.maxFiles = maxFiles;
        call.publicationDefault = request.publicationDefault() == null ? Consent.PUBLISH_IN_FULL : request.publicationDefault();
        String intakeEmail = request.intakeEmail() == null || request.intakeEmail().isBlank() ? null
                : request.intakeEmail().strip().toLowerCase(java.util.Locale.ROOT);
        if (intakeEmail != null && CallForInput.count("lower(intakeEmail) = ?1 and id <> ?2", intakeEmail, call.id) > 0) {
            throw SubmissionProblems.INTAKE_EMAIL_TAKEN.exception(
                    "Another call already receives mail at " + intakeEmail);
        }
        call.intakeEmail = intakeEmail;
    }
}
