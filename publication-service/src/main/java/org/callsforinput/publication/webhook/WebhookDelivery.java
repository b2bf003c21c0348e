package org.callsforinput.publication.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One event for one subscription: written in the publishing transaction, sent by {@link WebhookSender}. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** Claimed by a worker; {@link WebhookDelivery#nextAttemptAt} is the end of its lease. */
        SENDING,
        DELIVERED,
        /** The last attempt of the schedule failed, or the receiver answered 410 Gone. */
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "call_id")
    public UUID callId;

    /** The exact JSON sent and signed. */
    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Attempts in the current round of the retry schedule. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The delivery log of a subscription, newest first, optionally of one status. */
    public static List<WebhookDelivery> ofSubscription(UUID subscriptionId, Status status, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        return (status == null
                ? find("subscriptionId", newestFirst, subscriptionId)
                : find("subscriptionId = ?1 and status = ?2", newestFirst, subscriptionId, status))
                .page(page, size).<WebhookDelivery>list();
    }

    /**
     * Deliveries due for an attempt (pending, or claimed by a worker whose lease ran out) of active subscriptions,
     * locked so that other replicas skip them.
     */
    static List<WebhookDelivery> lockDue(Instant now, int limit) {
        return find("status in ?1 and nextAttemptAt <= ?2 and subscriptionId in "
                + "(select s.id from WebhookSubscription s where s.active = true)",
                Sort.ascending("nextAttemptAt"), List.of(Status.PENDING, Status.SENDING), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit)
                .list();
    }
}
