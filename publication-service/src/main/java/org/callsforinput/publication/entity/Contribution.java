package org.callsforinput.publication.entity;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A contribution approved for publication, with the public metadata of its decision (there is no contact detail
 * to keep: the decision does not carry any). One row per submission: a retraction that arrives before its decision
 * leaves a RETRACTED row without metadata, so that the late decision publishes nothing.
 */
@Entity
@Table(name = "contribution")
public class Contribution extends PanacheEntityBase {

    public enum Status {
        /** Documents being copied, or the call not known yet: nothing public. */
        PENDING,
        PUBLISHED,
        /** A document did not match its SHA-256 or was missing: never public. */
        REFUSED,
        RETRACTED
    }

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "call_id")
    public UUID callId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public boolean anonymised;

    @Column(name = "organisation_name")
    public String organisationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "submitter_category")
    public SubmitterCategory submitterCategory;

    public String country;

    public String language;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> themes;

    public String title;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Hyperlink> links;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "co_submitters")
    public List<String> coSubmitters;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @Column(name = "status_reason")
    public String statusReason;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Contribution> findBySubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResultOptional();
    }

    /** The submission's contribution, locked: a retraction waits for the publication job's transaction on it. */
    public static Optional<Contribution> lockBySubmission(UUID submissionId) {
        return find("submissionId", submissionId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<Contribution> publishedOfCall(UUID callId) {
        return list("callId = ?1 and status = ?2", Sort.ascending("publishedAt"), callId, Status.PUBLISHED);
    }

    /** The latest published contributions of every call, newest first. */
    public static List<Contribution> latestPublished(int limit) {
        return find("status", Sort.descending("publishedAt"), Status.PUBLISHED).page(0, limit).list();
    }

    /**
     * Per call: the number of published contributions and the time of the latest change to what is or was public
     * (a retraction counts), for listings and their Last-Modified.
     */
    public static Map<UUID, Summary> summaries() {
        List<Object[]> rows = getEntityManager().createQuery("""
                select c.callId, sum(case when c.status = :published then 1 else 0 end), max(c.updatedAt)
                from Contribution c where c.status in (:published, :retracted) and c.publishedAt is not null
                group by c.callId""", Object[].class)
                .setParameter("published", Status.PUBLISHED)
                .setParameter("retracted", Status.RETRACTED)
                .getResultList();
        Map<UUID, Summary> summaries = new HashMap<>();
        for (Object[] row : rows) {
            summaries.put((UUID) row[0], new Summary(((Number) row[1]).longValue(), (Instant) row[2]));
        }
        return summaries;
    }

    /**
     * Contributions due for the publication job (pending ones to publish, refused or retracted ones whose copies are to
     * be removed), locked so that another replica skips them.
     */
    public static List<Contribution> lockDue(Instant now, int limit) {
        return find("nextAttemptAt <= ?1", Sort.ascending("nextAttemptAt"), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit)
                .list();
    }

    /** Pending contributions of a call that just became known: the job looks at them now. */
    public static int wakeUpPendingOfCall(UUID callId, Instant now) {
        return update("nextAttemptAt = ?1 where callId = ?2 and status = ?3", now, callId, Status.PENDING);
    }

    /** What the public side may count of a call's contributions. */
    /** The summary of one call's publications (what {@link #summaries()} holds for it). */
    public static Summary summaryOf(UUID callId) {
        Object[] row = getEntityManager().createQuery("""
                select sum(case when c.status = :published then 1 else 0 end), max(c.updatedAt)
                from Contribution c where c.callId = :call and c.status in (:published, :retracted) and c.publishedAt is not null""",
                Object[].class)
                .setParameter("published", Status.PUBLISHED)
                .setParameter("retracted", Status.RETRACTED)
                .setParameter("call", callId)
                .getSingleResult();
        return new Summary(row[0] == null ? 0 : ((Number) row[0]).longValue(), (Instant) row[1]);
    }

    public record Summary(long published, Instant lastChange) {
    }
}
