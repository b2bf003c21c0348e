package org.callsforinput.submission.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.callsforinput.contracts.Consent;
import org.callsforinput.submission.entity.CallForInput.LatePolicy;
import org.callsforinput.gate.DocumentFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a call manager sends to create or replace a call. Optional fields take the platform defaults. */
public record CallRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?", message = "lower-case letters, digits and dashes")
        @Schema(examples = "emler-2023-racial-justice") String slug,
        @Size(max = 40) @Pattern(regexp = "[A-Z0-9]+(?:-[A-Z0-9]+)*", message = "upper-case letters, digits and dashes")
        @Schema(description = "Prefix of receipt references; defaults to the slug in capitals", examples = "EMLER-2023")
        String referencePrefix,
        @NotBlank @Size(max = 200) @Schema(examples = "Expert Mechanism to Advance Racial Justice and Equality in Law Enforcement")
        String mandate,
        @NotEmpty @Size(max = 3) Map<@Pattern(regexp = "en|fr|es", message = "en, fr or es") String, @NotBlank @Size(max = 300) String> title,
        @Size(max = 3) Map<@Pattern(regexp = "en|fr|es", message = "en, fr or es") String, @Size(max = 20000) String> description,
        @NotEmpty @Size(max = 30) List<@Valid ThemeRequest> themes,
        @NotNull Instant opensAt,
        @NotNull @Schema(description = "Wall-clock deadline in timeZone", examples = "2023-05-12T23:59:00") LocalDateTime deadline,
        @NotBlank @Size(max = 60) @Schema(description = "IANA time zone", examples = "Europe/Zurich") String timeZone,
        @NotNull LatePolicy latePolicy,
        @Min(0) @Max(720) @Schema(description = "Hours accepted after the deadline under GRACE_PERIOD") Integer graceHours,
        @Size(min = 1, max = 5) List<@NotNull DocumentFormat> mainTypes,
        @Size(max = 5) List<@NotNull DocumentFormat> annexTypes,
        @Positive @Max(1L << 32) Long maxFileBytes,
        @Positive @Max(1L << 34) Long maxSubmissionBytes,
        @Min(1) @Max(50) Integer maxFiles,
        Consent publicationDefault,
        @Size(max = 254) @jakarta.validation.constraints.Email
        @Schema(description = "Address whose mail becomes submissions to this call (a mailbox per call, or a plus-address"
                + " on one mailbox); unique across calls", examples = "calls+emler-2023@ohchr.example")
        String intakeEmail) {

    /** A thematic area: a stable key and its label per language. */
    public record ThemeRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}", message = "lower-case letters, digits and dashes") String key,
            @NotEmpty Map<@Pattern(regexp = "en|fr|es", message = "en, fr or es") String, @NotBlank @Size(max = 300) String> label) {
    }
}
