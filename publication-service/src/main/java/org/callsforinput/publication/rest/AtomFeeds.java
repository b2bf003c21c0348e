package org.callsforinput.publication.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.PublicPaths;
import org.callsforinput.publication.service.PublicQueries.Published;
import org.callsforinput.publication.service.PublicationConfig;

/**
 * Atom feeds (RFC 4287) of published contributions, written with an XML writer: every text and attribute is
 * escaped by it, and characters that XML cannot carry at all are dropped first.
 */
@ApplicationScoped
public class AtomFeeds {

    public static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The permanent id of the feed of all calls. */
    private static final UUID ALL_CALLS = UUID.nameUUIDFromBytes("publication-service/feed/all-calls".getBytes(StandardCharsets.UTF_8));

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
    private final PublicationConfig config;

    public AtomFeeds(PublicationConfig config) {
        this.config = config;
    }

    /** The public address that absolute links start with: configured, else the request's. */
    String base(UriInfo uri) {
        String base = config.publicBaseUrl().orElse(uri.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    byte[] callFeed(PublicCall call, List<Published> published, PublicTexts t, Instant updated, String base) {
        String title = Languages.pick(call.title, t.lang());
        return write(t, "urn:uuid:" + call.id, title, call.mandate, updated,
                base + PublicPaths.callFeed(call.slug) + "?lang=" + t.lang(),
                base + PublicPaths.page(call.slug) + "?lang=" + t.lang(),
                newestFirst(published), Map.of(call.id, call), base);
    }

    byte[] allCallsFeed(List<Published> published, Map<UUID, PublicCall> calls, PublicTexts t, Instant updated,
            String base) {
        return write(t, "urn:uuid:" + ALL_CALLS, t.latestContributions(), t.siteName(), updated,
                base + PublicPaths.feed() + "?lang=" + t.lang(), null,
                published.stream().filter(p -> calls.containsKey(p.contribution().callId)).toList(), calls, base);
    }

    private byte[] write(PublicTexts t, String id, String title, String author, Instant updated, String self,
            String alternate, List<Published> entries, Map<UUID, PublicCall> calls, String base) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", t.lang());
            text(xml, "id", id);
            text(xml, "title", title);
            text(xml, "updated", timestamp(updated == null ? Instant.EPOCH : updated));
            link(xml, "self", MEDIA_TYPE, self, null, null);
            if (alternate != null) {
                link(xml, "alternate", "text/html", alternate, null, null);
            }
            xml.writeStartElement("author");
            text(xml, "name", author == null || author.isBlank() ? t.siteName() : author);
            xml.writeEndElement();
            for (Published p : entries) {
                entry(xml, p, calls.get(p.contribution().callId), t, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the feed", e);
        }
        return bytes.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, Published p, PublicCall call, PublicTexts t, String base)
            throws XMLStreamException {
        PublicViews.ContributionView c = PublicViews.contribution(call, p, t);
        xml.writeStartElement("entry");
        text(xml, "id", "urn:uuid:" + c.id());
        String callTitle = Languages.pick(call.title, t.lang());
        text(xml, "title", c.title() == null || c.title().isBlank() ? c.name() : c.name() + ": " + c.title());
        text(xml, "updated", timestamp(c.publishedAt()));
        text(xml, "published", timestamp(c.publishedAt()));
        xml.writeStartElement("author");
        text(xml, "name", c.name());
        xml.writeEndElement();
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", c.submitterCategory().name());
        xml.writeAttribute("label", clean(c.categoryLabel()));
        link(xml, "alternate", "text/html", base + c.page(), null, null);
        link(xml, "related", "application/json", base + c.path(), null, null);
        for (PublicViews.DocumentView d : c.documents()) {
            link(xml, "enclosure", d.contentType(), base + d.path(), d.fileName(), d.size());
        }
        StringBuilder summary = new StringBuilder(callTitle);
        if (c.summary() != null && !c.summary().isBlank()) {
            summary.append("\n\n").append(c.summary());
        }
        for (PublicViews.DocumentView d : c.documents()) {
            summary.append("\n").append(d.fileName()).append(": ").append(d.variantLabel()).append(", SHA-256 ").append(d.sha256());
        }
        for (PublicViews.LinkView link : c.links()) {
            summary.append("\n").append(link.label());
            if (link.url() != null && !link.url().equals(link.label())) {
                summary.append(" <").append(link.url()).append('>');
            }
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(clean(summary.toString()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static List<Published> newestFirst(List<Published> published) {
        return published.stream()
                .sorted((a, b) -> b.contribution().publishedAt.compareTo(a.contribution().publishedAt))
                .toList();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        if ("title".equals(element)) {
            xml.writeAttribute("type", "text");
        }
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href, String title, Long length)
            throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", clean(type));
        xml.writeAttribute("href", clean(href));
        if (title != null) {
            xml.writeAttribute("title", clean(title));
        }
        if (length != null) {
            xml.writeAttribute("length", Long.toString(length));
        }
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Drops what XML 1.0 cannot carry even escaped (control characters, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(clean::appendCodePoint);
        return clean.toString();
    }
}
