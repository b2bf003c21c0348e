package org.callsforinput.submission.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Idempotency keys per principal, each with the fingerprint of its first request and, once done, its response. */
@ApplicationScoped
public class IdempotencyStore {

    /** What the first request with this key produced. */
    public record StoredResponse(int status, String type, String location, String body) {
    }

    public enum Outcome {
        /** The key is new: the request runs. */
        CLAIMED,
        /** The key was used for another request. */
        MISMATCH,
        /** The first request with this key is still running. */
        IN_PROGRESS,
        /** The first request finished: its response is replayed. */
        REPLAY
    }

    /** The outcome of claiming a key; the stored response comes with REPLAY. */
    public record Claim(Outcome outcome, StoredResponse response) {
        static Claim of(Outcome outcome) {
            return new Claim(outcome, null);
        }
    }

    private final EntityManager em;
    private final Duration retention;
    private final Duration abandonedAfter;

    public IdempotencyStore(EntityManager em,
            @ConfigProperty(name = "submission.idempotency.retention", defaultValue = "24h") Duration retention,
            @ConfigProperty(name = "submission.idempotency.abandoned-after", defaultValue = "5m") Duration abandonedAfter) {
        this.em = em;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    public Claim claim(String principal, String key, String fingerprint) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            // An expired key, or one whose request died before answering, is free again.
            em.createNativeQuery("""
                    delete from idempotency_key where principal = ?1 and idempotency_key = ?2
                    and (expires_at < ?3 or (state = 'IN_PROGRESS' and created_at < ?4))""")
                    .setParameter(1, principal).setParameter(2, key).setParameter(3, now)
                    .setParameter(4, now.minus(abandonedAfter))
                    .executeUpdate();
            int inserted = em.createNativeQuery("""
                    insert into idempotency_key (principal, idempotency_key, fingerprint, state, created_at, expires_at)
                    values (?1, ?2, ?3, 'IN_PROGRESS', ?4, ?5) on conflict do nothing""")
                    .setParameter(1, principal).setParameter(2, key).setParameter(3, fingerprint)
                    .setParameter(4, now).setParameter(5, now.plus(retention))
                    .executeUpdate();
            if (inserted == 1) {
                return Claim.of(Outcome.CLAIMED);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select fingerprint, state, response_status, response_type, response_location, response_body
                    from idempotency_key where principal = ?1 and idempotency_key = ?2""")
                    .setParameter(1, principal).setParameter(2, key)
                    .getResultList();
            if (rows.isEmpty()) {
                // Deleted in between by the request that held it (a 5xx): the client may simply retry.
                return Claim.of(Outcome.IN_PROGRESS);
            }
            Object[] row = rows.get(0);
            if (!fingerprint.equals(row[0])) {
                return Claim.of(Outcome.MISMATCH);
            }
            if ("IN_PROGRESS".equals(row[1])) {
                return Claim.of(Outcome.IN_PROGRESS);
            }
            return new Claim(Outcome.REPLAY, new StoredResponse(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5]));
        });
    }

    public void complete(String principal, String key, StoredResponse response) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update idempotency_key set state = 'COMPLETE', response_status = ?3, response_type = ?4,
                response_location = ?5, response_body = ?6 where principal = ?1 and idempotency_key = ?2""")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, response.status())
                .setParameter(4, response.type()).setParameter(5, response.location()).setParameter(6, response.body())
                .executeUpdate());
    }

    /** Frees the key after a failure on our side, so that a retry runs the request again. */
    public void release(String principal, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from idempotency_key where principal = ?1 and idempotency_key = ?2")
                .setParameter(1, principal).setParameter(2, key).executeUpdate());
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        int purged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from idempotency_key where expires_at < ?1").setParameter(1, Instant.now()).executeUpdate());
        if (purged > 0) {
            Log.infof("Purged %d expired idempotency keys", purged);
        }
    }
}
