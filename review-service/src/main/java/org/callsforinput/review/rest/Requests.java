package org.callsforinput.review.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.callsforinput.contracts.Decision;
import org.callsforinput.review.entity.ReviewerConflict;
import org.callsforinput.review.entity.ScreeningReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the reviewer workflow. */
public final class Requests {

    static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    static final String MULTI_LINE = "[\\n\\r\\t\\P{Cntrl}]*"; // one character class: no backtracking stack on long texts
    static final String NO_CONTROLS = "must not contain control characters";

    private Requests() {
    }

    public record AssignmentRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "a user name")
            @Schema(examples = "reviewer2") String assignee) {
    }

    /**
     * Metadata a contribution arrived without (an e-mail carries no category, country or organisation name); each
     * optional, at least one.
     */
    public record MetadataRequest(
            @Schema(examples = "CIVIL_SOCIETY") org.callsforinput.contracts.SubmitterCategory submitterCategory,
            @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code") @Schema(examples = "FR") String country,
            // Leading spaces, then a visible character: disjoint classes, so matching is linear on any input.
            @Size(max = 300) @Pattern(regexp = "[ ]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*", message = "a name on one line")
            @Schema(description = "Published with the contribution unless it is to be published without a name",
                    examples = "Observatoire des droits humains") String organisationName) {
    }

    public record ScreeningRequest(
            @NotNull @Schema(examples = "true") Boolean withinMandate,
            @NotNull @Schema(examples = "WITHIN_MANDATE") ScreeningReason reasonCode,
            @Size(max = 4000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROLS)
            @Schema(examples = "Addresses racial profiling in stop-and-search; relevant to the call.") String note,
            @Size(max = 30) List<@NotBlank @Size(max = 60) String> tags,
            boolean personalData,
            boolean sensitiveData) {
    }

    public record DecisionRequest(
            @NotNull @Schema(examples = "PUBLISH") Decision decision,
            @NotBlank @Size(max = 4000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROLS)
            @Schema(examples = "Within the mandate; consent to publish in full.") String reason) {
    }

    public record RejectionRequest(
            @NotBlank @Size(max = 4000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROLS)
            @Schema(examples = "Annex 2 names a victim: publish a redacted copy instead.") String reason) {
    }

    public record CommentRequest(
            @NotBlank @Size(max = 4000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROLS)
            @Schema(examples = "Check the statistics in annex 1 against the 2022 report.") String body) {
    }

    public record ConflictRequest(
            @NotNull @Schema(examples = "ORGANISATION") ReviewerConflict.Kind kind,
            @NotBlank @Size(max = 300) @Pattern(regexp = SINGLE_LINE, message = NO_CONTROLS)
            @Schema(examples = "Observatoire des droits humains") String value) {
    }
}
