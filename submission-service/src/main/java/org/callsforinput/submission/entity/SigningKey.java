package org.callsforinput.submission.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A key that signs or signed receipts, by kid: every configured key the service used (its public key only, stored when
 * it first signs) and every key generated for a local or test run (with its private part). Rows are never deleted:
 * the JWKS and receipt verification are built from them.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    /** The key as a JWK: the public key of a configured key, the whole key (private part included) of a generated one. */
    public String jwk;

    /** When the service first used it. */
    @Column(name = "created_at")
    public Instant createdAt;
}
