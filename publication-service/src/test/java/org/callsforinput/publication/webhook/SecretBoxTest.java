package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Secrets at rest with configured keys (production's case; tests and local runs use a generated one). */
class SecretBoxTest {

    /** Sealed by the single-key SecretBox of before the keyring (format v1), with this key, for this subscription. */
    private static final String V1_KEY = "XjL968vAWBzw5YZS/UXKbnfllBsUd89eyXaDBNXqup8=";
    private static final UUID V1_SUBSCRIPTION = UUID.fromString("14767973-4f61-44c1-b857-454b5e8c2df3");
    private static final String V1_SECRET = "whsec_x86/xbRi7sP38ZmjtZZquF7gtJT9hlBRCC/h88pPMRM=";
    private static final String V1_SEALED = "v1.x4Bnboe4PUdLUOk1EVVkc53c/xDUFOXI4AF8KDaiE8UUXAcGXuqxmd6SBfnap3Jo2N8X85Dus1bGp3SKUdBjEuvTWorfWGD4vLwdDRZU";

    private static WebhookConfig config(List<String> keys, String singleKey) {
        return (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] { WebhookConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "encryptionKeys" -> keys.isEmpty() ? Optional.empty() : Optional.of(keys);
                    case "encryptionKey" -> Optional.ofNullable(singleKey);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SecretBox withKey(String base64) {
        return new SecretBox(config(List.of(), base64));
    }

    private static SecretBox withKeys(String... entries) {
        return new SecretBox(config(List.of(entries), null));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void sealedSecretOpensOnlyForItsSubscriptionAndKey() {
        String key = randomKey();
        SecretBox box = withKey(key);
        UUID subscription = UUID.randomUUID();
        String secret = Signatures.newSecret(new SecureRandom());

        String sealed = box.seal(subscription, secret);

        assertThat(sealed).startsWith("v2." + Keyring.derivedId(key) + ".").doesNotContain(secret.substring(6));
        assertThat(box.seal(subscription, secret)).isNotEqualTo(sealed); // a fresh IV every time
        assertThat(box.open(subscription, sealed)).isEqualTo(secret);
        assertThat(withKey(key).open(subscription, sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        char[] tampered = sealed.toCharArray();
        tampered[tampered.length - 10] = tampered[tampered.length - 10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(subscription, new String(tampered))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSingleKeyOfBeforeTheKeyringKeepsWorking() {
        // The old configuration, unchanged: secrets sealed before the keyring open, new ones name the derived id.
        SecretBox old = withKey(V1_KEY);
        assertThat(old.open(V1_SUBSCRIPTION, V1_SEALED)).isEqualTo(V1_SECRET);
        assertThat(old.currentKeyId()).isEqualTo(Keyring.derivedId(V1_KEY)).matches("k[0-9a-f]{16}");
        String resealed = old.seal(V1_SUBSCRIPTION, V1_SECRET);

        // A keyring added beside it: the new key seals, the single key still opens both formats.
        String next = randomKey();
        SecretBox beside = new SecretBox(config(List.of("2027-03:" + next), V1_KEY));
        assertThat(beside.currentKeyId()).isEqualTo("2027-03");
        assertThat(beside.open(V1_SUBSCRIPTION, V1_SEALED)).isEqualTo(V1_SECRET);
        assertThat(beside.open(V1_SUBSCRIPTION, resealed)).isEqualTo(V1_SECRET);

        // The single key moved into the list under a name of its own: still found by its derived id.
        SecretBox moved = withKeys("2027-03:" + next, "2026-01:" + V1_KEY);
        assertThat(moved.open(V1_SUBSCRIPTION, V1_SEALED)).isEqualTo(V1_SECRET);
        assertThat(moved.open(V1_SUBSCRIPTION, resealed)).isEqualTo(V1_SECRET);
        assertThat(moved.sealedWithCurrentKey(resealed)).isFalse();
        assertThat(moved.sealedWithCurrentKey(moved.seal(V1_SUBSCRIPTION, V1_SECRET))).isTrue();

        // Without it, neither opens, and the message says why.
        assertThatThrownBy(() -> withKeys("2027-03:" + next).open(V1_SUBSCRIPTION, V1_SEALED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none of the configured keys [2027-03] opens it");
        assertThatThrownBy(() -> withKeys("2027-03:" + next).open(V1_SUBSCRIPTION, resealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot decrypt the signing secret of subscription " + V1_SUBSCRIPTION + ": it is encrypted"
                        + " with key '" + Keyring.derivedId(V1_KEY) + "', which is not among the configured keys"
                        + " [2027-03] (publication.webhooks.encryption-keys)");
    }

    @Test
    void theFirstKeyEncryptsAndEveryKeyDecrypts() {
        String key1 = randomKey();
        String key2 = randomKey();
        UUID subscription = UUID.randomUUID();
        String sealed1 = withKeys("key1:" + key1).seal(subscription, "whsec_one");

        SecretBox rotated = withKeys("key2:" + key2, "key1:" + key1);
        String sealed2 = rotated.seal(subscription, "whsec_two");
        assertThat(sealed1).startsWith("v2.key1.");
        assertThat(sealed2).startsWith("v2.key2.");
        assertThat(rotated.open(subscription, sealed1)).isEqualTo("whsec_one");
        assertThat(rotated.open(subscription, sealed2)).isEqualTo("whsec_two");
        assertThat(rotated.sealedWithCurrentKey(sealed1)).isFalse();
        assertThat(rotated.sealedWithCurrentKey(sealed2)).isTrue();

        // Another key under a known id: a clear message, not a crypto exception.
        assertThatThrownBy(() -> withKeys("key1:" + key2).open(subscription, sealed1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("with key 'key1' (another key under that id");
        assertThatThrownBy(() -> rotated.open(subscription, "v2.key1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> rotated.open(subscription, "v9.x")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Unknown signing secret format");
    }

    @Test
    void refusesAWrongConfigurationWithoutShowingAKey() {
        String key = randomKey();
        assertThatThrownBy(() -> withKey(Base64.getEncoder().encodeToString(new byte[16])).seal(UUID.randomUUID(), "whsec_x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> withKeys(key).currentKeyId()).isInstanceOf(IllegalStateException.class)
                .hasMessage("publication.webhooks.encryption-keys entry 1 is not id:base64");
        assertThatThrownBy(() -> withKeys("a.b:" + key).currentKeyId()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("letters, digits or '-'");
        assertThatThrownBy(() -> withKeys("a:" + key, "a:" + randomKey()).currentKeyId())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("entry 2: the id a is used twice");
        assertThatThrownBy(() -> withKeys("a:" + key, "b:" + key).currentKeyId())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("entry 2: the same key as a");
        assertThatThrownBy(() -> withKeys("a:not base64!").currentKeyId())
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("not base64!");
        // The single key already in the list is not added twice.
        assertThat(new SecretBox(config(List.of("a:" + key), key)).currentKeyId()).isEqualTo("a");
    }
}
