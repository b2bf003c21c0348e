package org.callsforinput.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.callsforinput.testing.StackResource;
import org.callsforinput.web.session.DatabaseTokenStateManager;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The sessions' tokens in the console's real database: found by the cookie's secret only, unreadable without it. */
@QuarkusTest
@QuarkusTestResource(value = StackResource.class, initArgs = @ResourceArg(name = "database", value = "console_test"))
class DatabaseTokenStateManagerTest {

    @Inject
    DatabaseTokenStateManager sessions;

    @Inject
    AgroalDataSource database;

    @Test
    void tokensComeBackForTheCookieAndAreNeitherKeyedNorStoredInTheClear() throws Exception {
        AuthorizationCodeTokens tokens = new AuthorizationCodeTokens("id-token-abc", "access-token-def", "refresh-token-ghi",
                300L, "openid profile");
        String cookie = sessions.createTokenState(null, null, tokens, blocking()).await().indefinitely();
        assertThat(Base64.getUrlDecoder().decode(cookie)).hasSize(32);

        AuthorizationCodeTokens back = sessions.getTokens(null, null, cookie, blocking()).await().indefinitely();
        assertThat(back.getIdToken()).isEqualTo("id-token-abc");
        assertThat(back.getAccessToken()).isEqualTo("access-token-def");
        assertThat(back.getRefreshToken()).isEqualTo("refresh-token-ghi");
        assertThat(back.getAccessTokenExpiresIn()).isEqualTo(300L);

        try (Connection c = database.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id_hash, tokens FROM web_session WHERE id_hash = ?")) {
            select.setBytes(1, DatabaseTokenStateManager.hash(Base64.getUrlDecoder().decode(cookie)));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                String stored = new String(row.getBytes("tokens"), StandardCharsets.ISO_8859_1);
                assertThat(stored).doesNotContain("access-token-def").doesNotContain("refresh-token-ghi").doesNotContain("id-token");
                assertThat(row.getBytes("id_hash")).isNotEqualTo(Base64.getUrlDecoder().decode(cookie));
            }
        }
    }

    @Test
    void aSignedOutExpiredForgedOrMalformedCookieIsNoSession() throws Exception {
        AuthorizationCodeTokens tokens = new AuthorizationCodeTokens("id", "access", "refresh");
        String signedOut = sessions.createTokenState(null, null, tokens, blocking()).await().indefinitely();
        sessions.deleteTokens(null, null, signedOut, blocking()).await().indefinitely();
        assertNoSession(signedOut);

        String expired = sessions.createTokenState(null, null, tokens, blocking()).await().indefinitely();
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE web_session SET expires_at = now() - interval '1 second' WHERE id_hash = ?")) {
            update.setBytes(1, DatabaseTokenStateManager.hash(Base64.getUrlDecoder().decode(expired)));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertNoSession(expired);

        byte[] forged = Base64.getUrlDecoder().decode(sessions.createTokenState(null, null, tokens, blocking()).await().indefinitely());
        forged[0] ^= 1;
        assertNoSession(Base64.getUrlEncoder().withoutPadding().encodeToString(forged));
        assertNoSession("not-a-cookie");
        assertNoSession("");
    }

    private void assertNoSession(String cookie) {
        assertThatThrownBy(() -> sessions.getTokens(null, null, cookie, blocking()).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private static <T> OidcRequestContext<T> blocking() {
        return new OidcRequestContext<>() {
            @Override
            public Uni<T> runBlocking(Supplier<T> work) {
                return Uni.createFrom().item(work);
            }
        };
    }
}
