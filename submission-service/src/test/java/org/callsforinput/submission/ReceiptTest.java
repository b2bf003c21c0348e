package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ReceiptTest {

    @Test
    void receiptVerifiesWithThePublishedKeysAndStaysTheSame() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        byte[] docx = TestDocuments.docx("Receipt test");
        SubmissionFlowTest.upload(id, docx, "receipt.docx").then().statusCode(201);
        String jws = given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).extract().path("jws");

        // What a contributor does offline: fetch the JWKS, check the signature, read the payload.
        JWKSet keys = JWKSet.parse(given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        assertThat(keys.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        JWSObject parsed = JWSObject.parse(jws);
        ECKey key = (ECKey) keys.getKeyByKeyId(parsed.getHeader().getKeyID());
        assertThat(parsed.verify(new ECDSAVerifier(key))).isTrue();
        JsonPath receipt = JsonPath.from(parsed.getPayload().toString());
        assertThat(receipt.getString("submissionId")).isEqualTo(id);
        assertThat(receipt.getString("files[0].sha256")).isEqualTo(SubmissionFlowTest.sha256(docx));
        assertThat(receipt.getString("timeZone")).isEqualTo("Europe/Zurich");
        assertThat(receipt.getString("consent")).isEqualTo("PUBLISH_IN_FULL");
        assertThat(receipt.getString("links[0].url")).isEqualTo("https://example.org/report.pdf");
        assertThat(receipt.getString("receivedAt")).isNotBlank();

        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id + "/receipt")
                .then().statusCode(200).body("jws", equalTo(jws));
        given().contentType(ContentType.JSON).body(Map.of("jws", jws)).when().post("/receipts/verify")
                .then().statusCode(200).body("receipt.submissionId", equalTo(id));
    }

    @Test
    void tamperedReceiptIsRejected() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, TestDocuments.docx("x"), "x.docx").then().statusCode(201);
        String jws = given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).extract().path("jws");
        String[] parts = jws.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("ON_TIME", "LATE").getBytes());
        given().contentType(ContentType.JSON).body(Map.of("jws", parts[0] + "." + forgedPayload + "." + parts[2]))
                .when().post("/receipts/verify")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:invalid-receipt"));
        given().contentType(ContentType.JSON).body(Map.of("jws", "not-a-jws")).when().post("/receipts/verify")
                .then().statusCode(422);
    }
}
