package org.callsforinput.publication.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Re-encrypts every stored signing secret (current and previous) that is not sealed with the current key, so that an
 * older key can then be removed from the keyring. Idempotent: a secret already under the current key is left alone.
 * Batch by batch in id order, each batch one transaction of at most {@code publication.webhooks.re-encryption-batch-size}
 * subscriptions locked with SKIP LOCKED (one being changed right now waits for the next run); one run stops after
 * {@code publication.webhooks.re-encryption-max-duration}, and says how many are left.
 */
@ApplicationScoped
public class SecretReEncryption {

    /** Unreadable secrets named in one answer, at most. */
    static final int MAX_UNREADABLE_LISTED = 100;
    private static final int MAX_BATCHES = 100_000;
    private static final UUID FIRST = new UUID(0, 0);
    /** A subscription with a secret not sealed with the current key (?1: what such ciphertexts start with). */
    private static final String NOT_CURRENT =
            "(secret not like concat(?1, '%') or (previousSecret is not null and previousSecret not like concat(?1, '%')))";

    @Schema(description = "What one re-encryption run did")
    public record Result(
            @Schema(description = "The key every secret is sealed with afterwards", examples = "2027-03") String currentKeyId,
            @Schema(description = "Subscriptions whose secrets were rewritten in this run", examples = "42") int reEncrypted,
            @Schema(description = "Subscriptions with a secret still not sealed with the current key (unreadable ones,"
                    + " locked ones and those after the time limit): 0 means an old key can be removed", examples = "0")
            long remaining,
            @Schema(description = "Secrets no configured key opens (at most 100 listed)") List<Unreadable> unreadable) {
    }

    public record Unreadable(UUID subscriptionId,
            @Schema(examples = "Cannot decrypt the signing secret of subscription …: it is encrypted with key '2026-01',"
                    + " which is not among the configured keys [2027-03] (publication.webhooks.encryption-keys)")
            String error) {
    }

    private record Batch(int seen, int reEncrypted, UUID last, List<Unreadable> unreadable) {
    }

    private final SecretBox box;
    private final WebhookConfig config;

    public SecretReEncryption(SecretBox box, WebhookConfig config) {
        this.box = box;
        this.config = config;
    }

    public Result run() {
        String prefix = box.currentPrefix();
        long deadline = System.nanoTime() + config.reEncryptionMaxDuration().toNanos();
        int reEncrypted = 0;
        List<Unreadable> unreadable = new ArrayList<>();
        UUID after = FIRST;
        for (int i = 0; i < MAX_BATCHES && System.nanoTime() < deadline; i++) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(prefix, from));
            reEncrypted += batch.reEncrypted();
            for (Unreadable u : batch.unreadable()) {
                if (unreadable.size() < MAX_UNREADABLE_LISTED) {
                    unreadable.add(u);
                }
            }
            if (batch.seen() < config.reEncryptionBatchSize()) {
                break;
            }
            after = batch.last();
        }
        long remaining = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.count(NOT_CURRENT, prefix));
        Log.infof("Webhook secrets re-encrypted with key %s: %d subscriptions rewritten, %d left", box.currentKeyId(),
                reEncrypted, remaining);
        return new Result(box.currentKeyId(), reEncrypted, remaining, unreadable);
    }

    private Batch batch(String prefix, UUID after) {
        List<WebhookSubscription> found = WebhookSubscription.<WebhookSubscription>find(NOT_CURRENT + " and id > ?2",
                Sort.ascending("id"), prefix, after)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, config.reEncryptionBatchSize())
                .list();
        int rewritten = 0;
        List<Unreadable> unreadable = new ArrayList<>();
        for (WebhookSubscription subscription : found) {
            try {
                if (!box.sealedWithCurrentKey(subscription.secret)) {
                    subscription.secret = box.seal(subscription.id, box.open(subscription.id, subscription.secret));
                }
                if (subscription.previousSecret != null && !box.sealedWithCurrentKey(subscription.previousSecret)) {
                    subscription.previousSecret = box.seal(subscription.id,
                            box.open(subscription.id, subscription.previousSecret));
                }
                rewritten++;
            } catch (IllegalStateException e) {
                unreadable.add(new Unreadable(subscription.id, e.getMessage()));
                Log.warnf("Webhook secret re-encryption: %s", e.getMessage());
            }
        }
        UUID last = found.isEmpty() ? after : found.get(found.size() - 1).id;
        return new Batch(found.size(), rewritten, last, unreadable);
    }
}
