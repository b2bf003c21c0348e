package org.callsforinput.submission.entity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A document the contributor PUTs straight to object storage with a presigned URL, then confirms. */
@Entity
@Table(name = "pending_upload")
public class PendingUpload extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Enumerated(EnumType.STRING)
    public Document.Role role;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "declared_size")
    public long declaredSize;

    @Column(name = "declared_sha256")
    public String declaredSha256;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Which of these object keys an announced upload owns. */
    public static List<String> ownedKeys(Collection<String> objectKeys) {
        return getEntityManager().createQuery("select e.objectKey from PendingUpload e where e.objectKey in :keys", String.class)
                .setParameter("keys", objectKeys).getResultList();
    }
}
