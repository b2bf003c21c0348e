package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

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
}
