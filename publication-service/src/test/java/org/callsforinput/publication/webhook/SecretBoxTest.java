package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Secrets at rest with a configured key (production's case; tests and local runs use a generated one). */
class SecretBoxTest {

    private static WebhookConfig withKey(String base64) {
        return (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] { WebhookConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("encryptionKey")) {
                        return Optional.of(base64);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void sealedSecretOpensOnlyForItsSubscriptionAndKey() {
        String key = randomKey();
        SecretBox box = new SecretBox(withKey(key));
        UUID subscription = UUID.randomUUID();
        String secret = Signatures.newSecret(new SecureRandom());

        String sealed = box.seal(subscription, secret);

        assertThat(sealed).startsWith("v1.").doesNotContain(secret.substring(6));
        assertThat(box.seal(subscription, secret)).isNotEqualTo(sealed); // a fresh IV every time
        assertThat(box.open(subscription, sealed)).isEqualTo(secret);
        assertThat(new SecretBox(withKey(key)).open(subscription, sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(withKey(randomKey())).open(subscription, sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryption key");
        char[] tampered = sealed.toCharArray();
        tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(subscription, new String(tampered))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        SecretBox box = new SecretBox(withKey(Base64.getEncoder().encodeToString(new byte[16])));
        assertThatThrownBy(() -> box.seal(UUID.randomUUID(), "whsec_x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
