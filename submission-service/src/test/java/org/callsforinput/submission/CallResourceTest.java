package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Topics;
import org.callsforinput.testing.KafkaEvents;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CallResourceTest {

    private static Map<String, Object> newCall() {
        return new HashMap<>(TestCalls.callBody("call-" + UUID.randomUUID().toString().substring(0, 12)));
    }

    @Test
    void anonymousCallerCannotCreateACall() {
        given().contentType(ContentType.JSON).body(newCall())
                .when().post("/calls")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:calls-for-input:problem:unauthenticated"));
    }

    @Test
    void contributorCannotCreateACall() {
        given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(newCall())
                .when().post("/calls")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:forbidden"));
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = Tokens.user("callmanager");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(newCall())
                .when().post("/calls")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void draftIsPrivateUntilOpened() {
        Map<String, Object> body = newCall();
        var created = given().auth().oauth2(Tokens.user("callmanager")).contentType(ContentType.JSON).body(body)
                .when().post("/calls")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("mainTypes", equalTo(List.of("DOCX", "DOC")))
                .body("maxFileBytes", equalTo(52428800))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/calls/" + id);

        given().when().get("/calls/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/calls").then().statusCode(200).body("id", not(hasItem(id)));

        given().auth().oauth2(Tokens.user("callmanager")).when().post("/calls/" + id + "/open")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("acceptingSubmissions", equalTo(true));

        given().when().get("/calls").then().statusCode(200).body("id", hasItem(id));
        given().when().get("/calls/" + id).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Zurich"))
                .body("title.fr", equalTo("Appel à contributions : justice raciale"));
    }

    @Test
    void callChangesArePublishedAsEvents() {
        String id = TestCalls.openCall();
        KafkaEvents.Event event = KafkaEvents.await(Topics.CALLS,
                e -> id.equals(e.key()) && EventTypes.CALL_UPDATED.equals(e.type()), Duration.ofSeconds(20));
        assertThat(event.source()).isEqualTo("/submission-service");
        assertThat(event.subject()).isEqualTo(id);
        JsonPath data = JsonPath.from(event.data());
        assertThat(data.getString("status")).isEqualTo("OPEN");
        assertThat(data.getString("callId")).isEqualTo(id);
        assertThat(data.getString("title.en")).isEqualTo("Call for input: racial justice");
    }

    @Test
    void slugMustBeUnique() {
        Map<String, Object> body = newCall();
        String token = Tokens.user("callmanager");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/calls").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/calls")
                .then().statusCode(409).body("type", equalTo("urn:calls-for-input:problem:call-slug-taken"));
    }

    @Test
    void rejectsBadCallDefinitions() {
        String token = Tokens.user("callmanager");
        Map<String, Object> badZone = newCall();
        badZone.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(badZone).when().post("/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:invalid-time-zone"));

        Map<String, Object> unknownField = newCall();
        unknownField.put("colour", "blue");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(unknownField).when().post("/calls")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:malformed-request"))
                .body("detail", equalTo("Unknown field 'colour'"));

        Map<String, Object> wrongEnum = newCall();
        wrongEnum.put("latePolicy", "WHENEVER");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(wrongEnum).when().post("/calls")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:malformed-request"))
                .body("detail", startsWith("Field 'latePolicy' has an invalid value"));

        Map<String, Object> badSlug = newCall();
        badSlug.put("slug", "../../etc");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(badSlug).when().post("/calls")
                .then().statusCode(400).body("type", equalTo("urn:calls-for-input:problem:validation-failed"))
                .body("errors[0].field", equalTo("slug"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"slug\": ").when().post("/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:malformed-request"));
    }
}
