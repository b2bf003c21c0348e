package org.callsforinput.publication.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the admin API shows it. {@code secret} is there only in the create and rotate responses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String url, List<String> eventTypes, UUID callId, String description,
        boolean active, String disabledReason, Instant createdAt, Instant updatedAt, Instant secretRotatedAt,
        @Schema(description = "Until when the previous secret also signs (after a rotation)") Instant previousSecretValidUntil,
        @Schema(description = "The signing secret: shown once, in this response only") String secret) {

    static SubscriptionView of(WebhookSubscription s, Instant now, String secret) {
        return new SubscriptionView(s.id, s.url, s.eventTypes, s.callId, s.description, s.active, s.disabledReason,
                s.createdAt, s.updatedAt, s.secretRotatedAt, s.previousSecretValid(now) ? s.previousSecretUntil : null,
                secret);
    }
}
