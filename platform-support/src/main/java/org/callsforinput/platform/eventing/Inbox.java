package org.callsforinput.platform.eventing;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Idempotent consumption: an event's effects and its id are committed together, so a repeat changes nothing. */
@ApplicationScoped
public class Inbox {

    /** What a consumer does with an event the first time it sees it. */
    @FunctionalInterface
    public interface Handler {
        void handle(InboundEvent event);
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    public Inbox(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Runs the handler unless the event was processed before; returns whether it ran. */
    @Transactional
    public boolean process(InboundEvent event, Handler handler) {
        int inserted = em.createNativeQuery("""
                insert into processed_event (event_id, type, processed_at) values (?1, ?2, now())
                on conflict (event_id) do nothing""")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .executeUpdate();
        if (inserted == 0) {
            Log.debugf("Skipping event %s (%s): already processed", event.id(), event.type());
            return false;
        }
        handler.handle(event);
        return true;
    }

    public <T> T read(InboundEvent event, Class<T> type) {
        try {
            return mapper.readValue(event.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.id() + " (" + event.type() + ") has an unreadable payload", e);
        }
    }
}
