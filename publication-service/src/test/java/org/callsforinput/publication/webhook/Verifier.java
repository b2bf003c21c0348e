package org.callsforinput.publication.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver such as the UN web site does, written independently of the service's signer: recompute
 * HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}" and compare in constant time with each v1 signature.
 */
final class Verifier {

    private Verifier() {
    }

    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        byte[] expected = hmac(secret, id + "." + timestamp + "." + body);
        return signatures(signatureHeader).stream()
                .anyMatch(signature -> MessageDigest.isEqual(expected, signature));
    }

    /** The v1 signatures of a webhook-signature header (space-separated; other versions ignored). */
    static List<byte[]> signatures(String signatureHeader) {
        return Arrays.stream(signatureHeader.split(" "))
                .filter(part -> part.startsWith("v1,"))
                .map(part -> Base64.getDecoder().decode(part.substring(3)))
                .toList();
    }

    static byte[] hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
