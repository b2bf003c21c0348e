package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.callsforinput.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void theWorkflowIsDocumentedWithItsProblemResponses() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("components.securitySchemes.oidc.scheme", equalTo("bearer"))
                .body("paths.'/cases/{id}/decision/approval'.post.responses.default.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/cases/{id}/screening'.put.parameters.find { it.name == 'If-Match' }", notNullValue())
                .body("paths.'/cases'.get.parameters.find { it.name == 'q' }", notNullValue())
                .body("components.schemas.ScreeningRequest.properties.reasonCode", notNullValue())
                .body("components.schemas.DecisionRequest.properties.decision", notNullValue());
    }

    @Test
    void theDocumentKeepsThePlatformsContract() {
        assertThat(OpenApiContract.ofService().breaches()).isEmpty();
    }

    @Test
    void successAndRefusalStatusesAreThoseTheOperationsAnswer() {
        OpenApiContract contract = OpenApiContract.ofService();
        for (String path : new String[] { "/cases/{id}/comments", "/reviewers/me/conflicts" }) {
            assertThat(contract.codes("post", path)).contains("201").doesNotContain("200");
            assertThat(contract.response("post", path, "201").path("headers").has("Location")).as(path).isTrue();
        }
        assertThat(contract.codes("delete", "/reviewers/me/conflicts/{id}")).contains("204", "404").doesNotContain("200");
        assertThat(contract.problemTypes("post", "/reviewers/me/conflicts", "409")).containsExactly("conflict-already-declared");
        for (String[] update : new String[][] { { "post", "/cases/{id}/claim" }, { "put", "/cases/{id}/assignee" },
                { "delete", "/cases/{id}/assignee" }, { "put", "/cases/{id}/metadata" }, { "put", "/cases/{id}/screening" },
                { "post", "/cases/{id}/decision" }, { "post", "/cases/{id}/decision/approval" },
                { "post", "/cases/{id}/decision/rejection" } }) {
            String what = update[0] + " " + update[1];
            assertThat(contract.problemTypes(update[0], update[1], "412")).as(what).containsExactly("stale-version");
            assertThat(contract.problemTypes(update[0], update[1], "428")).as(what).containsExactly("version-required");
            assertThat(contract.problemTypes(update[0], update[1], "404")).as(what).containsExactly("not-found");
            assertThat(contract.problemTypes(update[0], update[1], "409")).as(what).isNotEmpty();
        }
        assertThat(contract.problemTypes("post", "/cases/{id}/decision/approval", "403")).contains("own-proposal");
        assertThat(contract.problemTypes("post", "/cases/{id}/decision", "409"))
                .contains("not-screened", "consent-forbids-publication", "identifying-metadata");
    }
}
