package org.callsforinput.publication.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.platform.eventing.Inbox;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.entity.PublicCall;

import io.quarkus.logging.Log;

/** Keeps the latest public state of every call from call events, whatever order they arrive in. */
@ApplicationScoped
public class CallDirectory {

    private final Inbox inbox;
    private final Event<Publications.Due> due;

    public CallDirectory(Inbox inbox, Event<Publications.Due> due) {
        this.inbox = inbox;
        this.due = due;
    }

    @Transactional
    public boolean handle(InboundEvent event) {
        return inbox.process(event, e -> {
            if (EventTypes.CALL_CREATED.equals(e.type()) || EventTypes.CALL_UPDATED.equals(e.type())) {
                apply(inbox.read(e, CallSnapshot.class));
            }
        });
    }

    public List<PublicCall> publicCalls() {
        return PublicCall.listPublic();
    }

    void apply(CallSnapshot snapshot) {
        PublicCall call = PublicCall.findById(snapshot.callId());
        boolean arrived = call == null;
        if (arrived) {
            call = new PublicCall();
            call.id = snapshot.callId();
        } else if (call.version >= snapshot.version()) {
            Log.debugf("Ignoring call %s version %d: have %d", snapshot.slug(), snapshot.version(), call.version);
            return;
        }
        call.version = snapshot.version();
        call.slug = snapshot.slug();
        call.mandate = snapshot.mandate();
        call.title = snapshot.title();
        call.description = snapshot.description();
        call.themes = snapshot.themes();
        call.opensAt = snapshot.opensAt();
        call.deadline = snapshot.deadline();
        call.timeZone = snapshot.timeZone();
        call.status = snapshot.status();
        call.updatedAt = Instant.now();
        call.persist();
        if (arrived && Contribution.wakeUpPendingOfCall(call.id, call.updatedAt) > 0) {
            // Decisions that came before their call are published now.
            due.fire(new Publications.Due(null));
        }
    }
}
