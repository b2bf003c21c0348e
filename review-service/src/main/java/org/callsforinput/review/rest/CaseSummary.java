package org.callsforinput.review.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.review.entity.ReviewCase;

/** A case as a queue lists it. */
public record CaseSummary(UUID id, long version, UUID submissionId, String reference, UUID callId, String callSlug,
        ReviewCase.Status status, String assignee, String organisationName, SubmitterCategory submitterCategory, String country,
        String language, List<String> themes, List<String> tags, String title, Consent consent, boolean late, Instant receivedAt,
        Decision decision,
        @Schema(description = "For a search (q): where the words were found, up to two fragments of the title, summary and"
                + " documents' text; each found word stands between \u27E6 and \u27E7. Null without q.",
                examples = "… la remise d'un \u27E6récépissé\u27E7 après chaque contrôle …") String match) {

    static CaseSummary of(ReviewCase c, String match) {
        return new CaseSummary(c.id, c.version, c.submissionId, c.reference, c.callId, c.callSlug, c.status, c.assignee,
                c.organisationName, c.submitterCategory, c.country, c.language, c.themes, c.tags, c.title, c.consent, c.late,
                c.receivedAt, c.decision, match);
    }

    /** One page of a queue. */
    public record Page(
            @Schema(description = "How many cases match the filters; a search (q) counts up to review.search.count-limit"
                    + " (1,000 by default): when more match, that limit, with totalExact false") long total,
            @Schema(description = "False when a search matched more cases than it counts (total is then the limit)") boolean totalExact,
            int page, int size, List<CaseSummary> items) {
    }
}
