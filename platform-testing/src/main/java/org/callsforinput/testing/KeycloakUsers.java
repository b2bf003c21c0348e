package org.callsforinput.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/**
 * People made in the test stack's realm through Keycloak's admin API, as a self-registration makes them: a new user
 * gets the realm's default group ({@code individuals}: roles contributor and individual). Each has a random name
 * and password, an e-mail address already verified, and no organisation attribute.
 */
public final class KeycloakUsers {

    /** A person in the realm: their id ({@code sub} of their tokens), login and password. */
    public record Person(String id, String username, String password) {

        /** An access token through the partner-portal client (password grant: local/test realm only). */
        public String token() {
            return given().formParams(Map.of("grant_type", "password", "client_id", "partner-portal",
                            "username", username, "password", password))
                    .when().post(Stack.issuer() + "/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
        }
    }

    private KeycloakUsers() {
    }

    /** A person as self-registration makes them (default group: contributor and individual). */
    public static Person individual() {
        String username = "person-" + UUID.randomUUID().toString().substring(0, 12);
        String password = UUID.randomUUID().toString();
        String location = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "email", username + "@example.org", "emailVerified", true,
                        "firstName", "Test", "lastName", "Person",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .when().post(adminUrl() + "/users")
                .then().statusCode(201).extract().header("Location");
        return new Person(location.substring(location.lastIndexOf('/') + 1), username, password);
    }

    /** A contributor that is neither in an organisation nor an individual: out of the default group, role contributor. */
    public static Person contributorWithoutOrganisation() {
        Person person = individual();
        String admin = adminToken();
        List<String> groups = given().auth().oauth2(admin).when().get(adminUrl() + "/users/" + person.id() + "/groups")
                .then().statusCode(200).extract().jsonPath().getList("id");
        groups.forEach(group -> given().auth().oauth2(admin)
                .when().delete(adminUrl() + "/users/" + person.id() + "/groups/" + group).then().statusCode(204));
        Map<String, Object> contributor = given().auth().oauth2(admin).when().get(adminUrl() + "/roles/contributor")
                .then().statusCode(200).extract().jsonPath().getMap("");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(contributor))
                .when().post(adminUrl() + "/users/" + person.id() + "/role-mappings/realm").then().statusCode(204);
        return person;
    }

    /** The realm roles a person has in effect (composites expanded), by name. */
    public static List<String> effectiveRealmRoles(String userId) {
        return given().auth().oauth2(adminToken())
                .when().get(adminUrl() + "/users/" + userId + "/role-mappings/realm/composite")
                .then().statusCode(200).extract().jsonPath().getList("name");
    }

    /** The id of a user of the realm, by user name. */
    public static String idOf(String username) {
        List<String> ids = given().auth().oauth2(adminToken()).queryParam("username", username).queryParam("exact", true)
                .when().get(adminUrl() + "/users").then().statusCode(200).extract().jsonPath().getList("id");
        if (ids.isEmpty()) {
            throw new IllegalStateException("no user " + username);
        }
        return ids.get(0);
    }

    /** The master realm's admin (the stack's bootstrap admin), through admin-cli. */
    public static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", Stack.get("keycloak.admin-password")))
                .when().post(Stack.get("keycloak.url") + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String adminUrl() {
        return Stack.get("keycloak.url") + "/admin/realms/" + Stack.get("keycloak.realm");
    }
}
