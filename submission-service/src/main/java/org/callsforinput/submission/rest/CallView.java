package org.callsforinput.submission.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Consent;
import org.callsforinput.submission.entity.CallForInput;
import org.callsforinput.submission.entity.DocumentFormat;

/** A call as everyone may read it. */
public record CallView(
        UUID id,
        String slug,
        String referencePrefix,
        String mandate,
        Map<String, String> title,
        Map<String, String> description,
        List<CallSnapshot.Theme> themes,
        Instant opensAt,
        LocalDateTime deadline,
        String timeZone,
        Instant deadlineUtc,
        CallForInput.LatePolicy latePolicy,
        int graceHours,
        List<DocumentFormat> mainTypes,
        List<DocumentFormat> annexTypes,
        long maxFileBytes,
        long maxSubmissionBytes,
        int maxFiles,
        Consent publicationDefault,
        CallForInput.Status status,
        boolean acceptingSubmissions) {

    static CallView of(CallForInput call, boolean accepting) {
        return new CallView(call.id, call.slug, call.referencePrefix, call.mandate, call.title, call.description,
                call.themes, call.opensAt, call.deadlineLocal, call.timeZone, call.deadline, call.latePolicy,
                call.graceHours, call.mainTypes, call.annexTypes, call.maxFileBytes,
                call.maxSubmissionBytes, call.maxFiles, call.publicationDefault, call.status, accepting);
    }
}
