package org.callsforinput.submission.rest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.SubmitterCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A draft's metadata as the contributor sends it; a PUT replaces it whole. */
public record SubmissionRequest(
        @NotNull UUID callId,
        @NotBlank @Size(max = 300) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE)
        @Schema(examples = "Observatoire des droits humains") String organisationName,
        @NotNull SubmitterCategory submitterCategory,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code") @Schema(examples = "FR") String country,
        @NotNull @Valid ContactRequest contact,
        @NotBlank @Pattern(regexp = "[a-z]{2}", message = "an ISO 639-1 code") @Schema(examples = "fr") String language,
        @Size(max = 30) List<@NotBlank @Size(max = 60) String> themes,
        @NotBlank @Size(max = 300) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE)
        @Schema(examples = "Contribution on racial profiling in policing") String title,
        @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String summary,
        @Size(max = 50) List<@NotNull @Valid LinkRequest> links,
        @Size(max = 20) List<@NotBlank @Size(max = 300) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String> coSubmitters,
        @Schema(description = "Defaults to the call's publication default") Consent consent) {

    /** The contact person: private, seen by the secretariat only. */
    public record ContactRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE)
            @Schema(examples = "Camille Martin") String name,
            @NotBlank @Size(max = 254) @Email @Schema(examples = "camille.martin@example.org") String email) {
    }

    /** A hyperlink to a website, document, statistics, regulation or legislation. */
    public record LinkRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006071154") String url,
            @Size(max = 300) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String label,
            @NotNull @Schema(enumeration = { "legislation", "statistics", "report", "website", "other" }, examples = "legislation")
            LinkKind kind) {
    }

    /**
     * A link's kind, spelled in lower case as in every response and event. The upper-case spelling that requests used
     * before is still accepted (deprecated, never answered), so that existing partner clients keep working.
     */
    public enum LinkKind {
        @JsonProperty("legislation") @JsonAlias("LEGISLATION") LEGISLATION,
        @JsonProperty("statistics") @JsonAlias("STATISTICS") STATISTICS,
        @JsonProperty("report") @JsonAlias("REPORT") REPORT,
        @JsonProperty("website") @JsonAlias("WEBSITE") WEBSITE,
        @JsonProperty("other") @JsonAlias("OTHER") OTHER;

        /** The spelling in responses and events. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Patterns refusing control characters in free text. */
    public static final class Text {
        public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
        public static final String SINGLE_LINE_MESSAGE = "must not contain control characters or line breaks";
        public static final String MULTI_LINE = "[\\n\\r\\t\\P{Cntrl}]*"; // one character class: no backtracking stack on long texts
        public static final String MULTI_LINE_MESSAGE = "must not contain control characters other than line breaks and tabs";

        private Text() {
        }
    }
}
