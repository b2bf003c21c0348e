package org.callsforinput.review.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** One entry of the append-only audit trail (the table refuses updates and deletes). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public Instant at;

    public String actor;

    public String action;

    @Column(name = "case_id")
    public UUID caseId;

    /** The case's reviewable state before and after the action, as JSON text (hashed byte for byte). */
    @Column(name = "before_state")
    public String before;

    @Column(name = "after_state")
    public String after;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    public static List<AuditEntry> ofCase(UUID caseId) {
        return list("caseId", Sort.ascending("seq"), caseId);
    }

    static List<AuditEntry> after(long seq, int limit) {
        return find("seq > ?1", Sort.ascending("seq"), seq).page(Page.ofSize(limit)).list();
    }
}
