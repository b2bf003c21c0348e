package org.callsforinput.publication.entity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.callsforinput.contracts.DocumentRef;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A document of a contribution: where the decision said to read it, and, once its SHA-256 was checked, the key of
 * the public copy in this service's bucket ({@code sha256/<hex>}, content-addressed). {@link #id} is this service's
 * own public id of the document.
 */
@Entity
@Table(name = "contribution_document")
public class ContributionDocument extends PanacheEntityBase {

    public enum State {
        PENDING, COPIED, MISMATCH, MISSING,
        /** The public copy was removed (retraction or refusal); {@link #objectKey} says where it was. */
        REMOVED
    }

    @Id
    public UUID id;

    @Column(name = "contribution_id")
    public UUID contributionId;

    public int position;

    public String role;

    @Column(name = "source_bucket")
    public String sourceBucket;

    @Column(name = "source_key")
    public String sourceKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** Which form of the contributor's document this is: a {@code DocumentRef.VARIANT_*} value. */
    public String variant;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "copied_at")
    public Instant copiedAt;

    /** Whether another contribution that is or may become public holds a copy of these bytes. */
    public static boolean sharedByAnotherPublication(String sha256, UUID contributionId) {
        return getEntityManager().createQuery("""
                select count(d) from ContributionDocument d, Contribution c
                where d.contributionId = c.id and d.sha256 = :sha256 and d.contributionId <> :contribution
                and c.status in (:pending, :published)""", Long.class)
                .setParameter("sha256", sha256)
                .setParameter("contribution", contributionId)
                .setParameter("pending", Contribution.Status.PENDING)
                .setParameter("published", Contribution.Status.PUBLISHED)
                .getSingleResult() > 0;
    }

    /** A contribution's documents, the main document first, then in the order of the decision. */
    public static List<ContributionDocument> ofContribution(UUID contributionId) {
        return list("contributionId = ?1 order by " + MAIN_FIRST + ", position", contributionId);
    }

    public static List<ContributionDocument> ofContributions(List<UUID> contributionIds) {
        if (contributionIds.isEmpty()) {
            return List.of();
        }
        return list("contributionId in ?1 order by contributionId, " + MAIN_FIRST + ", position", contributionIds);
    }

    /** The order in which a contribution's documents are listed: the main document first, then by position. */
    public static final Comparator<ContributionDocument> LISTING_ORDER = Comparator
            .comparing((ContributionDocument d) -> !DocumentRef.ROLE_MAIN.equals(d.role)).thenComparingInt(d -> d.position);

    // Positions come from the decision's order; publications of decisions that listed an annex first are still main first.
    private static final String MAIN_FIRST = "case when role = '" + DocumentRef.ROLE_MAIN + "' then 0 else 1 end";
}
