package org.callsforinput.publication.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The key that encrypts signing secrets when none is configured: generated once for a local or test run. */
@Entity
@Table(name = "webhook_encryption_key")
public class WebhookEncryptionKey extends PanacheEntityBase {

    static final int THE_KEY = 1;

    @Id
    public int id;

    @Column(name = "key_base64")
    public String keyBase64;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Stores a key unless one is there already (another replica may be first); returns the stored one. */
    static String storeOrRead(String candidateBase64) {
        getEntityManager().createNativeQuery(
                "insert into webhook_encryption_key (id, key_base64, created_at) values (?1, ?2, now()) on conflict (id) do nothing")
                .setParameter(1, THE_KEY).setParameter(2, candidateBase64).executeUpdate();
        WebhookEncryptionKey stored = findById(THE_KEY);
        getEntityManager().refresh(stored);
        return stored.keyBase64;
    }
}
