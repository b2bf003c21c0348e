package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.callsforinput.testing.KeycloakUsers;
import org.callsforinput.testing.KeycloakUsers.Person;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Self-registered contributors (role individual, no org_id): each is an organisation of its own. */
@QuarkusTest
class IndividualContributorTest {

    @Test
    void twoIndividualsDoNotSeeEachOthersContributions() {
        String callId = TestCalls.openCall();
        Person first = KeycloakUsers.individual();
        Person second = KeycloakUsers.individual();
        String firstToken = first.token();

        String id = given().auth().oauth2(firstToken).contentType(ContentType.JSON).body(TestCalls.draftBody(callId))
                .when().post("/submissions")
                .then().statusCode(201)
                .body("organisationName", equalTo("Observatoire des droits humains"))
                .extract().path("id");

        given().auth().oauth2(firstToken).when().get("/submissions/" + id).then().statusCode(200);
        given().auth().oauth2(firstToken).when().get("/submissions").then().statusCode(200).body("id", hasItem(id));
        String secondToken = second.token();
        given().auth().oauth2(secondToken).when().get("/submissions/" + id)
                .then().statusCode(404).body("type", equalTo("urn:calls-for-input:problem:not-found"));
        given().auth().oauth2(secondToken).when().get("/submissions").then().statusCode(200).body("size()", equalTo(0));
        // Nor does a partner organisation.
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id).then().statusCode(404);
    }

    @Test
    void aContributorWithNeitherOrganisationNorRoleIndividualIsRefused() {
        Person nobody = KeycloakUsers.contributorWithoutOrganisation();

        given().auth().oauth2(nobody.token()).contentType(ContentType.JSON).body(TestCalls.draftBody(TestCalls.openCall()))
                .when().post("/submissions")
                .then().statusCode(403)
                .body("type", equalTo("urn:calls-for-input:problem:no-organisation"));
        given().auth().oauth2(nobody.token()).when().get("/submissions")
                .then().statusCode(403).body("type", equalTo("urn:calls-for-input:problem:no-organisation"));
    }
}
