package org.callsforinput.publication.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery in the delivery log, with every attempt; the body only when one delivery is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, UUID subscriptionId, String messageId, String eventType, UUID callId,
        WebhookDelivery.Status status, Instant createdAt,
        @Schema(description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt,
        Instant deliveredAt, Integer lastStatusCode, String lastError, List<AttemptView> attempts,
        @JsonRawValue @Schema(description = "The JSON body sent (single delivery only)", implementation = Object.class) String body) {

    /** One attempt: when, how long, the status code or the error, and what it led to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(int number, Instant attemptedAt, long durationMs, Integer statusCode, String error,
            WebhookAttempt.Outcome outcome) {
    }

    static DeliveryView of(WebhookDelivery d, List<WebhookAttempt> attempts, boolean withBody) {
        return new DeliveryView(d.id, d.subscriptionId, d.messageId, d.eventType, d.callId, d.status, d.createdAt,
                d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt, d.lastStatusCode,
                d.lastError,
                attempts.stream().map(a -> new AttemptView(a.number, a.attemptedAt, a.durationMs, a.statusCode, a.error,
                        a.outcome)).toList(),
                withBody ? d.body : null);
    }
}
