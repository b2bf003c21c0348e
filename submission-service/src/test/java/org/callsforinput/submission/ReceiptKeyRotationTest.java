package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.submission.entity.SigningKey;
import org.callsforinput.submission.receipt.ReceiptConfig;
import org.callsforinput.submission.receipt.ReceiptSigner;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Rotating the configured receipt signing key: the service starts with key A (configured, as production does); then
 * the signer takes key B exactly as a restart with the Secret changed would ({@code use}, what start-up calls), on the
 * same database.
 */
@QuarkusTest
@TestProfile(ReceiptKeyRotationTest.KeyA.class)
class ReceiptKeyRotationTest {

    /** Key A configured; a fresh kid each run, so that it is new to the (kept) database. */
    public static class KeyA implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("submission.receipts.signing-key", newKey("receipts-a-" + UUID.randomUUID()).toJSONString());
        }
    }

    @Inject
    ReceiptSigner signer;

    @Inject
    ReceiptConfig config;

    @AfterEach
    void backToTheConfiguredKey() {
        signer.use(config.signingKey());
    }

    @Test
    void aNewKeySignsNewReceiptsAndEveryEarlierReceiptStillVerifies() throws Exception {
        ECKey a = ECKey.parse(config.signingKey().orElseThrow());
        String first = receipt();
        assertThat(kid(first)).isEqualTo(a.getKeyID());
        assertStoredWithoutPrivateKey(a.getKeyID());

        // The Secret now holds key B; the service restarts.
        ECKey b = newKey("receipts-b-" + UUID.randomUUID());
        signer.use(Optional.of(b.toJSONString()));
        String second = receipt();
        assertThat(kid(second)).isEqualTo(b.getKeyID());
        assertStoredWithoutPrivateKey(b.getKeyID());

        JWKSet published = JWKSet.parse(given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        assertThat(published.getKeys()).extracting(JWK::getKeyID).contains(a.getKeyID(), b.getKeyID());
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        // Offline, with the published keys: both receipts verify, each with its own key only.
        assertThat(JWSObject.parse(first).verify(new ECDSAVerifier((ECKey) published.getKeyByKeyId(a.getKeyID())))).isTrue();
        assertThat(JWSObject.parse(second).verify(new ECDSAVerifier((ECKey) published.getKeyByKeyId(b.getKeyID())))).isTrue();
        assertThat(JWSObject.parse(first).verify(new ECDSAVerifier((ECKey) published.getKeyByKeyId(b.getKeyID())))).isFalse();
        verifies(first);
        verifies(second);

        // A new key under a kid that already signed is refused (its receipts would stop verifying); B keeps signing.
        assertThatThrownBy(() -> signer.use(Optional.of(newKey(a.getKeyID()).toJSONString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already names another key");
        assertThat(kid(receipt())).isEqualTo(b.getKeyID());
        verifies(first);

        // Back to A (a rollback): it signs again, B's receipts keep verifying.
        signer.use(Optional.of(a.toJSONString()));
        String third = receipt();
        assertThat(kid(third)).isEqualTo(a.getKeyID());
        verifies(second);
        verifies(third);
    }

    @Test
    void aConfiguredKeyMustBeAPrivateP256KeyWithAKid() throws Exception {
        ECKey withoutKid = new ECKeyGenerator(Curve.P_256).generate();
        assertThatThrownBy(() -> signer.use(Optional.of(withoutKid.toJSONString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("with a kid");
        assertThatThrownBy(() -> signer.use(Optional.of(newKey("public-only").toPublicJWK().toJSONString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("private key");
        assertThatThrownBy(() -> signer.use(Optional.of("{not json")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an EC JWK");
        assertThat(signer.currentKeyId()).isEqualTo(ECKey.parse(config.signingKey().orElseThrow()).getKeyID());
    }

    static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String receipt() {
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, TestDocuments.docx("Rotation"), "rotation.docx").then().statusCode(201);
        return given().auth().oauth2(Tokens.client("partner-odh")).when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).extract().path("jws");
    }

    private static String kid(String jws) throws Exception {
        return JWSObject.parse(jws).getHeader().getKeyID();
    }

    private static void verifies(String jws) throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("jws", jws)).when().post("/receipts/verify")
                .then().statusCode(200).body("receipt.submissionId",
                        equalTo(JWSObject.parse(jws).getPayload().toJSONObject().get("submissionId")));
    }

    private static void assertStoredWithoutPrivateKey(String kid) throws Exception {
        String jwk = QuarkusTransaction.requiringNew().call(() -> SigningKey.<SigningKey>findById(kid).jwk);
        assertThat(JWK.parse(jwk).isPrivate()).isFalse();
        assertThat(JWK.parse(jwk).getKeyID()).isEqualTo(kid);
    }
}
