package org.callsforinput.review.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.gate.facts.DocumentFacts;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Text extraction: PENDING until read, EXTRACTED, FAILED (unparsable: never blocks the case), SKIPPED (integrity failed). */
    public enum TextState {
        PENDING, EXTRACTED, FAILED, SKIPPED
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

    @Enumerated(EnumType.STRING)
    @Column(name = "text_state")
    public TextState textState = TextState.PENDING;

    @Column(name = "text_language")
    public String textLanguage;

    /** Loaded only when asked for: it can be large. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "text_content")
    public String textContent;

    @Column(name = "text_truncated")
    public boolean textTruncated;

    @Column(name = "text_error")
    public String textError;

    @Column(name = "redacted_key")
    public String redactedKey;

    @Column(name = "redacted_file_name")
    public String redactedFileName;

    @Column(name = "redacted_content_type")
    public String redactedContentType;

    @Column(name = "redacted_size")
    public Long redactedSize;

    @Column(name = "redacted_sha256")
    public String redactedSha256;

    @Column(name = "redacted_by")
    public String redactedBy;

    @Column(name = "redacted_at")
    public Instant redactedAt;

    /** What the document gate found in the document (null until checked, or when it could not be read: see factsError). */
    @JdbcTypeCode(SqlTypes.JSON)
    public DocumentFacts facts;

    @Column(name = "facts_error")
    public String factsError;

    /** The metadata-cleaned copy made by the platform (same file name and type as the original), in this service's bucket. */
    @Column(name = "cleaned_key")
    public String cleanedKey;

    @Column(name = "cleaned_size")
    public Long cleanedSize;

    @Column(name = "cleaned_sha256")
    public String cleanedSha256;

    /** The facts of the cleaned copy, read again from the bytes written. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cleaned_facts")
    public DocumentFacts cleanedFacts;

    @Column(name = "cleaned_by")
    public String cleanedBy;

    @Column(name = "cleaned_at")
    public Instant cleanedAt;

    public boolean isCleaned() {
        return cleanedKey != null;
    }

    /** A cleaned copy whose own facts show no identifying metadata. */
    public boolean hasCleanCopy() {
        return isCleaned() && cleanedFacts != null && cleanedFacts.metadata().identifying().isEmpty();
    }

    public boolean isRedacted() {
        return redactedKey != null;
    }

    /** A case's documents, the main document first (then by file name). */
    public static List<CaseDocument> ofCase(UUID caseId) {
        return list("caseId = ?1 order by case when role = '" + DocumentRef.ROLE_MAIN + "' then 0 else 1 end, fileName", caseId);
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
