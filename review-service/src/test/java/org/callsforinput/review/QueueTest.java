package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The queue API: filters, full-text search over the documents' extracted text, sorting, pages, statistics, export. */
@QuarkusTest
class QueueTest {

    // Set up once for the class (RestAssured knows the test port only from the first test on).
    static UUID callId;
    static String frenchCase;
    static String englishCase;
    static String stateCase;

    @BeforeEach
    void threeCases() throws Exception {
        if (callId != null) {
            return;
        }
        UUID call = Fixtures.call("accountability", "policing", "data");
        Fixtures.Submission french = new Fixtures.Submission(call).document(DocumentRef.ROLE_MAIN, "fr.docx",
                TestDocuments.docx("Les contrôles d'identité discriminatoires visent les jeunes hommes des quartiers populaires. "
                        + "Les associations demandent la remise d'un récépissé après chaque contrôle."));
        french.organisationName = "Zèbre Observatoire";
        french.themes = List.of("policing");
        Fixtures.Submission english = new Fixtures.Submission(call).document(DocumentRef.ROLE_MAIN, "en.docx",
                TestDocuments.docx("Police forces collected ethnic statistics on stop and search. The rights of minorities "
                        + "require independent oversight bodies. "
                        + "Each force publishes its figures every year in the same format. ".repeat(25)
                        + "The annex names every ombudsperson consulted."));
        english.organisationName = "Academic Network";
        english.category = SubmitterCategory.ACADEMIA;
        english.country = "GB";
        english.language = "en";
        english.themes = List.of("data", "accountability");
        english.late = true;
        english.consent = Consent.DO_NOT_PUBLISH;
        english.summary = "=HYPERLINK(\"http://example.org\")";
        Fixtures.Submission state = new Fixtures.Submission(call);
        state.organisationName = "Ministry of Justice";
        state.category = SubmitterCategory.STATE;
        state.country = "BR";
        state.language = "es";
        frenchCase = french.send();
        englishCase = english.send();
        stateCase = state.send();
        Fixtures.awaitDocuments(frenchCase);
        Fixtures.awaitDocuments(englishCase);
        callId = call;
    }

    @Test
    void documentsTextAndLanguageAreExtracted() {
        Fixtures.get("reviewer1", englishCase).then()
                .body("documents[0].textState", equalTo("EXTRACTED"))
                .body("documents[0].textLanguage", equalTo("en"));
        Fixtures.get("reviewer1", frenchCase).then().body("documents[0].textLanguage", equalTo("fr"));
        String documentId = Fixtures.get("reviewer1", englishCase).then().extract().path("documents[0].id");
        String text = given().auth().oauth2(Tokens.user("reviewer1")).when()
                .get("/cases/" + englishCase + "/documents/" + documentId + "/text")
                .then().statusCode(200).contentType("text/plain").extract().asString();
        assertThat(text).contains("independent oversight bodies");
    }

    @Test
    void anUnparsableDocumentNeverBlocksItsCase() throws Exception {
        byte[] docx = TestDocuments.docx("A document cut in the middle of its zip directory");
        Fixtures.Submission broken = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_MAIN, "broken.docx", java.util.Arrays.copyOf(docx, docx.length / 2));
        String caseId = broken.send();
        Fixtures.awaitDocuments(caseId);
        Fixtures.get("reviewer1", caseId).then()
                .body("documents[0].integrity", equalTo("VERIFIED"))
                .body("documents[0].textState", equalTo("FAILED"))
                .body("documents[0].textError", org.hamcrest.Matchers.notNullValue());
        ReviewWorkflowTest.screen("coordinator1", caseId);
        ReviewWorkflowTest.update("coordinator1", caseId, "decision", java.util.Map.of("decision", "PUBLISH", "reason", "ok"))
                .statusCode(200).body("status", equalTo("PROPOSED"));
    }

    @Test
    void fullTextSearchFindsWordsStemsAndPhrasesInDocuments() {
        assertThat(ids("q=récépissé")).containsExactly(frenchCase);
        assertThat(ids("q=right")).containsExactly(englishCase); // "rights", stemmed
        assertThat(ids("q=contrôle")).containsExactly(frenchCase); // "contrôles", stemmed
        assertThat(ids("q=\"independent oversight\"")).containsExactly(englishCase);
        assertThat(ids("q=statistics -minorities")).isEmpty(); // the case's texts and its document, together
        assertThat(ids("q=Ministry")).containsExactly(stateCase); // the organisation's name
        assertThat(ids("q=' or 1=1 --")).isEmpty();
        // Where the words were found: the document's sentence, the stemmed word marked.
        String match = given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?callId=" + callId + "&q=contrôle")
                .then().statusCode(200).extract().jsonPath().getString("items[0].match");
        assertThat(match).contains("récépissé").contains("\u27E6contrôle\u27E7");
        // A search counts its matches up to review.search.count-limit (1 in the tests): beyond, the total says so.
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?callId=" + callId + "&q=" + "récépissé or Ministry")
                .then().statusCode(200).body("total", equalTo(1)).body("totalExact", equalTo(false)).body("items.size()", equalTo(2));
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?callId=" + callId + "&q=Ministry")
                .then().statusCode(200).body("total", equalTo(1)).body("totalExact", equalTo(true));
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?callId=" + callId)
                .then().statusCode(200).body("total", equalTo(3)).body("totalExact", equalTo(true));
        // A word only found far into a document (past the start that is highlighted first) is still shown.
        String deep = given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?callId=" + callId + "&q=ombudsperson")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(englishCase))
                .extract().jsonPath().getString("items[0].match");
        assertThat(deep).contains("\u27E6ombudsperson\u27E7").contains("annex");
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?callId=" + callId)
                .then().statusCode(200).body("items[0].match", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void filtersCombine() {
        assertThat(ids("")).containsExactlyInAnyOrder(frenchCase, englishCase, stateCase);
        assertThat(ids("category=ACADEMIA")).containsExactly(englishCase);
        assertThat(ids("country=BR")).containsExactly(stateCase);
        assertThat(ids("language=fr")).containsExactly(frenchCase);
        assertThat(ids("theme=accountability")).containsExactlyInAnyOrder(englishCase, stateCase);
        assertThat(ids("late=true")).containsExactly(englishCase);
        assertThat(ids("consent=DO_NOT_PUBLISH")).containsExactly(englishCase);
        assertThat(ids("status=NEW&assignee=none")).containsExactlyInAnyOrder(frenchCase, englishCase, stateCase);
        assertThat(ids("status=DECIDED")).isEmpty();
        assertThat(ids("theme=policing&country=FR")).containsExactly(frenchCase);
    }

    @Test
    void sortingAndPages() {
        assertThat(ids("sort=organisationName")).containsExactly(englishCase, stateCase, frenchCase);
        assertThat(ids("sort=-organisationName")).containsExactly(frenchCase, stateCase, englishCase);
        JsonPath page = given().auth().oauth2(Tokens.user("reviewer1")).when()
                .get("/cases?callId=" + callId + "&sort=organisationName&size=2&page=1").then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.<String>getList("items.id")).containsExactly(frenchCase);
        for (String bad : List.of("sort=contact_email", "sort=received_at;drop", "size=0", "size=201", "page=-1", "country=France",
                "status=LOST", "category=ALIENS")) {
            given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?" + bad)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void statisticsCountACallsCases() {
        given().auth().oauth2(Tokens.user("coordinator1")).when().get("/calls/" + callId + "/statistics")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("late", equalTo(1))
                .body("byStatus.NEW", equalTo(3))
                .body("bySubmitterCategory.CIVIL_SOCIETY", equalTo(1))
                .body("bySubmitterCategory.STATE", equalTo(1))
                .body("byCountry.GB", equalTo(1))
                .body("byTheme.accountability", equalTo(2))
                .body("byLanguage.fr", equalTo(1))
                .body("byConsent.DO_NOT_PUBLISH", equalTo(1));
    }

    @Test
    void exportAsCsvAndJsonWithoutContactDetails() throws Exception {
        String csv = given().auth().oauth2(Tokens.user("coordinator1")).when().get("/calls/" + callId + "/export?format=csv")
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get("organisation")).contains("Zèbre Observatoire", "Academic Network");
        assertThat(rows).extracting(r -> r.get("summary")).contains("'=HYPERLINK(\"http://example.org\")"); // no formula
        assertThat(csv).doesNotContain("camille.martin@example.org");
        String json = given().auth().oauth2(Tokens.user("reviewer1")).when().get("/calls/" + callId + "/export?format=json")
                .then().statusCode(200).contentType("application/json").body("size()", equalTo(3)).extract().asString();
        assertThat(json).doesNotContain("camille.martin@example.org").contains("Ministry of Justice");
        given().auth().oauth2(Tokens.user("reviewer1")).when().get("/calls/" + callId + "/export?format=xlsx").then().statusCode(400);
    }

    private List<String> ids(String query) {
        return given().auth().oauth2(Tokens.user("reviewer1")).when().get("/cases?callId=" + callId + "&" + query)
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
