package org.callsforinput.submission.receipt;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Signs receipts as compact JWS (ES256) and publishes the public keys as a JWKS. */
@ApplicationScoped
public class ReceiptSigner {

    public static final JOSEObjectType TYPE = new JOSEObjectType("receipt+jws");

    private final ReceiptConfig config;
    private volatile ECKey key;
    private volatile ECDSASigner signer;
    private volatile JWKSet publicKeys;

    public ReceiptSigner(ReceiptConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        load();
    }

    @Transactional
    void load() {
        List<JWK> known = new ArrayList<>();
        try {
            for (SigningKey stored : SigningKey.<SigningKey>listAll()) {
                known.add(ECKey.parse(stored.jwk));
            }
            if (config.signingKey().isPresent()) {
                key = ECKey.parse(config.signingKey().get());
            } else if (!known.isEmpty()) {
                key = (ECKey) known.get(known.size() - 1);
            } else {
                key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256).generate();
                SigningKey stored = new SigningKey();
                stored.kid = key.getKeyID();
                stored.jwk = key.toJSONString();
                stored.createdAt = Instant.now();
                stored.persist();
                known.add(key);
                Log.warn("Generated a receipt signing key and kept it in the database; production configures "
                        + "submission.receipts.signing-key instead");
            }
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot load the receipt signing key", e);
        }
        if (known.stream().noneMatch(k -> k.getKeyID().equals(key.getKeyID()))) {
            known.add(key);
        }
        publicKeys = new JWKSet(known).toPublicJWKSet();
        try {
            signer = new ECDSASigner(key); // converts the JWK to a Java key once, not per receipt
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot use the receipt signing key", e);
        }
    }

    /** Signs the receipt's JSON: the result is the receipt itself, verifiable with {@link #publicKeys()}. */
    public String sign(String receiptJson) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(),
                    new Payload(receiptJson));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a receipt", e);
        }
    }

    public JWKSet publicKeys() {
        return publicKeys;
    }

    public String issuer() {
        return config.issuer();
    }
}
