package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationDocumentsItsProblemResponses() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("components.securitySchemes.oidc.scheme", equalTo("bearer"))
                .body("paths.'/submissions/{id}/submit'.post.responses.default.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/submissions/{id}/submit'.post.responses.'401'", notNullValue())
                .body("paths.'/calls'.post.requestBody.content.'application/json'.schema", notNullValue())
                .body("components.schemas.CallRequest.properties.timeZone.examples[0]", equalTo("Europe/Zurich"));
    }
}
