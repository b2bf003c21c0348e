package org.callsforinput.submission.entity;

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
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A partner's contribution to a call: a draft until submitted, then received and reviewed elsewhere. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    public enum Status {
        DRAFT, RECEIVED, UNDER_REVIEW, PUBLISHED, NOT_PUBLISHED, WITHDRAWN
    }

    /** How the contribution arrived: the API (partners, portals) or e-mail through mail-intake (sender unverified). */
    public enum Channel {
        API, EMAIL
    }

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "call_id")
    public UUID callId;

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

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Channel channel = Channel.API;

    /** The receiving mail server's Authentication-Results (SPF, DKIM, DMARC) of an e-mail; recorded, never trusted. */
    @Column(name = "authentication_results")
    public String authenticationResults;

    public String reference;

    @Column(name = "received_at")
    public Instant receivedAt;

    public boolean late;

    /** The signed receipt (compact JWS) issued at submission. */
    @Column(name = "receipt_jws")
    public String receiptJws;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The submission if it belongs to the organisation; another organisation's submission looks absent. */
    public static Optional<Submission> findOwned(UUID id, String organisationId) {
        return find("id = ?1 and organisationId = ?2", id, organisationId).firstResultOptional();
    }

    /** Same as {@link #findOwned}, locked for a state change. */
    public static Optional<Submission> lockOwned(UUID id, String organisationId) {
        return find("id = ?1 and organisationId = ?2", id, organisationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<Submission> listOwned(String organisationId, int page, int size) {
        return find("organisationId", Sort.descending("createdAt"), organisationId).page(page, size).list();
    }
}
