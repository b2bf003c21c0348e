package org.callsforinput.publication.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A receiver of webhooks: where, which event types, optionally one call only, and its (encrypted) secrets. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;

    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> eventTypes;

    @Column(name = "call_id")
    public UUID callId;

    public String description;

    public boolean active;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Encrypted by {@link SecretBox}. */
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<WebhookSubscription> listAll(int page, int size) {
        return findAll(Sort.ascending("createdAt", "id")).page(page, size).list();
    }

    /** Active subscriptions that want events of this type (and call, when they filter on one). */
    public static List<WebhookSubscription> matching(String eventType, UUID callId) {
        List<WebhookSubscription> candidates = callId == null
                ? list("active = true and callId is null")
                : list("active = true and (callId is null or callId = ?1)", callId);
        return candidates.stream().filter(s -> s.eventTypes.contains(eventType)).toList();
    }

    /** Whether the previous secret still signs at this instant (rotation overlap). */
    public boolean previousSecretValid(Instant now) {
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now);
    }
}
