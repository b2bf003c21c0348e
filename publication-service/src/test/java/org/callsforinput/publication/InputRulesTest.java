package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.testing.RawHttp;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Input that must be refused, ranged downloads and document order on the public side (issue 10). */
@QuarkusTest
class InputRulesTest {

    private static final String PROBLEM = "urn:calls-for-input:problem:";

    @Inject
    MinioClient minio;

    @Inject
    ObjectMapper mapper;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(minio, mapper);
    }

    @Test
    void rangesOfAPublicDownloadFollowRfc9110() throws Exception {
        byte[] content = TestDocuments.docx("A large contribution that a reader resumes downloading");
        int size = content.length;
        String path = publish(List.of(fixtures.document(content, "Resumable.docx", Fixtures.DOCX))).get(0);

        given().when().get(path).then().statusCode(200).header("Accept-Ranges", "bytes")
                .header("Content-Length", String.valueOf(size));
        byte[] first = given().header("Range", "bytes=0-99").when().get(path)
                .then().statusCode(206).header("Content-Range", "bytes 0-99/" + size).header("Content-Length", "100")
                .header("Accept-Ranges", "bytes").extract().asByteArray();
        assertThat(first).isEqualTo(Arrays.copyOfRange(content, 0, 100));
        byte[] rest = given().header("Range", "bytes=100-").when().get(path)
                .then().statusCode(206).header("Content-Range", "bytes 100-" + (size - 1) + "/" + size).extract().asByteArray();
        assertThat(rest).isEqualTo(Arrays.copyOfRange(content, 100, size));
        byte[] suffix = given().header("Range", "bytes=-10").when().get(path)
                .then().statusCode(206).header("Content-Range", "bytes " + (size - 10) + "-" + (size - 1) + "/" + size)
                .extract().asByteArray();
        assertThat(suffix).isEqualTo(Arrays.copyOfRange(content, size - 10, size));
        // A last position past the end is cut to the end.
        given().header("Range", "bytes=" + (size - 5) + "-" + (size + 1000)).when().get(path)
                .then().statusCode(206).header("Content-Range", "bytes " + (size - 5) + "-" + (size - 1) + "/" + size);

        for (String unsatisfiable : List.of("bytes=" + size + "-", "bytes=" + (size + 10) + "-" + (size + 20), "bytes=-0",
                "bytes=99999999999999999999999-")) {
            given().header("Range", unsatisfiable).when().get(path)
                    .then().statusCode(416).contentType("application/problem+json")
                    .header("Content-Range", "bytes */" + size)
                    .body("type", equalTo(PROBLEM + "range-not-satisfiable"));
        }
        // Malformed, another unit, several ranges, a stale If-Range: the whole document.
        for (String whole : List.of("bytes=abc", "bytes=5-2", "items=0-1", "bytes=", "bytes=0-1,4-5", "bytes 0-10")) {
            byte[] all = given().header("Range", whole).when().get(path)
                    .then().statusCode(200).header("Content-Length", String.valueOf(size)).extract().asByteArray();
            assertThat(all).as(whole).isEqualTo(content);
        }
        given().header("Range", "bytes=0-9").header("If-Range", "\"another-version\"").when().get(path)
                .then().statusCode(200);
        String etag = given().when().head(path).then().statusCode(200).header("Accept-Ranges", "bytes").extract().header("ETag");
        given().header("Range", "bytes=0-9").header("If-Range", etag).when().get(path)
                .then().statusCode(206).header("Content-Range", "bytes 0-9/" + size);
    }

    @Test
    void documentsAreListedMainDocumentFirst() throws Exception {
        DocumentRef annex = fixtures.document("%PDF-1.4\n%%EOF\n".getBytes(), "Annex.pdf", "application/pdf");
        DocumentRef annexRole = new DocumentRef(annex.documentId(), DocumentRef.ROLE_ANNEX, annex.bucket(), annex.key(),
                annex.fileName(), annex.contentType(), annex.size(), annex.sha256());
        DocumentRef main = fixtures.docx("The contribution", "Contribution.docx");
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Order NGO", SubmitterCategory.CIVIL_SOCIETY), List.of(annexRole, main)));
        Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);
        given().when().get("/public/calls/" + call.slug()).then().statusCode(200)
                .body("groups.find { it.category == 'CIVIL_SOCIETY' }.contributions[0].documents.role",
                        equalTo(List.of("MAIN", "ANNEX")))
                .body("groups.find { it.category == 'CIVIL_SOCIETY' }.contributions[0].documents.fileName",
                        equalTo(List.of("Contribution.docx", "Annex.pdf")));
        String page = given().when().get("/calls/" + call.slug()).then().statusCode(200).extract().asString();
        assertThat(page.indexOf("Contribution.docx")).isPositive().isLessThan(page.indexOf("Annex.pdf"));
    }

    @Test
    void aSubscriptionRefusesNulAndLooseJson() throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("url", "http://127.0.0.1:9/hook",
                "eventTypes", List.of("publication.published"), "description", "UN web site\u0000"));
        admin().contentType(ContentType.JSON).body(body).when().post("/admin/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "nul-character")).body("detail", containsString("'description'"));
        body.put("description", 12);
        admin().contentType(ContentType.JSON).body(body).when().post("/admin/webhooks/subscriptions")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));
        body.put("description", "UN web site");
        body.put("active", "yes");
        admin().contentType(ContentType.JSON).body(body).when().post("/admin/webhooks/subscriptions")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));
        body.remove("active");
        String json = mapper.writeValueAsString(body);
        admin().contentType(ContentType.JSON).body(json + "{}").when().post("/admin/webhooks/subscriptions")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-request"));
        admin().contentType("text/plain").body(json).when().post("/admin/webhooks/subscriptions")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "unsupported-media-type"));
        RawHttp.Response raw = RawHttp.send(RestAssured.port, "POST /admin/webhooks/subscriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + Tokens.user("admin") + "\r\nContent-Length: " + json.length() + "\r\n", json);
        assertThat(raw.status()).isEqualTo(415);
        assertThat(raw.body()).contains(PROBLEM + "unsupported-media-type");
        admin().urlEncodingEnabled(false).when().get("/admin/webhooks/subscriptions?page=%00")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character"));
        given().urlEncodingEnabled(false).when().get("/public/calls?lang=%00")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "nul-character"));
        admin().when().get("/admin/webhooks/subscriptions").then().statusCode(200)
                .body("find { it.description == 'UN web site' }", nullValue());
    }

    @Test
    void bodiesOverTheLimitAreRefusedAsProblems() throws Exception {
        RawHttp.Response large = RawHttp.send(RestAssured.port, "POST /admin/webhooks/subscriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + Tokens.user("admin") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20971520\r\n");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(large.body()).contains(PROBLEM + "request-too-large");
        given().urlEncodingEnabled(false).when().get("/public/calls?x=" + "a".repeat(6000))
                .then().statusCode(414).contentType("application/problem+json").body("type", equalTo(PROBLEM + "uri-too-long"));
    }

    private List<String> publish(List<DocumentRef> documents) throws Exception {
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Range NGO", SubmitterCategory.NHRI), documents));
        Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);
        return given().when().get("/public/calls/" + call.slug()).then().statusCode(200)
                .extract().path("groups.find { it.category == 'NHRI' }.contributions[0].documents.path");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.user("admin"));
    }
}
