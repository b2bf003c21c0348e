package org.callsforinput.submission.idempotency;

import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * The claim this request holds on its Idempotency-Key, from the filter that took it to the end of the request. However
 * the request ends (a client gone before it was dispatched included), the claim stops being renewed then.
 */
@RequestScoped
public class IdempotentRequest {

    private final IdempotencyStore store;
    private UUID token;
    private boolean finished;

    public IdempotentRequest(IdempotencyStore store) {
        this.store = store;
    }

    void hold(UUID token) {
        this.token = token;
    }

    /** The claim, while its key still waits to be completed or released. */
    UUID pending() {
        return finished ? null : token;
    }

    void finished() {
        finished = true;
    }

    @PreDestroy
    void end() {
        if (token != null) {
            store.forget(token);
        }
    }
}
