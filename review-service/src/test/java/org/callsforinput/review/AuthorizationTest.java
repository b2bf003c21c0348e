package org.callsforinput.review;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Every endpoint, for anonymous callers, contributors, the call manager, reviewers and coordinators, with real tokens. */
@QuarkusTest
class AuthorizationTest {

    private record Endpoint(String method, String path) {
    }

    private static final String ID = UUID.randomUUID().toString();
    private static final String CALL = UUID.randomUUID().toString();

    private static final List<Endpoint> READS = List.of(
            new Endpoint("GET", "/cases"),
            new Endpoint("GET", "/cases/" + ID),
            new Endpoint("GET", "/cases/" + ID + "/history"),
            new Endpoint("GET", "/cases/" + ID + "/comments"),
            new Endpoint("GET", "/cases/" + ID + "/documents/" + ID + "/content"),
            new Endpoint("GET", "/cases/" + ID + "/documents/" + ID + "/text"),
            new Endpoint("GET", "/calls/" + CALL + "/statistics"),
            new Endpoint("GET", "/calls/" + CALL + "/export"),
            new Endpoint("GET", "/reviewers/me/conflicts"),
            new Endpoint("GET", "/reviewers/me/conflicts/" + ID),
            new Endpoint("GET", "/cases/" + ID + "/comments/" + ID));
    private static final List<Endpoint> REVIEWER_WRITES = List.of(
            new Endpoint("POST", "/cases/" + ID + "/claim"),
            new Endpoint("PUT", "/cases/" + ID + "/screening"),
            new Endpoint("POST", "/cases/" + ID + "/decision"),
            new Endpoint("POST", "/cases/" + ID + "/comments"),
            new Endpoint("PUT", "/cases/" + ID + "/documents/" + ID + "/redacted"),
            new Endpoint("POST", "/cases/" + ID + "/documents/" + ID + "/cleaned-copy"),
            new Endpoint("POST", "/reviewers/me/conflicts"),
            new Endpoint("DELETE", "/reviewers/me/conflicts/" + ID));
    private static final List<Endpoint> COORDINATOR_ONLY = List.of(
            new Endpoint("PUT", "/cases/" + ID + "/assignee"),
            new Endpoint("DELETE", "/cases/" + ID + "/assignee"),
            new Endpoint("POST", "/cases/" + ID + "/decision/approval"),
            new Endpoint("POST", "/cases/" + ID + "/decision/rejection"),
            new Endpoint("GET", "/reviewers/reviewer1/conflicts"),
            new Endpoint("GET", "/audit/verification"));

    @Test
    void anonymousCallersAndOtherAudiencesGet401() {
        for (Endpoint e : all()) {
            call(given(), e).then().statusCode(401).contentType("application/problem+json");
            // A partner's token is for submission-service: wrong audience here.
            call(given().auth().oauth2(Tokens.client("partner-odh")), e).then().statusCode(401);
        }
        call(given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), READS.get(0)).then().statusCode(401);
    }

    @Test
    void contributorsAndCallManagersGet403() {
        for (Endpoint e : all()) {
            call(given().auth().oauth2(Tokens.userVia("partner-portal", "contributor.odh")), e).then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
            call(given().auth().oauth2(Tokens.user("callmanager")), e).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void reviewersGet403OnCoordinatorEndpointsAndPassOnTheirOwn() {
        for (Endpoint e : COORDINATOR_ONLY) {
            call(given().auth().oauth2(Tokens.user("reviewer1")), e).then().statusCode(403);
        }
        for (Endpoint e : READS) {
            // Past authorization: the unknown ids give 404, the collections 200.
            call(given().auth().oauth2(Tokens.user("reviewer1")), e).then().statusCode(org.hamcrest.Matchers.oneOf(200, 404));
        }
        for (Endpoint e : COORDINATOR_ONLY) {
            call(given().auth().oauth2(Tokens.user("coordinator1")), e).then().statusCode(org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf(401, 403)));
        }
    }

    private static List<Endpoint> all() {
        List<Endpoint> all = new java.util.ArrayList<>(READS);
        all.addAll(REVIEWER_WRITES);
        all.addAll(COORDINATOR_ONLY);
        return all;
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint e) {
        return request.header("If-Match", "\"0\"").contentType("application/json").body("{}").request(e.method(), e.path());
    }
}
