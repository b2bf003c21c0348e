package org.callsforinput.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the test stack's Keycloak, cached per principal for a minute. */
public final class Tokens {

    private record Cached(String token, long expiresAtMillis) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A partner organisation's service-account token (client credentials): partner-odh or partner-crln. */
    public static String client(String clientId) {
        return cached("client:" + clientId, () -> request(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", Stack.get("client." + clientId + ".secret"))));
    }

    /** A demo user's token through the review front-end client (password grant: local/test realm only). */
    public static String user(String username) {
        return userVia("review-ui", username);
    }

    /** A demo user's token through the given public client (review-ui or partner-portal). */
    public static String userVia(String clientId, String username) {
        return cached(clientId + ":" + username, () -> request(Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", Stack.get("demo.password"))));
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis()) {
            return hit.token();
        }
        String token = fetch.get();
        CACHE.put(key, new Cached(token, System.currentTimeMillis() + 60_000));
        return token;
    }

    private static String request(Map<String, String> form) {
        return given()
                .formParams(form)
                .when().post(Stack.issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
