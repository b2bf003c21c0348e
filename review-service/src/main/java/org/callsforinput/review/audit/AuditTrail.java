package org.callsforinput.review.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The append-only, hash-chained audit trail: every action on a case (who, what, when, before and after). Each
 * entry's hash covers the previous entry's hash and its own content, so that changing, removing or reordering
 * an entry breaks the chain from there on; {@link #verify()} walks it.
 */
@ApplicationScoped
public class AuditTrail {

    /** The hash before the first entry. */
    static final String GENESIS = "0".repeat(64);
    /** Serialises appends across transactions and replicas, so that the chain never forks. */
    private static final long APPEND_LOCK = 0x61756469745f6c6bL;
    private static final int VERIFY_BATCH = 1000;

    /** The outcome of walking the chain; {@code brokenAt} is the first entry whose hash does not hold. */
    public record Verification(boolean valid, long entries, Long brokenAt, String lastHash) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    public AuditTrail(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Appends an entry in the caller's transaction. {@code before}/{@code after} are serialised to JSON (may be null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String actor, String action, UUID caseId, Object before, Object after) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, APPEND_LOCK).getSingleResult();
        List<?> last = em.createNativeQuery("select hash from audit_entry order by seq desc limit 1").getResultList();
        String prev = last.isEmpty() ? GENESIS : (String) last.get(0);
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so that the hash re-computes
        entry.actor = actor;
        entry.action = action;
        entry.caseId = caseId;
        entry.before = json(before);
        entry.after = json(after);
        entry.prevHash = prev;
        entry.hash = hash(entry);
        entry.persist();
        return entry;
    }

    /** Walks the whole chain in order, in batches. */
    @Transactional
    public Verification verify() {
        String expectedPrev = GENESIS;
        long seq = 0;
        long count = 0;
        List<AuditEntry> batch;
        do {
            batch = AuditEntry.after(seq, VERIFY_BATCH);
            for (AuditEntry entry : batch) {
                if (!entry.prevHash.equals(expectedPrev) || !entry.hash.equals(hash(entry))) {
                    return new Verification(false, count, entry.seq, expectedPrev);
                }
                expectedPrev = entry.hash;
                seq = entry.seq;
                count++;
            }
            em.clear();
        } while (batch.size() == VERIFY_BATCH);
        return new Verification(true, count, null, expectedPrev);
    }

    static String hash(AuditEntry e) {
        // Each field length-prefixed, so that no two different entries hash the same text.
        StringBuilder content = new StringBuilder();
        for (String field : new String[] { e.prevHash, e.at.toString(), e.actor, e.action, String.valueOf(e.caseId),
                String.valueOf(e.before), String.valueOf(e.after) }) {
            content.append(field.length()).append(':').append(field).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise audit state", e);
        }
    }
}
