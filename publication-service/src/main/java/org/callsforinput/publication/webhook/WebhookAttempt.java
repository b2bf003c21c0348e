package org.callsforinput.publication.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One attempt to deliver: when, how long, and what came back (a status code or an error). */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    public enum Outcome {
        DELIVERED,
        /** Failed; another attempt is scheduled. */
        RETRY,
        /** Failed, and it was the last attempt of the schedule. */
        FAILED,
        /** The receiver answered 410 Gone: the subscription is disabled. */
        GONE
    }

    @Id
    public UUID id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    public int number;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "duration_ms")
    public long durationMs;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public static List<WebhookAttempt> ofDelivery(UUID deliveryId) {
        return list("deliveryId", Sort.ascending("number"), deliveryId);
    }

    static int nextNumber(UUID deliveryId) {
        // Attempts are never deleted one by one (only with their delivery), so numbers have no gaps.
        return (int) count("deliveryId", deliveryId) + 1;
    }
}
