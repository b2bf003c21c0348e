package org.callsforinput.submission.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

/** A file of a submission, stored in the bucket under a server-generated key; the file name is metadata only. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    public enum Role {
        MAIN, ANNEX
    }

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Column(name = "created_at")
    public Instant createdAt;

    /** A submission's documents, the main document first, then in the order they arrived. */
    public static List<Document> ofSubmission(UUID submissionId) {
        List<Document> documents = new ArrayList<>(list("submissionId", Sort.ascending("createdAt"), submissionId));
        documents.sort(Comparator.comparing(d -> d.role != Role.MAIN));
        return documents;
    }

    /** Which of these object keys a document owns. */
    public static List<String> ownedKeys(Collection<String> objectKeys) {
        return getEntityManager().createQuery("select e.objectKey from Document e where e.objectKey in :keys", String.class)
                .setParameter("keys", objectKeys).getResultList();
    }
}
