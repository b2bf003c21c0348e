package org.callsforinput.publication.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Encrypts signing secrets at rest (AES-256-GCM, the subscription id as associated data so that a ciphertext
 * cannot be moved to another subscription). The signer needs the secret itself, so it cannot be hashed. A ciphertext
 * is {@code v2.<key id>.<base64 of IV and sealed bytes>}: it names its key in the {@link Keyring}. Ciphertexts of before
 * the keyring ({@code v1.<base64>}) name none: every key of the keyring is tried (the GCM tag tells the right one).
 */
@ApplicationScoped
public class SecretBox {

    private static final String V1 = "v1.";
    private static final String V2 = "v2.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final WebhookConfig config;
    private final SecureRandom random = new SecureRandom();
    private volatile Keyring keyring;

    public SecretBox(WebhookConfig config) {
        this.config = config;
    }

    /** A wrong key configuration stops the start (a rollout with a bad Secret never becomes ready). */
    void onStart(@Observes StartupEvent event) {
        Keyring keys = keyring();
        Log.infof("Webhook signing secrets: new ones encrypted with key %s; keys that decrypt: %s", keys.current().id(),
                keys.ids());
    }

    SecureRandom random() {
        return random;
    }

    public String seal(UUID subscriptionId, String secret) {
        Keyring.Key key = keyring().current();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return V2 + key.id() + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a signing secret", e);
        }
    }

    /** The secret; an {@link IllegalStateException} with a message fit for the delivery log when it cannot be read. */
    public String open(UUID subscriptionId, String sealed) {
        Keyring keys = keyring();
        if (sealed.startsWith(V2)) {
            int dot = sealed.indexOf('.', V2.length());
            if (dot < 0) {
                throw new IllegalStateException("The signing secret of subscription " + subscriptionId + " is malformed");
            }
            String id = sealed.substring(V2.length(), dot);
            Keyring.Key key = keys.find(id).orElseThrow(() -> new IllegalStateException("Cannot decrypt the signing secret"
                    + " of subscription " + subscriptionId + ": it is encrypted with key '" + id + "', which is not among the"
                    + " configured keys " + keys.ids() + " (" + Keyring.KEYS_PROPERTY + ")"));
            return decrypt(key, subscriptionId, sealed.substring(dot + 1)).orElseThrow(() -> new IllegalStateException(
                    "Cannot decrypt the signing secret of subscription " + subscriptionId + " with key '" + key.id()
                            + "' (another key under that id, or the secret was altered)"));
        }
        if (sealed.startsWith(V1)) {
            for (Keyring.Key key : keys.keys()) {
                Optional<String> secret = decrypt(key, subscriptionId, sealed.substring(V1.length()));
                if (secret.isPresent()) {
                    return secret.get();
                }
            }
            throw new IllegalStateException("Cannot decrypt the signing secret of subscription " + subscriptionId
                    + ": none of the configured keys " + keys.ids() + " opens it (was the encryption key changed?)");
        }
        throw new IllegalStateException("Unknown signing secret format");
    }

    /** Whether this ciphertext is sealed with the current key (nothing to re-encrypt). */
    boolean sealedWithCurrentKey(String sealed) {
        return sealed.startsWith(currentPrefix());
    }

    /** What every ciphertext sealed with the current key starts with. */
    String currentPrefix() {
        return V2 + keyring().current().id() + ".";
    }

    String currentKeyId() {
        return keyring().current().id();
    }

    private static Optional<String> decrypt(Keyring.Key key, UUID subscriptionId, String base64) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (in.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Takes this key configuration, as a restart with it would (tests rotate keys without a restart, which would
     * clean their database); {@link #useConfigured()} goes back to the service's configuration.
     */
    void use(List<String> keys, Optional<String> singleKey) {
        keyring = load(keys, singleKey);
    }

    void useConfigured() {
        keyring = null;
    }

    private Keyring keyring() {
        Keyring current = keyring;
        if (current == null) {
            synchronized (this) {
                if (keyring == null) {
                    keyring = load(config.encryptionKeys().orElse(List.of()), config.encryptionKey());
                }
                current = keyring;
            }
        }
        return current;
    }

    private Keyring load(List<String> keys, Optional<String> singleKey) {
        if (keys.isEmpty() && singleKey.filter(k -> !k.isBlank()).isEmpty()) {
            Log.warn(Keyring.KEYS_PROPERTY + " is not set: webhook secrets are encrypted with a key kept in the"
                    + " database, which protects nothing against a copy of the database. Set it in production.");
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            String candidate = Base64.getEncoder().encodeToString(generated);
            return Keyring.of(List.of(),
                    Optional.of(QuarkusTransaction.requiringNew().call(() -> WebhookEncryptionKey.storeOrRead(candidate))));
        }
        return Keyring.of(keys, singleKey);
    }
}
