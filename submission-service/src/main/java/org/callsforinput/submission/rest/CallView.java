package org.callsforinput.submission.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Consent;
import org.callsforinput.submission.entity.CallForInput;
import org.callsforinput.gate.DocumentFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call as everyone may read it. */
public record CallView(
        @Schema(examples = "0bf49d07-74cd-4f84-b57c-b1d8b8f664d6") UUID id,
        @Schema(examples = "emler-2023-racial-justice") String slug,
        @Schema(examples = "EMLER-2023") String referencePrefix,
        @Schema(examples = "Expert Mechanism to Advance Racial Justice and Equality in Law Enforcement") String mandate,
        @Schema(examples = """
                {"en": "Call for input: racial justice in law enforcement", "fr": "Appel à contributions : justice raciale"}""")
        Map<String, String> title,
        @Schema(examples = """
                {"en": "Contributions in Word format, with hyperlinks to legislation and statistics."}""")
        Map<String, String> description,
        @Schema(examples = """
                [{"key": "accountability", "label": {"en": "Accountability", "fr": "Responsabilité"}},
                 {"key": "racial-profiling", "label": {"en": "Racial profiling", "fr": "Profilage racial"}}]""")
        List<CallSnapshot.Theme> themes,
        @Schema(examples = "2023-03-01T00:00:00Z") Instant opensAt,
        @Schema(description = "Wall-clock deadline in timeZone", examples = "2023-05-12T23:59:00") LocalDateTime deadline,
        @Schema(description = "IANA time zone", examples = "Europe/Zurich") String timeZone,
        @Schema(description = "The deadline as an instant", examples = "2023-05-12T21:59:00Z") Instant deadlineUtc,
        @Schema(examples = "ACCEPT_FLAGGED") CallForInput.LatePolicy latePolicy,
        @Schema(description = "Hours accepted after the deadline under GRACE_PERIOD", examples = "0") int graceHours,
        @Schema(examples = "[\"DOCX\", \"DOC\"]") List<DocumentFormat> mainTypes,
        @Schema(examples = "[\"PDF\", \"ODT\", \"XLSX\"]") List<DocumentFormat> annexTypes,
        @Schema(examples = "52428800") long maxFileBytes,
        @Schema(examples = "524288000") long maxSubmissionBytes,
        @Schema(examples = "10") int maxFiles,
        @Schema(examples = "PUBLISH_IN_FULL") Consent publicationDefault,
        @Schema(examples = "OPEN") CallForInput.Status status,
        @Schema(description = "Whether a submission would be accepted now, late ones included", examples = "true")
        boolean acceptingSubmissions,
        @Schema(description = "Send contributions by e-mail to this address; null when the call takes none by e-mail",
                examples = "calls+emler-2023@ohchr.example") String intakeEmail) {

    static CallView of(CallForInput call, boolean accepting) {
        return new CallView(call.id, call.slug, call.referencePrefix, call.mandate, call.title, call.description,
                call.themes, call.opensAt, call.deadlineLocal, call.timeZone, call.deadline, call.latePolicy,
                call.graceHours, call.mainTypes, call.annexTypes, call.maxFileBytes,
                call.maxSubmissionBytes, call.maxFiles, call.publicationDefault, call.status, accepting,
                call.intakeEmail);
    }
}
