package org.callsforinput.publication.rest;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.entity.ContributionDocument;
import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.PublicPaths;
import org.callsforinput.publication.service.PublicQueries.Published;

/**
 * The public JSON representations, and the grouping and ordering that the page and the feeds share: groups in the
 * order of {@link SubmitterCategory}, named contributions by name (in the collation of the language), anonymous
 * ones after them in the order they were published. Never a contact detail: there is none to show.
 */
final class PublicViews {

    private PublicViews() {
    }

    /** A call in the public list. */
    record CallSummaryView(UUID id, String slug, String mandate, Map<String, String> title, Instant deadline,
            String timeZone, String status, long publishedContributions, Instant lastPublicationChange, String path,
            String page, String feed) {
    }

    /** A call with its published contributions, grouped. */
    record CallContributionsView(UUID id, String slug, String language, String mandate, String title,
            Map<String, String> titles, String description, Instant deadline, String timeZone, String status,
            List<ThemeView> themes, long publishedContributions, String page, String feed, List<GroupView> groups) {
    }

    record ThemeView(String key, String label) {
    }

    record GroupView(SubmitterCategory category, String label, List<ContributionView> contributions) {
    }

    /** A published contribution; {@code name} is the organisation or the anonymous label of the language. */
    record ContributionView(UUID id, String callSlug, String name, boolean anonymised, String organisationName,
            List<String> coSubmitters, SubmitterCategory submitterCategory, String categoryLabel, String country,
            String language, List<String> themes, String title, String summary, List<LinkView> links, boolean redacted,
            Instant publishedAt, String path, String page, List<DocumentView> documents) {
    }

    /** A contributor's link; {@code url} only when it is a plain http(s) URL. */
    record LinkView(String label, String kind, String url) {
    }

    /**
     * A published document; {@code variant} says which form of the contributor's document it is (AS_RECEIVED,
     * METADATA_REMOVED, REDACTED) and {@code variantLabel} says it in the language asked for; {@code sha256} is that
     * of the bytes served.
     */
    record DocumentView(UUID id, String role, String fileName, String contentType, long size, String sha256,
            String language, String path, String variant, String variantLabel) {
    }

    static CallSummaryView summary(PublicCall call, Contribution.Summary summary) {
        return new CallSummaryView(call.id, call.slug, call.mandate, call.title, call.deadline, call.timeZone, call.status,
                summary.published(), summary.lastChange(), PublicPaths.call(call.slug), PublicPaths.page(call.slug),
                PublicPaths.callFeed(call.slug));
    }

    static CallContributionsView call(PublicCall call, List<Published> published, PublicTexts t) {
        return new CallContributionsView(call.id, call.slug, t.lang(), call.mandate, Languages.pick(call.title, t.lang()),
                call.title, Languages.pick(call.description, t.lang()), call.deadline, call.timeZone, call.status,
                themes(call, t), published.size(), PublicPaths.page(call.slug) + "?lang=" + t.lang(),
                PublicPaths.callFeed(call.slug) + "?lang=" + t.lang(), groups(call, published, t));
    }

    static List<ThemeView> themes(PublicCall call, PublicTexts t) {
        return call.themes == null ? List.of()
                : call.themes.stream().map(theme -> new ThemeView(theme.key(), Languages.pick(theme.label(), t.lang()))).toList();
    }

    static List<GroupView> groups(PublicCall call, List<Published> published, PublicTexts t) {
        Map<SubmitterCategory, List<ContributionView>> byCategory = new EnumMap<>(SubmitterCategory.class);
        for (Published p : published) {
            ContributionView view = contribution(call, p, t);
            byCategory.computeIfAbsent(view.submitterCategory(), c -> new ArrayList<>()).add(view);
        }
        Collator collator = Collator.getInstance(t.locale());
        collator.setStrength(Collator.SECONDARY);
        Comparator<ContributionView> order = Comparator.comparing(ContributionView::anonymised)
                .thenComparing((a, b) -> a.anonymised() ? 0 : collator.compare(a.name(), b.name()))
                .thenComparing(ContributionView::publishedAt)
                .thenComparing(ContributionView::id);
        return byCategory.entrySet().stream()
                .map(e -> new GroupView(e.getKey(), t.category(e.getKey()), e.getValue().stream().sorted(order).toList()))
                .toList();
    }

    static ContributionView contribution(PublicCall call, Published p, PublicTexts t) {
        Contribution c = p.contribution();
        boolean anonymised = c.anonymised || c.organisationName == null || c.organisationName.isBlank();
        SubmitterCategory category = c.submitterCategory == null ? SubmitterCategory.OTHER : c.submitterCategory;
        Map<String, String> themeLabels = call.themes == null ? Map.of()
                : call.themes.stream().collect(Collectors.toMap(CallSnapshot.Theme::key,
                        theme -> Languages.pick(theme.label(), t.lang()), (a, b) -> a));
        return new ContributionView(c.id, call.slug, anonymised ? t.anonymous() : c.organisationName, anonymised,
                anonymised ? null : c.organisationName, anonymised || c.coSubmitters == null ? List.of() : c.coSubmitters,
                category, t.category(category), c.country, c.language,
                c.themes == null ? List.of() : c.themes.stream().map(key -> themeLabels.getOrDefault(key, key)).toList(),
                c.title, c.summary, links(c.links), c.decision == Decision.PUBLISH_REDACTED, c.publishedAt,
                PublicPaths.contribution(c.id), PublicPaths.page(call.slug) + "?lang=" + t.lang() + "#c-" + c.id,
                p.documents().stream().map(d -> document(d, c.language, t)).toList());
    }

    static List<LinkView> links(List<Hyperlink> links) {
        if (links == null) {
            return List.of();
        }
        return links.stream()
                .map(link -> new LinkView(link.label() == null || link.label().isBlank() ? link.url() : link.label(),
                        link.kind(), SafeUrls.http(link.url()).orElse(null)))
                .toList();
    }

    static DocumentView document(ContributionDocument d, String language, PublicTexts t) {
        return new DocumentView(d.id, d.role, d.fileName, d.contentType, d.sizeBytes, d.sha256, language,
                PublicPaths.document(d.id), d.variant, t.variant(d.variant));
    }
}
