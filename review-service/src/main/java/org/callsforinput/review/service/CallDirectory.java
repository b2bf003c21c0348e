package org.callsforinput.review.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.platform.eventing.Inbox;
import org.callsforinput.review.entity.ReviewCall;

import io.quarkus.logging.Log;

/** Keeps the calls' thematic areas, from call events, newest version wins. */
@ApplicationScoped
public class CallDirectory {

    private final Inbox inbox;

    public CallDirectory(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public boolean handle(InboundEvent event) {
        return inbox.process(event, e -> {
            if (EventTypes.CALL_CREATED.equals(e.type()) || EventTypes.CALL_UPDATED.equals(e.type())) {
                apply(inbox.read(e, CallSnapshot.class));
            }
        });
    }

    void apply(CallSnapshot snapshot) {
        ReviewCall call = ReviewCall.findById(snapshot.callId());
        if (call == null) {
            call = new ReviewCall();
            call.id = snapshot.callId();
            call.version = -1;
        }
        if (snapshot.version() <= call.version) {
            Log.debugf("Call %s: version %d is not newer than %d", snapshot.slug(), snapshot.version(), call.version);
            return;
        }
        call.version = snapshot.version();
        call.slug = snapshot.slug();
        call.title = snapshot.title();
        call.themes = snapshot.themes() == null ? java.util.List.of()
                : snapshot.themes().stream().map(CallSnapshot.Theme::key).toList();
        call.updatedAt = Instant.now();
        call.persist();
    }
}
