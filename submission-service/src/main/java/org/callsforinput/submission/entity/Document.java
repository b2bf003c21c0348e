package org.callsforinput.submission.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A file of a submission, stored in the bucket under a server-generated key; the file name is metadata only. A large
 * document is stored before the document gate's verdict: {@link Status#CHECKING} until the background check
 * ({@code DocumentChecks}) accepts or refuses it.
 */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    public enum Role {
        MAIN, ANNEX
    }

    public enum Status {
        /** Stored, the document gate's verdict still to come. */
        CHECKING,
        /** Passed the document gate. */
        ACCEPTED,
        /** Refused by the document gate after it was stored; its bytes are removed, the refusal kept until it is. */
        REFUSED
    }

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Column(name = "created_at")
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "check_attempts")
    public int checkAttempts;

    /** When a CHECKING document is due: its lease while a worker checks it, or its back-off after a failure. */
    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    /** The problem the gate gave a REFUSED document: its type (slug), status, title and detail. */
    @Column(name = "refusal_type")
    public String refusalType;

    @Column(name = "refusal_status")
    public Integer refusalStatus;

    @Column(name = "refusal_title")
    public String refusalTitle;

    @Column(name = "refusal_detail")
    public String refusalDetail;

    /** A submission's documents, the main document first, then in the order they arrived. */
    public static List<Document> ofSubmission(UUID submissionId) {
        List<Document> documents = new ArrayList<>(list("submissionId", Sort.ascending("createdAt"), submissionId));
        documents.sort(Comparator.comparing(d -> d.role != Role.MAIN));
        return documents;
    }

    /** CHECKING documents that are due, locked {@code FOR UPDATE SKIP LOCKED} (replicas never take the same). */
    public static List<Document> lockDueChecks(Instant now, int limit) {
        return find("status = ?1 and nextCheckAt <= ?2", Sort.ascending("nextCheckAt"), Status.CHECKING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit)
                .list();
    }

    /** Which of these object keys a document owns (a REFUSED document's bytes are not kept). */
    public static List<String> ownedKeys(Collection<String> objectKeys) {
        return getEntityManager().createQuery(
                "select e.objectKey from Document e where e.objectKey in :keys and e.status <> :refused", String.class)
                .setParameter("keys", objectKeys).setParameter("refused", Status.REFUSED).getResultList();
    }
}
