package org.callsforinput.review.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A conflict of interest a reviewer declared: an organisation (by name) or a country (ISO 3166 alpha-2). */
@Entity
@Table(name = "reviewer_conflict")
public class ReviewerConflict extends PanacheEntityBase {

    public enum Kind {
        ORGANISATION, COUNTRY
    }

    @Id
    public UUID id;

    public String reviewer;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String value;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<ReviewerConflict> of(String reviewer) {
        return list("reviewer", Sort.ascending("kind", "value"), reviewer);
    }

    /** Whether this conflict concerns the case: its organisation, a co-submitter, or its country. */
    public boolean concerns(ReviewCase reviewCase) {
        return switch (kind) {
            case COUNTRY -> value.equalsIgnoreCase(reviewCase.country);
            case ORGANISATION -> sameName(value, reviewCase.organisationName)
                    || (reviewCase.coSubmitters != null && reviewCase.coSubmitters.stream().anyMatch(c -> sameName(value, c)));
        };
    }

    private static boolean sameName(String a, String b) {
        return b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
