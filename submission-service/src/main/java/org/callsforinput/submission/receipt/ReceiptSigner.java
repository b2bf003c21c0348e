package org.callsforinput.submission.receipt;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.callsforinput.submission.entity.SigningKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

/**
 * Signs receipts as compact JWS (ES256) and publishes the public keys as a JWKS. One key signs (the configured one;
 * without one, a key generated and kept in the database); every key that ever signed a receipt stays in the
 * {@code signing_key} table and keeps verifying, so the configured key can be replaced (rotated) at any restart.
 * A receipt that cannot be signed is counted ({@code platform_receipt_signing_failures_total} on {@code /q/metrics}):
 * its submission is not received (the alert in docs/operations.md).
 */
@ApplicationScoped
public class ReceiptSigner {

    public static final JOSEObjectType TYPE = new JOSEObjectType("receipt+jws");

    /** The key that signs, and its signer (converted to a Java key once, not per receipt). */
    private record Signing(ECKey key, ECDSASigner signer) {
    }

    private final ReceiptConfig config;
    private final Map<String, ECKey> publicKeys = new ConcurrentHashMap<>();
    private final Counter failures;
    private volatile Signing signing;

    public ReceiptSigner(ReceiptConfig config, MeterRegistry registry) {
        this.config = config;
        this.failures = Counter.builder("platform.receipt.signing.failures")
                .description("Receipts that could not be signed (their submissions were not received)").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        use(config.signingKey());
    }

    /**
     * Chooses the key that signs from now on, as at start: the configured key (its public key is stored under its kid
     * the first time it is used, its private key never), otherwise the newest generated key in the database, otherwise
     * a new generated one. Refuses a configured kid that already names another key (its receipts would no longer
     * verify). Nothing changes when it throws.
     */
    @Transactional
    public void use(Optional<String> configuredJwk) {
        ECKey key = configuredJwk.filter(jwk -> !jwk.isBlank()).map(ReceiptSigner::parseConfigured)
                .map(ReceiptSigner::register).orElseGet(ReceiptSigner::generatedKey);
        try {
            signing = new Signing(key, new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot use the receipt signing key " + key.getKeyID(), e);
        }
        publicKeys.put(key.getKeyID(), key.toPublicJWK());
        Log.infof("Receipts are signed with key %s", key.getKeyID());
    }

    private static ECKey parseConfigured(String jwk) {
        ECKey key;
        try {
            key = ECKey.parse(jwk.strip());
        } catch (ParseException e) {
            throw new IllegalStateException("Cannot load the receipt signing key: submission.receipts.signing-key is not "
                    + "an EC JWK (" + e.getMessage() + ")");
        }
        if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate() || key.getKeyID() == null || key.getKeyID().isBlank()
                || key.getKeyID().length() > 64) {
            throw new IllegalStateException("Cannot load the receipt signing key: submission.receipts.signing-key must be "
                    + "an EC P-256 private key (JWK with d) with a kid of at most 64 characters");
        }
        return key;
    }

    /** Stores the configured key's public key under its kid unless it is there (another replica may be first). */
    private static ECKey register(ECKey key) {
        SigningKey.getEntityManager().createNativeQuery(
                "insert into signing_key (kid, jwk, created_at) values (?1, ?2, ?3) on conflict (kid) do nothing")
                .setParameter(1, key.getKeyID()).setParameter(2, key.toPublicJWK().toJSONString())
                .setParameter(3, Instant.now()).executeUpdate();
        SigningKey stored = SigningKey.findById(key.getKeyID());
        SigningKey.getEntityManager().refresh(stored);
        try {
            if (!ECKey.parse(stored.jwk).computeThumbprint().equals(key.computeThumbprint())) {
                throw new IllegalStateException("Cannot load the receipt signing key: kid " + key.getKeyID()
                        + " already names another key, which signed receipts since " + stored.createdAt
                        + "; give the new key a new kid");
            }
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot read the stored receipt key " + key.getKeyID(), e);
        }
        return key;
    }

    /** The newest generated key (one kept with its private part), or a new one (local and test runs). */
    private static ECKey generatedKey() {
        List<SigningKey> stored = SigningKey.listAll(Sort.descending("createdAt", "kid"));
        for (SigningKey candidate : stored) {
            ECKey key = parseStored(candidate);
            if (key.isPrivate()) {
                return key;
            }
        }
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            SigningKey generated = new SigningKey();
            generated.kid = key.getKeyID();
            generated.jwk = key.toJSONString();
            generated.createdAt = Instant.now();
            generated.persist();
            Log.warn("Generated a receipt signing key and kept it in the database; production configures "
                    + "submission.receipts.signing-key instead");
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a receipt signing key", e);
        }
    }

    private static ECKey parseStored(SigningKey stored) {
        try {
            return ECKey.parse(stored.jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("The stored receipt key " + stored.kid + " cannot be read", e);
        }
    }

    /** Signs the receipt's JSON: the result is the receipt itself, verifiable with {@link #publicKeys()}. */
    public String sign(String receiptJson) {
        Signing current = signing;
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(current.key().getKeyID())
                    .type(TYPE).build(), new Payload(receiptJson));
            jws.sign(current.signer());
            return jws.serialize();
        } catch (JOSEException | RuntimeException e) {
            failures.increment();
            throw new IllegalStateException("Cannot sign a receipt", e);
        }
    }

    /** The kid of the key that signs now. */
    public String currentKeyId() {
        return signing.key().getKeyID();
    }

    /** Every key that ever signed a receipt here, oldest first, public parts only. */
    @Transactional
    public JWKSet publicKeys() {
        List<JWK> keys = new ArrayList<>();
        for (SigningKey stored : SigningKey.<SigningKey>listAll(Sort.ascending("createdAt", "kid"))) {
            ECKey key = parseStored(stored).toPublicJWK();
            publicKeys.putIfAbsent(key.getKeyID(), key);
            keys.add(key);
        }
        return new JWKSet(keys);
    }

    /**
     * The public key with this kid: cached, else read from the database (a key another replica started signing
     * with after this one started).
     */
    @Transactional
    public Optional<ECKey> publicKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        ECKey cached = publicKeys.get(kid);
        if (cached != null) {
            return Optional.of(cached);
        }
        return SigningKey.<SigningKey>findByIdOptional(kid).map(stored -> {
            ECKey key = parseStored(stored).toPublicJWK();
            publicKeys.put(kid, key);
            return key;
        });
    }

    public String issuer() {
        return config.issuer();
    }
}
