package org.callsforinput.submission.entity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Consent;
import org.callsforinput.gate.DocumentFormat;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A call for input: what a mechanism asks for, until when, and what it accepts. */
@Entity
@Table(name = "call_for_input")
public class CallForInput extends PanacheEntityBase {

    public enum Status {
        DRAFT, OPEN, CLOSED
    }

    public enum LatePolicy {
        REJECT, ACCEPT_FLAGGED, GRACE_PERIOD
    }

    @Id
    public UUID id;

    @Version
    public long version;

    public String slug;

    @Column(name = "reference_prefix")
    public String referencePrefix;

    public String mandate;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> title;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> description;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<CallSnapshot.Theme> themes;

    @Column(name = "opens_at")
    public Instant opensAt;

    /** The deadline as the call states it, in {@link #timeZone}. */
    @Column(name = "deadline_local")
    public LocalDateTime deadlineLocal;

    @Column(name = "time_zone")
    public String timeZone;

    /** {@link #deadlineLocal} resolved in {@link #timeZone}. */
    public Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_policy")
    public LatePolicy latePolicy;

    @Column(name = "grace_hours")
    public int graceHours;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "main_types")
    public List<DocumentFormat> mainTypes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "annex_types")
    public List<DocumentFormat> annexTypes;

    @Column(name = "max_file_bytes")
    public long maxFileBytes;

    @Column(name = "max_submission_bytes")
    public long maxSubmissionBytes;

    @Column(name = "max_files")
    public int maxFiles;

    @Enumerated(EnumType.STRING)
    @Column(name = "publication_default")
    public Consent publicationDefault;

    /** The address whose mail becomes submissions to this call (mail-intake); none when not set. */
    @Column(name = "intake_email")
    public String intakeEmail;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The next reference number; only SQL increments it (SubmissionService), so the entity never writes it back. */
    @Column(name = "next_sequence", updatable = false)
    public int nextSequence;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<CallForInput> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<CallForInput> listPublic() {
        return list("status in ?1 order by deadline", List.of(Status.OPEN, Status.CLOSED));
    }

    public boolean isPublic() {
        return status != Status.DRAFT;
    }

    /** Whether a submission made at {@code now} is accepted, and whether it is late. */
    public Timeliness timeliness(Instant now) {
        if (status != Status.OPEN || now.isBefore(opensAt)) {
            return Timeliness.NOT_OPEN;
        }
        if (!now.isAfter(deadline)) {
            return Timeliness.ON_TIME;
        }
        return switch (latePolicy) {
            case REJECT -> Timeliness.TOO_LATE;
            case ACCEPT_FLAGGED -> Timeliness.LATE;
            case GRACE_PERIOD -> now.isAfter(deadline.plusSeconds(graceHours * 3600L)) ? Timeliness.TOO_LATE : Timeliness.LATE;
        };
    }

    public enum Timeliness {
        NOT_OPEN, ON_TIME, LATE, TOO_LATE;

        public boolean accepted() {
            return this == ON_TIME || this == LATE;
        }
    }

    public CallSnapshot snapshot() {
        return new CallSnapshot(id, version, slug, mandate, title, description, themes, opensAt, deadline, timeZone,
                status.name());
    }
}
