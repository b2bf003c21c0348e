package org.callsforinput.publication.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt webhook signing secrets at rest (AES-256): the first, the current one, encrypts new
 * secrets; every one decrypts. Configured as {@code publication.webhooks.encryption-keys}, a list of
 * {@code id:base64} entries. The single key of before the keyring ({@code publication.webhooks.encryption-key})
 * still counts: the current key when no list is set, otherwise one more key that decrypts. A key configured without
 * an id gets one derived from it ({@link #derivedId}), and every key also answers to its derived id, so the
 * ciphertexts sealed under the single key stay readable once that key moves into the list under a name.
 */
final class Keyring {

    /** A key and its id (recorded in every ciphertext it seals). */
    record Key(String id, SecretKey secretKey) {
        @Override
        public String toString() {
            return id; // never the key
        }
    }

    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,32}");
    static final String KEYS_PROPERTY = "publication.webhooks.encryption-keys";
    static final String SINGLE_KEY_PROPERTY = "publication.webhooks.encryption-key";

    private final List<Key> keys;
    private final Map<String, Key> byId = new LinkedHashMap<>();

    private Keyring(List<Key> keys) {
        this.keys = List.copyOf(keys);
        for (Key key : keys) {
            byId.put(key.id(), key);
        }
        for (Key key : keys) {
            byId.putIfAbsent(derivedId(key.secretKey().getEncoded()), key);
        }
    }

    /**
     * The keyring of a configuration: the list's entries in order, then the single key unless it is one of them.
     * Refuses (with the property's name, never a key) malformed entries, keys that are not 32 bytes, ids used twice
     * and the same key listed twice. Nothing configured is refused too: the caller brings a generated key instead.
     */
    static Keyring of(List<String> entries, Optional<String> singleKey) {
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            int colon = entry.indexOf(':');
            String where = KEYS_PROPERTY + " entry " + (i + 1);
            if (colon < 0) {
                throw new IllegalStateException(where + " is not id:base64");
            }
            String id = entry.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(where + ": the id must be 1 to 32 letters, digits or '-'");
            }
            add(keys, new Key(id, aesKey(entry.substring(colon + 1), where)), where);
        }
        Optional<String> single = singleKey.map(String::strip).filter(k -> !k.isEmpty());
        if (single.isPresent()) {
            byte[] bytes = aesKey(single.get(), SINGLE_KEY_PROPERTY).getEncoded();
            if (keys.stream().noneMatch(k -> Arrays.equals(k.secretKey().getEncoded(), bytes))) {
                add(keys, new Key(derivedId(bytes), new SecretKeySpec(bytes, "AES")), SINGLE_KEY_PROPERTY);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No webhook encryption key: set " + KEYS_PROPERTY);
        }
        return new Keyring(keys);
    }

    private static void add(List<Key> keys, Key key, String where) {
        for (Key other : keys) {
            if (other.id().equals(key.id())) {
                throw new IllegalStateException(where + ": the id " + key.id() + " is used twice");
            }
            if (Arrays.equals(other.secretKey().getEncoded(), key.secretKey().getEncoded())) {
                throw new IllegalStateException(where + ": the same key as " + other.id());
            }
        }
        keys.add(key);
    }

    private static SecretKey aesKey(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": the key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + ": the key must be 32 bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The id of a key configured without one: {@code k} and the first 16 hex digits of its SHA-256. */
    static String derivedId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "k" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String derivedId(String base64) {
        return derivedId(Base64.getDecoder().decode(base64.strip().getBytes(StandardCharsets.US_ASCII)));
    }

    /** The key that encrypts new secrets. */
    Key current() {
        return keys.get(0);
    }

    /** The key with this id (or derived id). */
    Optional<Key> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key, the current one first. */
    List<Key> keys() {
        return keys;
    }

    /** The configured ids, the current one first (for messages). */
    List<String> ids() {
        return keys.stream().map(Key::id).toList();
    }
}
