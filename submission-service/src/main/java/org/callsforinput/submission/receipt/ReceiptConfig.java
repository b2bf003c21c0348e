package org.callsforinput.submission.receipt;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Receipt signing: environment SUBMISSION_RECEIPTS_SIGNING_KEY holds the production key. */
@ConfigMapping(prefix = "submission.receipts")
public interface ReceiptConfig {

    /**
     * An EC P-256 private key as a JWK (JSON) with a kid: it signs new receipts. Rotating: configure a new key with a
     * new kid and restart; the public keys of the earlier ones stay published (table signing_key). Unset: a key is
     * generated and kept in the database.
     */
    Optional<String> signingKey();

    /** The issuer named in every receipt. */
    @WithDefault("submission-service")
    String issuer();
}
