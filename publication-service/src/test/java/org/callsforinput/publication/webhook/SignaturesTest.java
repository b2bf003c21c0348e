package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignaturesTest {

    // The reference vector of the Standard Webhooks libraries (Java and JavaScript tests: "sign function works").
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String PAYLOAD = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheReferenceVectorOfTheSpecification() {
        assertThat(Signatures.sign(SECRET, MESSAGE_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void secretWorksWithAndWithoutItsPrefix() {
        assertThat(Signatures.sign(SECRET.substring("whsec_".length()), MESSAGE_ID, TIMESTAMP, PAYLOAD))
                .isEqualTo(EXPECTED);
    }

    @Test
    void referenceSignatureVerifiesWithTheReceiversCheck() {
        assertThat(Verifier.verifies(SECRET, MESSAGE_ID, Long.toString(TIMESTAMP), PAYLOAD, EXPECTED)).isTrue();
        assertThat(Verifier.verifies(SECRET, MESSAGE_ID, Long.toString(TIMESTAMP + 1), PAYLOAD, EXPECTED)).isFalse();
        assertThat(Verifier.verifies(SECRET, MESSAGE_ID, Long.toString(TIMESTAMP), PAYLOAD + " ", EXPECTED)).isFalse();
    }

    @Test
    void headerCarriesOneSignaturePerSecretSpaceSeparated() {
        String other = Signatures.newSecret(new SecureRandom());
        String header = Signatures.header(List.of(other, SECRET), MESSAGE_ID, TIMESTAMP, PAYLOAD);

        assertThat(header.split(" ")).hasSize(2).endsWith(EXPECTED).allMatch(part -> part.startsWith("v1,"));
        assertThat(Verifier.verifies(other, MESSAGE_ID, Long.toString(TIMESTAMP), PAYLOAD, header.split(" ")[0])).isTrue();
    }

    @Test
    void newSecretIsWhsecAndBase64OfAtLeast24RandomBytes() {
        SecureRandom random = new SecureRandom();
        String first = Signatures.newSecret(random);
        String second = Signatures.newSecret(random);

        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring(6))).hasSizeGreaterThanOrEqualTo(24);
    }
}
