package org.callsforinput.publication.rest;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.PublicPaths;
import org.callsforinput.publication.service.PublicQueries.Published;

/** What the public HTML page of a call shows, every text already in the page's language (the template only lays out). */
public record CallPage(
        PublicTexts t,
        String previewNotice,
        List<LanguageLink> languages,
        String title,
        String mandate,
        List<String> description,
        String deadline,
        String deadlineIso,
        String status,
        String contributeHref,
        List<String> themes,
        String feedHref,
        String jsonHref,
        int total,
        List<Group> groups) {

    /** The link to the same page in another language. */
    public record LanguageLink(String lang, String name, String href, boolean current) {
    }

    public record Group(String anchor, String headingId, String label, int count, List<Entry> entries) {
    }

    public record Entry(String anchor, String headingId, String name, String country, String language, String title,
            String summary, List<String> themes, List<Link> links, String coSubmitters, boolean redacted,
            String published, String publishedIso, List<Document> documents, String jsonHref) {
    }

    /** A contributor's link: {@code href} is null unless it is a plain http(s) URL, and then the label is text only. */
    public record Link(String label, String href) {
    }

    /** A document; {@code variant} says in words which form of the contributor's document it is. */
    public record Document(String name, String href, String kind, String size, String language, String sha256, String variant) {
    }

    /** {@code portalUrl}: the contributor portal, where an open call's "Contribute" link leads (in the page's language). */
    static CallPage of(PublicCall call, List<Published> published, PublicTexts t, String portalUrl) {
        return of(call, published, t, portalUrl, false);
    }

    /**
     * The same page for the secretariat, drafts included: it says that it is not public, its language links stay on
     * the page it is shown on (the console shows it under its own address), and it has no feed or JSON link (a
     * draft has neither).
     */
    static CallPage preview(PublicCall call, List<Published> published, PublicTexts t, String portalUrl) {
        return of(call, published, t, portalUrl, true);
    }

    private static CallPage of(PublicCall call, List<Published> published, PublicTexts t, String portalUrl, boolean preview) {
        ZoneId zone = zone(call.timeZone);
        ZonedDateTime deadline = call.deadline.atZone(zone);
        String deadlineText = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(t.locale()).format(deadline.toLocalDateTime()) + " (" + zone.getId() + ")";
        List<Group> groups = PublicViews.groups(call, published, t).stream()
                .map(g -> new Group("g-" + g.category().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        "h-" + g.category().name().toLowerCase(Locale.ROOT).replace('_', '-'), g.label(),
                        g.contributions().size(), g.contributions().stream().map(c -> entry(c, t)).toList()))
                .toList();
        String description = Languages.pick(call.description, t.lang());
        List<LanguageLink> languages = preview
                ? PublicTexts.SUPPORTED.stream().map(lang -> new LanguageLink(lang, PublicTexts.of(lang).languageName(),
                        "?lang=" + lang, lang.equals(t.lang()))).toList()
                : languages(call.slug, t.lang());
        return new CallPage(t, preview ? t.previewNotice() : null, languages, Languages.pick(call.title, t.lang()), call.mandate,
                Arrays.stream(description.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList(),
                deadlineText, deadline.toOffsetDateTime().toString(), t.statusText(call.status),
                "OPEN".equals(call.status) ? contributeHref(portalUrl, call, t) : null,
                PublicViews.themes(call, t).stream().map(PublicViews.ThemeView::label).toList(),
                preview ? null : PublicPaths.callFeed(call.slug) + "?lang=" + t.lang(),
                preview ? null : PublicPaths.call(call.slug) + "?lang=" + t.lang(),
                published.size(), groups);
    }

    private static String contributeHref(String portalUrl, PublicCall call, PublicTexts t) {
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        return base + "/calls/" + call.id + "?lang=" + t.lang();
    }

    private static Entry entry(PublicViews.ContributionView c, PublicTexts t) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale());
        String language = t.languageName(c.language());
        return new Entry("c-" + c.id(), "h-" + c.id(), c.name(), t.countryName(c.country()), language, c.title(),
                c.summary(), c.themes(),
                c.links().stream().map(l -> new Link(l.label(), l.url())).toList(),
                String.join(", ", c.coSubmitters()), c.redacted(),
                date.format(c.publishedAt().atZone(java.time.ZoneOffset.UTC)), c.publishedAt().toString(),
                c.documents().stream().map(d -> new Document(d.fileName(), d.path(), kind(d.contentType()),
                        t.size(d.size()), language, d.sha256(), d.variantLabel())).toList(),
                c.path() + "?lang=" + t.lang());
    }

    static List<LanguageLink> languages(String slug, String current) {
        return PublicTexts.SUPPORTED.stream()
                .map(lang -> new LanguageLink(lang, PublicTexts.of(lang).languageName(),
                        (slug == null ? "/calls" : PublicPaths.page(slug)) + "?lang=" + lang, lang.equals(current)))
                .toList();
    }

    private static String kind(String contentType) {
        if (contentType.contains("wordprocessingml") || contentType.equals("application/msword")) {
            return "Word";
        }
        if (contentType.equals("application/pdf")) {
            return "PDF";
        }
        if (contentType.contains("opendocument")) {
            return "OpenDocument";
        }
        return contentType;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }
}
