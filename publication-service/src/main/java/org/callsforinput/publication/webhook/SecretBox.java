package org.callsforinput.publication.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Encrypts signing secrets at rest (AES-256-GCM, the subscription id as associated data so that a ciphertext
 * cannot be moved to another subscription). The signer needs the secret itself, so it cannot be hashed.
 */
@ApplicationScoped
public class SecretBox {

    private static final String VERSION = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final WebhookConfig config;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    public SecretBox(WebhookConfig config) {
        this.config = config;
    }

    SecureRandom random() {
        return random;
    }

    public String seal(UUID subscriptionId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a signing secret", e);
        }
    }

    public String open(UUID subscriptionId, String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown signing secret format");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot decrypt the signing secret of subscription " + subscriptionId + " (was the encryption key changed?)");
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                current = key;
            }
        }
        return current;
    }

    private SecretKey load() {
        String base64 = config.encryptionKey().filter(k -> !k.isBlank()).orElse(null);
        if (base64 == null) {
            Log.warn("publication.webhooks.encryption-key is not set: webhook secrets are encrypted with a key kept in"
                    + " the database, which protects nothing against a copy of the database. Set it in production.");
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            String candidate = Base64.getEncoder().encodeToString(generated);
            base64 = QuarkusTransaction.requiringNew().call(() -> WebhookEncryptionKey.storeOrRead(candidate));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("publication.webhooks.encryption-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("publication.webhooks.encryption-key must be 32 bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
