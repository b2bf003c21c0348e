package org.callsforinput.publication.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.entity.ContributionDocument;
import org.callsforinput.publication.entity.PublicCall;

/** Read side of the public outputs: only what is published, and what was and is now gone. */
@ApplicationScoped
public class PublicQueries {

    /** A public call and what it has published. */
    public record CallEntry(PublicCall call, Contribution.Summary summary) {
    }

    /** A published contribution with its public documents, in their order. */
    public record Published(Contribution contribution, List<ContributionDocument> documents) {
    }

    /** Where a public document stands: served, gone (its contribution was retracted), or unknown. */
    public enum Availability {
        PUBLISHED, GONE, UNKNOWN
    }

    /** A document looked up by its public id. */
    public record DocumentLookup(Availability availability, ContributionDocument document) {
    }

    private static final Contribution.Summary NONE = new Contribution.Summary(0, null);

    /** A lookup kept for {@link PublicationConfig#listingLookupTtl()}; only calls that exist are kept. */
    private record Timed(CallEntry entry, long expiresAt) {
    }

    private final Map<String, Timed> lookups = new ConcurrentHashMap<>();
    private final long lookupTtlNanos;

    public PublicQueries(PublicationConfig config) {
        this.lookupTtlNanos = config.listingLookupTtl().toNanos();
    }

    public List<CallEntry> calls() {
        Map<UUID, Contribution.Summary> summaries = Contribution.summaries();
        return PublicCall.listPublic().stream()
                .map(call -> new CallEntry(call, summaries.getOrDefault(call.id, NONE)))
                .toList();
    }

    public Optional<CallEntry> call(String slug) {
        return PublicCall.findPublic(slug).map(call -> new CallEntry(call, Contribution.summaryOf(call.id)));
    }

    /** A call in any status, drafts included, for the secretariat's preview of its page (never cached). */
    public Optional<PublicCall> anyCall(String slug) {
        return PublicCall.findBySlug(slug);
    }

    /** {@link #call(String)} for the listings, reused for a moment (see {@link PublicationConfig#listingLookupTtl()}). */
    public Optional<CallEntry> callForListing(String slug) {
        if (lookupTtlNanos <= 0) {
            return call(slug);
        }
        long now = System.nanoTime();
        Timed timed = lookups.get(slug);
        if (timed != null && now - timed.expiresAt() < 0) {
            return Optional.of(timed.entry());
        }
        Optional<CallEntry> entry = call(slug);
        entry.ifPresentOrElse(e -> lookups.put(slug, new Timed(e, now + lookupTtlNanos)), () -> lookups.remove(slug));
        return entry;
    }

    public List<Published> published(PublicCall call) {
        return withDocuments(Contribution.publishedOfCall(call.id));
    }

    /** The latest published contributions of all public calls, newest first, with their calls. */
    public List<Published> latest(int limit) {
        return withDocuments(Contribution.latestPublished(limit));
    }

    public Map<UUID, PublicCall> callsById(List<Published> published) {
        return published.stream().map(p -> p.contribution().callId).distinct()
                .map(id -> PublicCall.<PublicCall>findById(id))
                .filter(call -> call != null && !"DRAFT".equals(call.status))
                .collect(Collectors.toMap(call -> call.id, Function.identity()));
    }

    /** A contribution that is or was public; one never published stays unknown. */
    public Optional<Published> contribution(UUID id) {
        return Contribution.<Contribution>findByIdOptional(id)
                .filter(c -> c.publishedAt != null)
                .map(c -> new Published(c, ContributionDocument.ofContribution(c.id)));
    }

    public DocumentLookup document(UUID id) {
        ContributionDocument document = ContributionDocument.findById(id);
        if (document == null) {
            return new DocumentLookup(Availability.UNKNOWN, null);
        }
        Contribution c = Contribution.findById(document.contributionId);
        if (c == null || c.publishedAt == null) {
            return new DocumentLookup(Availability.UNKNOWN, null);
        }
        if (c.status != Contribution.Status.PUBLISHED) {
            return new DocumentLookup(Availability.GONE, document);
        }
        return document.state == ContributionDocument.State.COPIED
                ? new DocumentLookup(Availability.PUBLISHED, document)
                : new DocumentLookup(Availability.UNKNOWN, null);
    }

    private static List<Published> withDocuments(List<Contribution> contributions) {
        Map<UUID, List<ContributionDocument>> documents = ContributionDocument
                .ofContributions(contributions.stream().map(c -> c.id).toList()).stream()
                .sorted(ContributionDocument.LISTING_ORDER)
                .collect(Collectors.groupingBy(d -> d.contributionId));
        return contributions.stream().map(c -> new Published(c, documents.getOrDefault(c.id, List.of()))).toList();
    }
}
