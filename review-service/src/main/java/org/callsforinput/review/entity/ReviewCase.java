package org.callsforinput.review.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One case per received submission, with everything a reviewer needs (contact details included: this side is
 * internal). A withdrawal that arrives before its submission creates the case already WITHDRAWN.
 */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {

    public enum Status {
        NEW, WITHDRAWN
    }

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "submission_id")
    public UUID submissionId;

    public String reference;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "call_slug")
    public String callSlug;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "organisation_name")
    public String organisationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "submitter_category")
    public SubmitterCategory submitterCategory;

    public String country;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

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

    @Enumerated(EnumType.STRING)
    public Consent consent;

    public boolean late;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ReviewCase> findBySubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResultOptional();
    }

    /** Received means the submission's own event arrived (a withdrawal can come first). */
    public boolean isReceived() {
        return receivedAt != null;
    }
}
