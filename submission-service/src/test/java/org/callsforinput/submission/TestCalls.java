package org.callsforinput.submission;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callsforinput.testing.Tokens;

import io.restassured.http.ContentType;

/** Calls and drafts made through the real API, for tests. */
public final class TestCalls {

    private TestCalls() {
    }

    public static Map<String, Object> callBody(String slug) {
        LocalDateTime deadline = LocalDateTime.now(ZoneId.of("Europe/Zurich")).plusDays(30).truncatedTo(ChronoUnit.MINUTES);
        return Map.of(
                "slug", slug,
                "referencePrefix", "T" + slug.replaceAll("[^a-z0-9]", "").substring(0, 8).toUpperCase(),
                "mandate", "Expert Mechanism on racial justice in law enforcement",
                "title", Map.of("en", "Call for input: racial justice", "fr", "Appel à contributions : justice raciale"),
                "description", Map.of("en", "Contributions in Word format, with hyperlinks."),
                "themes", List.of(
                        Map.of("key", "accountability", "label", Map.of("en", "Accountability")),
                        Map.of("key", "data", "label", Map.of("en", "Data and statistics"))),
                "opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "deadline", deadline.toString(),
                "timeZone", "Europe/Zurich",
                "latePolicy", "REJECT");
    }

    /** Creates and opens a call; returns its id. */
    public static String openCall() {
        return openCall(callBody("call-" + UUID.randomUUID().toString().substring(0, 12)));
    }

    public static String openCall(Map<String, Object> body) {
        String id = given().auth().oauth2(Tokens.user("callmanager")).contentType(ContentType.JSON).body(body)
                .when().post("/calls")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("callmanager")).when().post("/calls/" + id + "/open").then().statusCode(200);
        return id;
    }

    public static Map<String, Object> draftBody(String callId) {
        return Map.ofEntries(
                Map.entry("callId", callId),
                Map.entry("organisationName", "Observatoire des droits humains"),
                Map.entry("submitterCategory", "CIVIL_SOCIETY"),
                Map.entry("country", "FR"),
                Map.entry("contact", Map.of("name", "Camille Martin", "email", "camille.martin@example.org")),
                Map.entry("language", "fr"),
                Map.entry("themes", List.of("accountability")),
                Map.entry("title", "Contribution on racial profiling"),
                Map.entry("summary", "Findings from 2022 field monitoring."),
                Map.entry("links", List.of(Map.of("url", "https://example.org/report.pdf", "label", "Annual report", "kind", "report"))),
                Map.entry("consent", "PUBLISH_IN_FULL"));
    }

    /** Creates a draft as partner-odh; returns its id. */
    public static String draft(String callId) {
        return given().auth().oauth2(Tokens.client("partner-odh")).contentType(ContentType.JSON).body(draftBody(callId))
                .when().post("/submissions")
                .then().statusCode(201).extract().path("id");
    }
}
