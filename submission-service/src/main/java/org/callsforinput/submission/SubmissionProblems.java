package org.callsforinput.submission;

import java.util.List;

import org.callsforinput.platform.problem.ProblemCatalogue;
import org.callsforinput.platform.problem.ProblemType;

/** The problem types of submission-service's own refusals (the platform's and the document gate's come on top). */
public enum SubmissionProblems implements ProblemType {

    UNKNOWN_CALL("unknown-call", 400, "Unknown call", "The draft names a call that does not exist or is not public",
            "Call 0bf49d07-74cd-4f84-b57c-b1d8b8f664d6 does not exist"),
    CALL_IMMUTABLE("call-immutable", 400, "Call cannot change", "A draft's update names another call",
            "A draft cannot move to another call"),
    INVALID_LANGUAGE("invalid-language", 400, "Invalid language", "A language is not an ISO 639-1 code",
            "language 'xx' is not an ISO 639-1 code"),
    UNKNOWN_THEME("unknown-theme", 400, "Unknown theme", "A theme is not one of the call's",
            "Theme 'policing' is not one of the call's: [accountability, racial-profiling]"),
    INVALID_LINK("invalid-link", 400, "Invalid link", "A link is not an http(s) URL with a host and no credentials",
            "Link 'ftp://example.org/report.pdf' must be an http(s) URL with a host and no credentials"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400, "Invalid idempotency key",
            "The Idempotency-Key header is not 1 to 255 visible ASCII characters",
            "The Idempotency-Key must be 1 to 255 visible ASCII characters"),
    INVALID_TIME_ZONE("invalid-time-zone", 400, "Invalid time zone", "A call's timeZone is not an IANA time zone",
            "timeZone 'Europe/Geneva' is not an IANA time zone"),
    INVALID_CALL_DATES("invalid-call-dates", 400, "Invalid call dates", "A call's deadline is not after opensAt",
            "The deadline must come after opensAt"),
    INVALID_LATE_POLICY("invalid-late-policy", 400, "Invalid late policy",
            "graceHours and the call's late policy do not fit together", "The GRACE_PERIOD late policy needs graceHours"),
    DUPLICATE_THEME("duplicate-theme", 400, "Duplicate theme", "Two themes of a call have the same key",
            "Theme keys must be unique"),
    INVALID_DOCUMENT_TYPES("invalid-document-types", 400, "Invalid document types",
            "A call's main document types include no Word format", "mainTypes must include a Word format (DOCX or DOC)"),
    INVALID_SIZE_LIMITS("invalid-size-limits", 400, "Invalid size limits",
            "A call's submission limit is below its file limit", "maxSubmissionBytes must be at least maxFileBytes"),
    NO_ORGANISATION("no-organisation", 403, "No organisation",
            "The contributor's token names no organisation (org_id) and is not an individual's (role individual)",
            "Your token does not name an organisation (claim org_id)"),
    CALL_SLUG_TAKEN("call-slug-taken", 409, "Call slug taken", "Another call has this slug",
            "A call with slug 'emler-2023-racial-justice' already exists"),
    INTAKE_EMAIL_TAKEN("intake-email-taken", 409, "Intake address taken", "Another call receives mail at this address",
            "Another call already receives mail at calls+emler-2023@ohchr.example"),
    INVALID_CALL_TRANSITION("invalid-call-transition", 409, "Invalid call transition",
            "A call's status cannot move that way (a closed call does not go back to draft)",
            "A closed call cannot go back to draft"),
    CALL_NOT_OPEN("call-not-open", 409, "Call not open", "The call does not accept submissions (not open yet, or closed)",
            "Call 'emler-2023-racial-justice' is not open for submissions"),
    DEADLINE_PASSED("deadline-passed", 409, "Deadline passed", "The call's deadline (and any grace period) has passed",
            "The deadline of call 'emler-2023-racial-justice' has passed (2023-05-12T23:59 Europe/Zurich)"),
    ALREADY_SUBMITTED("already-submitted", 409, "Already submitted", "The submission was already submitted",
            "Submission EMLER-2023-0042 was already submitted"),
    NOT_A_DRAFT("not-a-draft", 409, "Not a draft", "Only drafts change; the submission was submitted or withdrawn",
            "Submission EMLER-2023-0042 is RECEIVED and can no longer change"),
    NOT_SUBMITTED("not-submitted", 409, "Not submitted", "A draft is deleted, not withdrawn",
            "A draft is deleted, not withdrawn"),
    TOO_MANY_FILES("too-many-files", 409, "Too many files", "The call's maximum number of files is reached",
            "This call accepts at most 10 files per submission"),
    UPLOAD_NOT_FOUND("upload-not-found", 409, "Nothing uploaded", "Nothing was PUT to the presigned URL yet",
            "Nothing was uploaded to the presigned URL yet"),
    DOCUMENT_BEING_CHECKED("document-being-checked", 409, "Document being checked",
            "A document of the draft is still being checked (a large document is checked after it is stored)",
            "'Annex - field data.docx' is still being checked; submit once its status is ACCEPTED"),
    DOCUMENT_REFUSED("document-refused", 409, "Document refused",
            "A document of the draft was refused by the checks after it was stored; remove it and upload another",
            "'Annex - field data.docx' was refused (Virus found): remove it before submitting"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", 409, "Request in progress",
            "The first request with this Idempotency-Key still runs; retry after Retry-After seconds",
            "A request with this Idempotency-Key is still being processed; retry later"),
    SUBMISSION_TOO_LARGE("submission-too-large", 413, "Submission too large",
            "The submission's documents would exceed the call's limit", "The submission already uses its 524288000 bytes"),
    INCOMPLETE_SUBMISSION("incomplete-submission", 422, "Incomplete submission",
            "Submit without a main document in Word format", "A submission needs a main document in Word format (.docx or .doc)"),
    SIZE_MISMATCH("size-mismatch", 422, "Size mismatch", "The uploaded object's size is not the one announced",
            "The uploaded file has 48100 bytes, not the 48213 announced"),
    CHECKSUM_MISMATCH("checksum-mismatch", 422, "Checksum mismatch", "The uploaded object's SHA-256 is not the one announced",
            "The uploaded file's SHA-256 is not the one announced"),
    INVALID_RECEIPT("invalid-receipt", 422, "Invalid receipt", "A receipt to verify is malformed or not signed by this platform",
            "The receipt is malformed or not signed by this platform"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused",
            "The Idempotency-Key was used for a different request", "This Idempotency-Key was already used for a different request");

    private final Definition definition;

    SubmissionProblems(String slug, int status, String title, String when, String example) {
        this.definition = new Definition(slug, status, title, when, example);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** Lists this catalogue for {@link ProblemCatalogue#all()}. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<SubmissionProblems> types() {
            return List.of(values());
        }
    }
}
