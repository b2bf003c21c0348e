package org.callsforinput.submission.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A draft on behalf of an e-mail sender, sent by mail-intake (role {@code mail-intake}) only: channel EMAIL, the
 * sender's address unverified, category and country left for reviewers, consent the call's default.
 */
public record EmailSubmissionRequest(
        @NotNull UUID callId,
        @NotNull @Valid SubmissionRequest.ContactRequest sender,
        @Pattern(regexp = "[a-z]{2}", message = "an ISO 639-1 code")
        @Schema(description = "Defaults to the call's first language", examples = "en") String language,
        @NotBlank @Size(max = 300) @Pattern(regexp = SubmissionRequest.Text.SINGLE_LINE, message = SubmissionRequest.Text.SINGLE_LINE_MESSAGE)
        @Schema(description = "The mail's subject", examples = "Contribution on racial profiling") String title,
        @Size(max = 4000) @Pattern(regexp = SubmissionRequest.Text.MULTI_LINE, message = SubmissionRequest.Text.MULTI_LINE_MESSAGE)
        @Schema(description = "The mail's text") String summary,
        @Size(max = 50) List<SubmissionRequest.@NotNull @Valid LinkRequest> links,
        @Size(max = 4000) @Pattern(regexp = SubmissionRequest.Text.MULTI_LINE, message = SubmissionRequest.Text.MULTI_LINE_MESSAGE)
        @Schema(description = "The receiving server's Authentication-Results header (SPF, DKIM, DMARC); recorded for reviewers, not trusted",
                examples = "mx.ohchr.example; spf=pass smtp.mailfrom=odh.example; dkim=pass header.d=odh.example; dmarc=pass")
        String authenticationResults) {
}
