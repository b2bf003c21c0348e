package org.callsforinput.submission.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency keys per principal, each with the fingerprint of its first request and, once done, its response.
 * A running request holds its key by a lease that this JVM renews ({@link #renewLeases}, every few seconds), so a key
 * whose process died is free again once the lease ends; the key is completed by {@link #complete} inside the
 * request's own transaction, so that the response and the request's effect commit together or not at all.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What the first request with this key produced. */
    public record StoredResponse(int status, String type, String location, String body) {
    }

    public enum Outcome {
        /** The key is new (or its claim died with its process): the request runs. */
        CLAIMED,
        /** The key was used for another request. */
        MISMATCH,
        /** The first request with this key is still running. */
        IN_PROGRESS,
        /** The first request finished: its response is replayed. */
        REPLAY
    }

    /** The outcome of claiming a key; the token comes with CLAIMED, the stored response with REPLAY. */
    public record Claim(Outcome outcome, UUID token, StoredResponse response) {
        static Claim of(Outcome outcome) {
            return new Claim(outcome, null, null);
        }
    }

    private final EntityManager em;
    private final Duration retention;
    private final Duration lease;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    public IdempotencyStore(EntityManager em, IdempotencyConfig config) {
        this.em = em;
        this.retention = config.retention();
        this.lease = config.lease();
    }

    /** How long a claim outlives the process that held it: a retry after this finds the key free. */
    public Duration lease() {
        return lease;
    }

    /** Claims the key in a short transaction of its own; a CLAIMED key is renewed until {@link #forget}. */
    public Claim claim(String principal, String key, String fingerprint) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            UUID token = UUID.randomUUID();
            em.createNativeQuery("delete from idempotency_key where principal = ?1 and idempotency_key = ?2 and expires_at < ?3")
                    .setParameter(1, principal).setParameter(2, key).setParameter(3, now).executeUpdate();
            int inserted = em.createNativeQuery("""
                    insert into idempotency_key (principal, idempotency_key, fingerprint, state, claim_token, lease_until,
                    created_at, expires_at) values (?1, ?2, ?3, 'IN_PROGRESS', ?4, ?5, ?6, ?7) on conflict do nothing""")
                    .setParameter(1, principal).setParameter(2, key).setParameter(3, fingerprint).setParameter(4, token)
                    .setParameter(5, now.plus(lease)).setParameter(6, now).setParameter(7, now.plus(retention))
                    .executeUpdate();
            if (inserted == 1) {
                return new Claim(Outcome.CLAIMED, token, null);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select fingerprint, state, response_status, response_type, response_location, response_body,
                    coalesce(lease_until > ?3, false)
                    from idempotency_key where principal = ?1 and idempotency_key = ?2 for update""")
                    .setParameter(1, principal).setParameter(2, key).setParameter(3, now)
                    .getResultList();
            if (rows.isEmpty()) {
                // Released in between by the request that held it (a 5xx): the client may simply retry.
                return Claim.of(Outcome.IN_PROGRESS);
            }
            Object[] row = rows.get(0);
            if (!fingerprint.equals(row[0])) {
                return Claim.of(Outcome.MISMATCH);
            }
            if ("IN_PROGRESS".equals(row[1])) {
                if (Boolean.TRUE.equals(row[6])) {
                    return Claim.of(Outcome.IN_PROGRESS);
                }
                // Nobody renews this claim any more: its process died before its transaction committed, so the
                // request never happened, and this one runs it.
                em.createNativeQuery("""
                        update idempotency_key set claim_token = ?3, lease_until = ?4
                        where principal = ?1 and idempotency_key = ?2""")
                        .setParameter(1, principal).setParameter(2, key).setParameter(3, token)
                        .setParameter(4, now.plus(lease)).executeUpdate();
                Log.infof("Idempotency key of %s taken over: its first request died before it completed", principal);
                return new Claim(Outcome.CLAIMED, token, null);
            }
            return new Claim(Outcome.REPLAY, null,
                    new StoredResponse(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5]));
        });
        if (claim.outcome() == Outcome.CLAIMED) {
            held.add(claim.token());
        }
        return claim;
    }

    /**
     * Completes the key with its response, in the transaction that is active (the request's own, which holds its
     * effect). False when the claim was lost (the lease ended and another request took the key over): that
     * transaction must then roll back.
     */
    public boolean complete(UUID token, StoredResponse response) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                update idempotency_key set state = 'COMPLETE', response_status = ?2, response_type = ?3,
                response_location = ?4, response_body = ?5, claim_token = null, lease_until = null
                where claim_token = ?1 and state = 'IN_PROGRESS'""")
                .setParameter(1, token).setParameter(2, response.status())
                .setParameter(3, response.type()).setParameter(4, response.location()).setParameter(5, response.body())
                .executeUpdate() == 1);
    }

    /** Frees the key after a failure on our side, so that a retry runs the request again. */
    public void release(UUID token) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from idempotency_key where claim_token = ?1 and state = 'IN_PROGRESS'")
                .setParameter(1, token).executeUpdate());
    }

    /** The request that held the claim is over: its lease is no longer renewed. */
    public void forget(UUID token) {
        held.remove(token);
    }

    /** The heartbeat of the claims this JVM holds: each is renewed long before its lease ends. */
    @Scheduled(every = "${submission.idempotency.heartbeat:3s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renewLeases() {
        if (held.isEmpty()) {
            return;
        }
        List<UUID> tokens = List.copyOf(held);
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update idempotency_key set lease_until = :until where claim_token in (:tokens) and state = 'IN_PROGRESS'")
                    .setParameter("until", Instant.now().plus(lease)).setParameter("tokens", tokens).executeUpdate());
        } catch (RuntimeException e) {
            Log.warnf("Idempotency: renewing %d claim(s) failed, will retry: %s", tokens.size(), e.getMessage());
        }
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
