package org.callsforinput.publication.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.callsforinput.contracts.EventTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Where publishing hands events to webhook subscribers: {@link #enqueue} writes one delivery per matching
 * subscription in the caller's transaction (the outbox pattern), so a publication and its webhooks never part.
 * {@link WebhookSender} sends them after the commit.
 */
@ApplicationScoped
public class Webhooks {

    public static final String PUBLICATION_PUBLISHED = EventTypes.PUBLICATION_PUBLISHED;
    public static final String PUBLICATION_RETRACTED = EventTypes.PUBLICATION_RETRACTED;
    public static final Set<String> EVENT_TYPES = Set.of(PUBLICATION_PUBLISHED, PUBLICATION_RETRACTED);

    /** Fired when deliveries were written; the sender observes it after the commit to send at once. */
    public record Enqueued(int deliveries) {
    }

    private final ObjectMapper mapper;
    private final RetryPolicy retries;
    private final Event<Enqueued> enqueued;

    public Webhooks(ObjectMapper mapper, WebhookConfig config, Event<Enqueued> enqueued) {
        this.mapper = mapper;
        this.retries = RetryPolicy.of(config);
        this.enqueued = enqueued;
    }

    /**
     * Records the event for every active subscription that wants this type (and this call, if it filters on one).
     * The payload becomes {@code data} of the body {@code {"type", "timestamp", "data"}}, serialized once. It must
     * hold public data only: no contact details or other personal data.
     *
     * @param eventType {@value #PUBLICATION_PUBLISHED} or {@value #PUBLICATION_RETRACTED}
     * @param callId the call the event belongs to (subscriptions may filter on it); may be null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String eventType, UUID callId, Object payload) {
        if (!EVENT_TYPES.contains(eventType)) {
            throw new IllegalArgumentException("Unknown webhook event type: " + eventType);
        }
        Instant now = Instant.now();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", eventType);
        envelope.put("timestamp", now.toString());
        envelope.put("data", payload);
        String body;
        try {
            body = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Webhook payload cannot be written as JSON: " + eventType, e);
        }
        List<WebhookSubscription> subscriptions = WebhookSubscription.matching(eventType, callId);
        if (subscriptions.isEmpty()) {
            return;
        }
        // One webhook-id per event, the same for every subscriber: their idempotency key.
        String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        for (WebhookSubscription subscription : subscriptions) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.subscriptionId = subscription.id;
            delivery.messageId = messageId;
            delivery.eventType = eventType;
            delivery.callId = callId;
            delivery.body = body;
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.attempts = 0;
            delivery.createdAt = now;
            delivery.nextAttemptAt = now.plus(retries.first());
            delivery.persist();
        }
        Log.infof("Webhook %s %s enqueued for %d subscription(s)", eventType, messageId, subscriptions.size());
        enqueued.fire(new Enqueued(subscriptions.size()));
    }
}
