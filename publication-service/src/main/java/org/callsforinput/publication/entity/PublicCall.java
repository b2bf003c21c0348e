package org.callsforinput.publication.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.callsforinput.contracts.CallSnapshot;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A call as last announced by submission-service; {@link #version} is the announcer's, so replays never go back. */
@Entity
@Table(name = "public_call")
public class PublicCall extends PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    public String slug;

    public String mandate;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> title;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> description;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<CallSnapshot.Theme> themes;

    @Column(name = "opens_at")
    public Instant opensAt;

    public Instant deadline;

    @Column(name = "time_zone")
    public String timeZone;

    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A public call (not a draft) by its slug. */
    public static Optional<PublicCall> findPublic(String slug) {
        return find("slug = ?1 and status <> 'DRAFT'", slug).firstResultOptional();
    }

    /** A call in any status, drafts included (the secretariat's preview). */
    public static Optional<PublicCall> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Calls that are public (not drafts), soonest deadline first. */
    public static List<PublicCall> listPublic() {
        return list("status <> 'DRAFT' order by deadline, slug");
    }
}
