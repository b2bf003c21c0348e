package org.callsforinput.publication.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Signed webhooks to subscribers: publication calls {@link #enqueue} inside the transaction of the state change. */
@ApplicationScoped
public class Webhooks {

    /** Records a delivery of {@code payload} to every subscriber of the call; must run inside the caller's transaction. */
    public void enqueue(String eventType, UUID callId, Object payload) {
        // Placeholder until the webhooks part lands: it records the deliveries here, in the caller's transaction.
    }
}
