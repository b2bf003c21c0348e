package org.callsforinput.web.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.callsforinput.web.WebConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the signed-in users' tokens on the server, in the application's own database: the browser's session cookie holds only
 * a random 256-bit secret. The row is keyed by the secret's SHA-256 and the tokens are encrypted (AES-GCM) with a key
 * derived from the secret, so neither a copy of the table nor one of the cookie's name alone is enough. Signing out
 * deletes the row; expired rows are removed as new sessions start.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class DatabaseTokenStateManager implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int IV_BYTES = 12;

    /** What a row's ciphertext holds. */
    record Tokens(String idToken, String accessToken, String refreshToken, Long accessTokenExpiresIn, String scope) {
    }

    private final AgroalDataSource database;
    private final ObjectMapper json;
    private final Duration maxAge;

    public DatabaseTokenStateManager(AgroalDataSource database, ObjectMapper json,
            WebConfig config) {
        this.database = database;
        this.json = json;
        this.maxAge = config.session().maxAge();
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig config, AuthorizationCodeTokens tokens,
            OidcRequestContext<String> request) {
        return request.runBlocking(() -> {
            byte[] secret = new byte[SECRET_BYTES];
            RANDOM.nextBytes(secret);
            Tokens plain = new Tokens(tokens.getIdToken(), tokens.getAccessToken(), tokens.getRefreshToken(),
                    tokens.getAccessTokenExpiresIn(), tokens.getAccessTokenScope());
            Instant now = Instant.now();
            try (Connection c = database.getConnection()) {
                try (PreparedStatement expired = c.prepareStatement("DELETE FROM web_session WHERE expires_at < ?")) {
                    expired.setTimestamp(1, Timestamp.from(now));
                    expired.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO web_session (id_hash, tokens, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                    insert.setBytes(1, hash(secret));
                    insert.setBytes(2, encrypt(secret, json.writeValueAsBytes(plain)));
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.setTimestamp(4, Timestamp.from(now.plus(maxAge)));
                    insert.executeUpdate();
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException("cannot store the session: " + e.getMessage(), e);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        });
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig config, String state,
            OidcRequestContext<AuthorizationCodeTokens> request) {
        return request.runBlocking(() -> {
            byte[] secret = decode(state);
            try (Connection c = database.getConnection();
                    PreparedStatement select = c.prepareStatement(
                            "SELECT tokens FROM web_session WHERE id_hash = ? AND expires_at > ?")) {
                select.setBytes(1, hash(secret));
                select.setTimestamp(2, Timestamp.from(Instant.now()));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // Signed out, expired or never issued: the user signs in again.
                        throw new AuthenticationFailedException("no such session");
                    }
                    Tokens t = json.readValue(decrypt(secret, row.getBytes(1)), Tokens.class);
                    return new AuthorizationCodeTokens(t.idToken(), t.accessToken(), t.refreshToken(),
                            t.accessTokenExpiresIn(), t.scope());
                }
            } catch (SQLException | java.io.IOException e) {
                throw new IllegalStateException("cannot read the session: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig config, String state,
            OidcRequestContext<Void> request) {
        return request.runBlocking(() -> {
            try (Connection c = database.getConnection();
                    PreparedStatement delete = c.prepareStatement("DELETE FROM web_session WHERE id_hash = ?")) {
                delete.setBytes(1, hash(decode(state)));
                delete.executeUpdate();
            } catch (AuthenticationFailedException e) {
                // A cookie that is no session of ours: nothing to delete.
            } catch (SQLException e) {
                throw new IllegalStateException("cannot delete the session: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static byte[] decode(String state) {
        try {
            byte[] secret = Base64.getUrlDecoder().decode(state == null ? "" : state);
            if (secret.length != SECRET_BYTES) {
                throw new AuthenticationFailedException("not a session cookie");
            }
            return secret;
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("not a session cookie");
        }
    }

    public static byte[] hash(byte[] secret) {
        return digest("session-id", secret);
    }

    private static byte[] key(byte[] secret) {
        return digest("session-key", secret);
    }

    private static byte[] digest(String purpose, byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(purpose.getBytes(StandardCharsets.US_ASCII));
            return sha256.digest(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encrypt(byte[] secret, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(secret), "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = aes.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decrypt(byte[] secret, byte[] stored) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(secret), "AES"),
                    new GCMParameterSpec(128, stored, 0, IV_BYTES));
            return aes.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationFailedException("session does not decrypt");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
