package org.callsforinput.publication.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.PublicContribution;
import org.callsforinput.contracts.PublicationPublished;
import org.callsforinput.contracts.PublicationRetracted;
import org.callsforinput.contracts.ReviewDecided;
import org.callsforinput.contracts.ReviewRetracted;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.platform.eventing.Inbox;
import org.callsforinput.platform.eventing.Outbox;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.entity.ContributionDocument;
import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.webhook.Webhooks;

import io.quarkus.logging.Log;

/**
 * Turns review decisions and retractions into contributions, once per submission whatever the order and repeats,
 * and makes them public or takes them down, always together with their {@code publications} event and webhooks.
 */
@ApplicationScoped
public class Publications {

    /** Fired when a contribution became due for the publication job, so that it runs after the commit. */
    public record Due(UUID contributionId) {
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Inbox inbox;
    private final Outbox outbox;
    private final Webhooks webhooks;
    private final Event<Due> due;
    private final PublicationConfig config;
    private final PublicationAlerts alerts;

    public Publications(Inbox inbox, Outbox outbox, Webhooks webhooks, Event<Due> due, PublicationConfig config,
            PublicationAlerts alerts) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.due = due;
        this.config = config;
        this.alerts = alerts;
    }

    @Transactional
    public boolean handle(InboundEvent event) {
        return inbox.process(event, e -> {
            switch (e.type()) {
                case EventTypes.REVIEW_DECIDED -> decided(inbox.read(e, ReviewDecided.class));
                case EventTypes.REVIEW_RETRACTED -> retracted(inbox.read(e, ReviewRetracted.class));
                default -> Log.debugf("Ignoring event type %s", e.type());
            }
        });
    }

    void decided(ReviewDecided d) {
        if (d.decision() == null || !d.decision().publishes()) {
            Log.debugf("Submission %s decided %s: nothing to publish", d.submissionId(), d.decision());
            return;
        }
        if (d.submissionId() == null || d.callId() == null || d.contribution() == null) {
            throw new IllegalArgumentException("review.decided for publication without submission, call or contribution");
        }
        if (Contribution.findBySubmission(d.submissionId()).isPresent()) {
            // A repeat under a new event id, or a decision that arrives after its retraction: nothing changes.
            Log.infof("Decision on submission %s already known: ignored", d.submissionId());
            return;
        }
        PublicContribution p = d.contribution();
        Contribution c = new Contribution();
        c.id = UUID.randomUUID();
        c.submissionId = d.submissionId();
        c.callId = d.callId();
        c.decision = d.decision();
        c.anonymised = p.anonymised();
        // The contract says so already; held here too because a name must never leak through a mistake upstream.
        c.organisationName = p.anonymised() ? null : clip(p.organisationName(), 300);
        c.coSubmitters = p.anonymised() || p.coSubmitters() == null ? List.of()
                : p.coSubmitters().stream().map(name -> clip(name, 300)).toList();
        c.submitterCategory = p.submitterCategory() == null ? SubmitterCategory.OTHER : p.submitterCategory();
        c.country = p.country() != null && p.country().matches("[A-Z]{2}") ? p.country() : null;
        c.language = p.language() != null && p.language().matches("[a-z]{2}") ? p.language() : null;
        c.themes = p.themes() == null ? List.of() : p.themes().stream().map(theme -> clip(theme, 60)).toList();
        c.title = clip(p.title(), 300);
        c.summary = clip(p.summary(), 4000);
        c.links = p.links() == null ? List.of() : p.links().stream()
                .map(link -> new Hyperlink(clip(link.url(), 2000), clip(link.label(), 300), clip(link.kind(), 30))).toList();
        c.receivedAt = d.receivedAt();
        c.decidedAt = d.decidedAt();
        c.status = Contribution.Status.PENDING;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        c.nextAttemptAt = c.createdAt;

        List<DocumentRef> refs = d.documents() == null ? List.of() : d.documents();
        List<String> malformed = new ArrayList<>();
        for (DocumentRef ref : refs) {
            if (ref.sha256() == null || !SHA256.matcher(ref.sha256()).matches() || ref.bucket() == null
                    || ref.key() == null || ref.size() < 0) {
                malformed.add(String.valueOf(ref.documentId()));
            }
        }
        if (!malformed.isEmpty()) {
            c.status = Contribution.Status.REFUSED;
            c.statusReason = "malformed document reference";
            c.nextAttemptAt = null;
            c.persist();
            alerts.raise("publication of submission %s refused: malformed document reference(s) %s; nothing is public",
                    d.submissionId(), malformed);
            return;
        }
        c.persist();
        int position = 0;
        for (DocumentRef ref : refs) {
            ContributionDocument document = new ContributionDocument();
            document.id = UUID.randomUUID();
            document.contributionId = c.id;
            document.position = position++;
            document.role = DocumentRef.ROLE_MAIN.equals(ref.role()) ? DocumentRef.ROLE_MAIN : DocumentRef.ROLE_ANNEX;
            document.sourceBucket = ref.bucket();
            document.sourceKey = ref.key();
            document.fileName = FileNames.publicName(ref.fileName());
            document.contentType = MediaTypes.safe(ref.contentType());
            document.sizeBytes = ref.size();
            document.sha256 = ref.sha256();
            document.variant = variant(ref);
            document.state = ContributionDocument.State.PENDING;
            document.persist();
        }
        Log.infof("Contribution %s of submission %s accepted for publication (%s, %d document(s))",
                c.id, d.submissionId(), d.decision(), refs.size());
        due.fire(new Due(c.id));
    }

    void retracted(ReviewRetracted r) {
        if (r.submissionId() == null || r.callId() == null) {
            throw new IllegalArgumentException("review.retracted without submission or call");
        }
        Contribution c = Contribution.lockBySubmission(r.submissionId()).orElse(null);
        Instant now = Instant.now();
        if (c == null) {
            // Before its decision (a replay, another order): the decision that follows publishes nothing.
            c = new Contribution();
            c.id = UUID.randomUUID();
            c.submissionId = r.submissionId();
            c.callId = r.callId();
            c.status = Contribution.Status.RETRACTED;
            c.retractedAt = r.retractedAt() == null ? now : r.retractedAt();
            c.statusReason = r.reason();
            c.createdAt = now;
            c.updatedAt = now;
            c.persist();
            Log.infof("Submission %s retracted before its decision arrived", r.submissionId());
            return;
        }
        switch (c.status) {
            case RETRACTED -> Log.debugf("Submission %s already retracted", r.submissionId());
            case PENDING, REFUSED -> {
                c.status = Contribution.Status.RETRACTED;
                c.retractedAt = now;
                c.statusReason = r.reason();
                c.nextAttemptAt = now; // copies already made are removed
                c.updatedAt = now;
                Log.infof("Contribution %s retracted before it was published", c.id);
            }
            case PUBLISHED -> {
                c.status = Contribution.Status.RETRACTED;
                c.retractedAt = now;
                c.statusReason = r.reason();
                c.updatedAt = now;
                c.nextAttemptAt = now; // the public copies are removed by the publication job
                PublicCall call = PublicCall.findById(c.callId);
                PublicationRetracted payload = new PublicationRetracted(c.id, c.submissionId, c.callId, call == null ? null : call.slug,
                        ContributionDocument.ofContribution(c.id).stream().map(doc -> doc.id).toList(), r.reason(), now);
                outbox.publish(Topics.PUBLICATIONS, EventTypes.PUBLICATION_RETRACTED, c.id.toString(), payload);
                webhooks.enqueue(EventTypes.PUBLICATION_RETRACTED, c.callId, payload.forPublic());
                Log.infof("Contribution %s retracted (%s)", c.id, r.reason());
            }
        }
    }

    /**
     * Called by the publication job once every document of a pending contribution was looked at: refuses it when one
     * did not match, publishes it when its call is known, else lets it wait for the call.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void conclude(UUID contributionId) {
        Contribution c = Contribution.findById(contributionId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return;
        }
        if (c.status != Contribution.Status.PENDING) {
            c.nextAttemptAt = Instant.now(); // retracted meanwhile: what was copied is removed
            return;
        }
        List<ContributionDocument> documents = ContributionDocument.ofContribution(c.id);
        Instant now = Instant.now();
        if (documents.stream().anyMatch(d -> d.state == ContributionDocument.State.MISMATCH
                || d.state == ContributionDocument.State.MISSING)) {
            c.status = Contribution.Status.REFUSED;
            c.statusReason = "document integrity";
            c.nextAttemptAt = now; // copies of its other documents are removed
            c.updatedAt = now;
            return;
        }
        if (documents.stream().anyMatch(d -> d.state != ContributionDocument.State.COPIED)) {
            c.nextAttemptAt = now; // not all copied yet: go again
            return;
        }
        PublicCall call = PublicCall.findById(c.callId);
        if (call == null) {
            // Kept, and published when the call arrives (which wakes it); the re-check covers a missed wake-up.
            if (c.statusReason == null) {
                Log.infof("Contribution %s waits for its call %s", c.id, c.callId);
            }
            c.statusReason = "waiting for the call";
            c.nextAttemptAt = now.plus(config.pendingCallRecheck());
            c.updatedAt = now;
            return;
        }
        c.statusReason = null;
        c.status = Contribution.Status.PUBLISHED;
        c.publishedAt = now;
        c.updatedAt = now;
        c.nextAttemptAt = null;
        PublicationPublished payload = new PublicationPublished(c.id, c.submissionId, c.callId, call.slug,
                c.decision == Decision.PUBLISH_REDACTED, publicContribution(c),
                documents.stream().map(d -> new PublicationPublished.PublishedDocument(d.id, d.role, d.fileName,
                        d.contentType, d.sizeBytes, d.sha256, PublicPaths.document(d.id), d.variant)).toList(),
                PublicPaths.contribution(c.id), now);
        outbox.publish(Topics.PUBLICATIONS, EventTypes.PUBLICATION_PUBLISHED, c.id.toString(), payload);
        webhooks.enqueue(EventTypes.PUBLICATION_PUBLISHED, c.callId, payload.forPublic());
        Log.infof("Contribution %s published on call %s", c.id, call.slug);
    }

    /** A document whose public copy is to be removed. */
    public record Removal(UUID documentId, String objectKey) {
    }

    /**
     * The copies of a refused or retracted contribution to remove from the bucket: those no other pending or published
     * contribution shares (copies are content-addressed).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Removal> removals(UUID contributionId) {
        return ContributionDocument.ofContribution(contributionId).stream()
                .filter(d -> d.state == ContributionDocument.State.COPIED)
                .filter(d -> {
                    if (ContributionDocument.sharedByAnotherPublication(d.sha256, contributionId)) {
                        d.state = ContributionDocument.State.REMOVED; // the bytes stay for the other one
                        return false;
                    }
                    return true;
                })
                .map(d -> new Removal(d.id, d.objectKey))
                .toList();
    }

    /** Records that the copies were removed; the contribution needs the job no more. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void removed(UUID contributionId, List<Removal> removals) {
        removals.forEach(r -> ContributionDocument.update("state = ?1 where id = ?2", ContributionDocument.State.REMOVED,
                r.documentId()));
        Contribution.update("nextAttemptAt = null where id = ?1 and status <> ?2", contributionId,
                Contribution.Status.PENDING);
    }

    /** The public metadata as the page shows it. */
    public static PublicContribution publicContribution(Contribution c) {
        return new PublicContribution(c.anonymised, c.anonymised ? null : c.organisationName, c.submitterCategory,
                c.country, c.language, c.themes, c.title, c.summary, c.links, c.anonymised ? List.of() : c.coSubmitters);
    }

    /** Text from outside, without control characters (line breaks and tabs stay), at most {@code max} characters. */
    private static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
        text.codePoints()
                .filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t')
                .forEach(clean::appendCodePoint);
        return clean.length() <= max ? clean.toString() : clean.substring(0, max);
    }

    /** The variant the decision names; a missing one (older events) or one this service does not know reads as received. */
    static String variant(DocumentRef ref) {
        String variant = ref.variantOrAsReceived();
        return switch (variant) {
            case DocumentRef.VARIANT_METADATA_REMOVED, DocumentRef.VARIANT_REDACTED -> variant;
            default -> DocumentRef.VARIANT_AS_RECEIVED;
        };
    }
}
