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
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Decision;
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

    /**
     * NEW (nobody works on it), IN_REVIEW (assigned), PROPOSED (a publication decision awaits a coordinator's
     * approval), DECIDED (final), WITHDRAWN (the contributor withdrew the submission: closed).
     */
    public enum Status {
        NEW, IN_REVIEW, PROPOSED, DECIDED, WITHDRAWN
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

    /** API or EMAIL (mail-intake: the contact is the sender's unverified address). */
    public String channel = "API";

    /** For EMAIL: the receiving server's Authentication-Results header, as recorded by submission-service. */
    @jakarta.persistence.Column(name = "authentication_results")
    public String authenticationResults;

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

    public String assignee;

    @Column(name = "in_mandate")
    public Boolean inMandate;

    @Enumerated(EnumType.STRING)
    @Column(name = "screening_reason")
    public ScreeningReason screeningReason;

    @Column(name = "screening_note")
    public String screeningNote;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = List.of();

    @Column(name = "personal_data")
    public boolean personalData;

    @Column(name = "sensitive_data")
    public boolean sensitiveData;

    @Column(name = "screened_by")
    public String screenedBy;

    @Column(name = "screened_at")
    public Instant screenedAt;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ReviewCase> findBySubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResultOptional();
    }

    /** The case locked for an update: concurrent updates of one case run one after the other. */
    public static Optional<ReviewCase> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether a publication decision was approved (and not retracted since). */
    public boolean isApprovedForPublication() {
        return decidedAt != null && decision != null && decision.publishes() && retractedAt == null;
    }

    /** Received means the submission's own event arrived (a withdrawal can come first). */
    public boolean isReceived() {
        return receivedAt != null;
    }
}
