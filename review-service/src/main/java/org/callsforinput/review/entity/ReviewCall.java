package org.callsforinput.review.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A call as last announced by submission-service: its thematic areas are the tags reviewers may use. */
@Entity
@Table(name = "review_call")
public class ReviewCall extends PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    public String slug;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> title;

    /** The keys of the call's thematic areas. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> themes;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
