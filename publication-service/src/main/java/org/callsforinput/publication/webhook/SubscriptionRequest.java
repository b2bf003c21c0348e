package org.callsforinput.publication.webhook;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sends to create or replace a webhook subscription. */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) @Schema(examples = "https://www.example.org/webhooks/calls-for-input") String url,
        @NotEmpty @Size(max = 2) Set<@NotNull @Pattern(regexp = "publication\\.published|publication\\.retracted",
                message = "publication.published or publication.retracted") String> eventTypes,
        @Schema(description = "Only events of this call; all calls when absent") UUID callId,
        @Size(max = 200) String description,
        @Schema(description = "False disables the subscription (nothing new is enqueued, pending deliveries wait);"
                + " absent: true on create, unchanged on replace") Boolean active) {
}
