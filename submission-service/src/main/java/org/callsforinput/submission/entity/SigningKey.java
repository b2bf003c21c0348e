package org.callsforinput.submission.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A receipt signing key generated for a local or test run (production configures its key instead). */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    /** The key as a JWK, private part included. */
    public String jwk;

    @Column(name = "created_at")
    public Instant createdAt;
}
