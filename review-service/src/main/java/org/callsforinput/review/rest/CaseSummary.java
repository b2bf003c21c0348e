package org.callsforinput.review.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.review.entity.ReviewCase;

/** A case as a queue lists it. */
public record CaseSummary(UUID id, long version, UUID submissionId, String reference, UUID callId, String callSlug,
        ReviewCase.Status status, String assignee, String organisationName, SubmitterCategory submitterCategory, String country,
        String language, List<String> themes, List<String> tags, String title, Consent consent, boolean late, Instant receivedAt,
        Decision decision) {

    static CaseSummary of(ReviewCase c) {
        return new CaseSummary(c.id, c.version, c.submissionId, c.reference, c.callId, c.callSlug, c.status, c.assignee,
                c.organisationName, c.submitterCategory, c.country, c.language, c.themes, c.tags, c.title, c.consent, c.late,
                c.receivedAt, c.decision);
    }

    /** One page of a queue; {@code total} counts every case matching the filters. */
    public record Page(long total, int page, int size, List<CaseSummary> items) {
    }
}
