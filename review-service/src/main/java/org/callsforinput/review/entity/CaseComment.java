package org.callsforinput.review.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** An internal comment on a case; never leaves review-service. */
@Entity
@Table(name = "case_comment")
public class CaseComment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String author;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<CaseComment> ofCase(UUID caseId) {
        return list("caseId", Sort.ascending("createdAt"), caseId);
    }
}
