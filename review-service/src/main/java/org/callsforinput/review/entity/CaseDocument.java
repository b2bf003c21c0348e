package org.callsforinput.review.entity;

import java.time.Instant;
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

/** A document of a case, read from the submission bucket by the key carried in the event. */
@Entity
@Table(name = "case_document")
public class CaseDocument extends PanacheEntityBase {

    /** Whether the stored object still has the SHA-256 taken at intake. */
    public enum Integrity {
        PENDING, VERIFIED, MISMATCH, MISSING
    }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String role;

    public String bucket;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Enumerated(EnumType.STRING)
    public Integrity integrity;

    public int attempts;

    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    public static List<CaseDocument> ofCase(UUID caseId) {
        return list("caseId", Sort.ascending("role", "fileName"), caseId);
    }

    /** Documents due for a check, locked so that another replica skips them. */
    public static List<CaseDocument> lockDue(Instant now, int limit) {
        return find("integrity = ?1 and nextCheckAt <= ?2", Sort.ascending("nextCheckAt"), Integrity.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit)
                .list();
    }
}
