package org.callsforinput.gate.facts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.PropertySet;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.callsforinput.gate.facts.DocumentFacts.FoundLink;
import org.callsforinput.gate.facts.DocumentFacts.Metadata;
import org.callsforinput.gate.facts.DocumentFacts.Property;
import org.callsforinput.gate.pkg.OpcRelationships;
import org.callsforinput.gate.pkg.PackageParts;

/**
 * Reads the facts reviewers see ({@link DocumentFacts}) from a document that passed the gate's checks, by its
 * content, not its name:
 * <ul>
 * <li>.docx: every external hyperlink relationship of every part (document, headers, footers, footnotes, endnotes,
 * comments, anything else), with its display text where the part's XML names it, and {@code HYPERLINK} fields;
 * core, application and custom properties; the authors of comments and of tracked changes (any {@code author}
 * attribute of a Word part) and Word's people part;</li>
 * <li>.odt: {@code meta.xml} (initial creator, last creator, title, subject, description, keywords, user-defined
 * properties), the links ({@code text:a}) of {@code content.xml} and {@code styles.xml}, the creators of annotations
 * and tracked changes;</li>
 * <li>.doc: the OLE property sets (author, last author, title, subject, keywords, comments, company, manager,
 * custom properties); its hyperlinks are not read (they sit in the binary text stream).</li>
 * </ul>
 * Every part is read through {@link PackageParts} (bounded inflation, no DTD). Other formats (PDF) yield facts with
 * a {@code null} format and a note.
 */
public final class FactsExtractor {

    /** At most this many hyperlinks, and this many values in each list of metadata. */
    public static final int MAX_VALUES = 200;
    /** Values (texts, names) are cut to this many characters; URLs to {@link #MAX_URL_LENGTH}. */
    public static final int MAX_VALUE_LENGTH = 500;
    public static final int MAX_URL_LENGTH = 2048;
    /** The OLE property-set streams of a .doc are small; a larger one is not read. */
    private static final long MAX_PROPERTY_STREAM = 1024 * 1024;
    private static final Pattern FIELD_HYPERLINK = Pattern.compile("HYPERLINK\\s+\"([^\"]+)\"");
    private static final String HYPERLINK_TYPE_SUFFIX = "/hyperlink";
    private static final String CORE_SUFFIX = "/metadata/core-properties";
    private static final String EXTENDED_SUFFIX = "/extended-properties";
    private static final String CUSTOM_SUFFIX = "/custom-properties";

    /** The document could not be read as the format its content says (a damaged or hostile file). */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final long maxPartBytes;

    /** {@code maxPartBytes}: no part of a package may inflate to more than this. */
    public FactsExtractor(long maxPartBytes) {
        this.maxPartBytes = maxPartBytes;
    }

    public DocumentFacts extract(Path file) throws UnreadableException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnreadableException("cannot read the file", e);
        }
        try {
            if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                try (PackageParts parts = PackageParts.open(file, maxPartBytes)) {
                    if (parts.has("[Content_Types].xml")) {
                        return docx(parts);
                    }
                    if (parts.has("mimetype") && new String(parts.read("mimetype"), StandardCharsets.US_ASCII)
                            .startsWith("application/vnd.oasis.opendocument.text")) {
                        return odt(parts);
                    }
                }
                return unsupported("a zip archive that is neither a Word nor an OpenDocument text document");
            }
            if (n == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11 && (head[3] & 0xFF) == 0xE0) {
                return doc(file);
            }
            if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
                return unsupported("facts of PDF documents are not read");
            }
            return unsupported("facts are read from .docx, .odt and .doc documents only");
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // POI and the zip reader throw unchecked exceptions on damaged input too; the reason shown stays generic.
            throw new UnreadableException("the document's structure cannot be read", e);
        }
    }

    private static DocumentFacts unsupported(String note) {
        return new DocumentFacts(null, List.of(), Metadata.NONE, false, List.of(note));
    }

    // --- .docx -------------------------------------------------------------------------------------------------

    private DocumentFacts docx(PackageParts parts) throws IOException, XMLStreamException {
        Collector facts = new Collector();
        Map<String, List<OpcRelationships.Relationship>> rels = new LinkedHashMap<>();
        for (ZipEntry entry : Collections.list(parts.entries())) {
            String source = OpcRelationships.sourceOf(entry.getName());
            if (source != null) {
                rels.put(source, OpcRelationships.read(parts, entry.getName()));
            }
        }
        Map<String, String> properties = new HashMap<>();
        for (OpcRelationships.Relationship r : rels.getOrDefault("", List.of())) {
            if (r.external()) {
                continue;
            }
            if (r.type().endsWith(CORE_SUFFIX)) {
                properties.put("core", r.resolvedTarget());
            } else if (r.type().endsWith(EXTENDED_SUFFIX)) {
                properties.put("app", r.resolvedTarget());
            } else if (r.type().endsWith(CUSTOM_SUFFIX)) {
                properties.put("custom", r.resolvedTarget());
            }
        }
        Map<String, String> core = properties.containsKey("core") && parts.has(properties.get("core"))
                ? simpleProperties(parts, properties.get("core")) : Map.of();
        Map<String, String> app = properties.containsKey("app") && parts.has(properties.get("app"))
                ? simpleProperties(parts, properties.get("app")) : Map.of();
        if (properties.containsKey("custom") && parts.has(properties.get("custom"))) {
            customProperties(parts, properties.get("custom"), facts);
        }
        // Word parts: hyperlink display texts, HYPERLINK fields, comment and revision authors, people.
        Set<String> scanned = new LinkedHashSet<>();
        for (ZipEntry entry : Collections.list(parts.entries())) {
            String name = entry.getName();
            if (name.startsWith("word/") && name.endsWith(".xml") && !name.contains("/_rels/")) {
                Map<String, String> hyperlinks = new HashMap<>();
                for (OpcRelationships.Relationship r : rels.getOrDefault(name, List.of())) {
                    if (r.external() && r.type().endsWith(HYPERLINK_TYPE_SUFFIX)) {
                        hyperlinks.put(r.id(), r.target());
                    }
                }
                wordPart(parts, name, hyperlinks, facts);
                scanned.add(name);
            }
        }
        // External hyperlinks of parts whose XML was not read (or that it does not name, such as a drawing's).
        rels.forEach((source, list) -> list.stream()
                .filter(r -> r.external() && r.type().endsWith(HYPERLINK_TYPE_SUFFIX))
                .forEach(r -> facts.link(r.target(), null, source)));
        Metadata metadata = new Metadata(core.get("title"), core.get("subject"), core.get("keywords"), core.get("description"),
                core.get("creator"), core.get("lastModifiedBy"), app.get("Company"), app.get("Manager"),
                List.copyOf(facts.commentAuthors), List.copyOf(facts.revisionAuthors), List.copyOf(facts.people),
                List.copyOf(facts.custom));
        return new DocumentFacts("docx", facts.links(), metadata, facts.truncated, List.of());
    }

    /** The text of each child of the root element by its local name (core and application properties). */
    private static Map<String, String> simpleProperties(PackageParts parts, String name) throws IOException, XMLStreamException {
        Map<String, String> values = new HashMap<>();
        try (InputStream in = parts.open(name)) {
            XMLStreamReader xml = PackageParts.xmlReader(name, in);
            int depth = 0;
            String current = null;
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        current = xml.getLocalName();
                        text.setLength(0);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && current != null) {
                        String value = clip(text.toString().strip(), MAX_VALUE_LENGTH);
                        if (!value.isEmpty()) {
                            values.putIfAbsent(current, value);
                        }
                        current = null;
                    }
                    depth--;
                } else if (current != null && isText(event) && text.length() <= MAX_VALUE_LENGTH) {
                    text.append(xml.getText());
                }
            }
        }
        return values;
    }

    private static void customProperties(PackageParts parts, String name, Collector facts) throws IOException, XMLStreamException {
        try (InputStream in = parts.open(name)) {
            XMLStreamReader xml = PackageParts.xmlReader(name, in);
            String property = null;
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "property".equals(xml.getLocalName())) {
                    property = xml.getAttributeValue(null, "name");
                    text.setLength(0);
                } else if (event == XMLStreamConstants.END_ELEMENT && "property".equals(xml.getLocalName())) {
                    facts.property(property == null ? "" : property, text.toString().strip());
                    property = null;
                } else if (property != null && isText(event) && text.length() <= MAX_VALUE_LENGTH) {
                    text.append(xml.getText());
                }
            }
        }
    }

    private static void wordPart(PackageParts parts, String name, Map<String, String> hyperlinks, Collector facts)
            throws IOException, XMLStreamException {
        try (InputStream in = parts.open(name)) {
            XMLStreamReader xml = PackageParts.xmlReader(name, in);
            Deque<StringBuilder> linkTexts = new ArrayDeque<>();
            Deque<String> linkTargets = new ArrayDeque<>();
            boolean inInstruction = false;
            StringBuilder instruction = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String attribute = xml.getAttributeLocalName(i);
                        String ns = xml.getAttributeNamespace(i);
                        if ("author".equals(attribute) && ns != null && !ns.isEmpty()) {
                            String value = xml.getAttributeValue(i);
                            if ("comment".equals(local)) {
                                facts.add(facts.commentAuthors, value);
                            } else if ("person".equals(local)) {
                                facts.add(facts.people, value);
                            } else {
                                facts.add(facts.revisionAuthors, value);
                            }
                        } else if ("instr".equals(attribute) && "fldSimple".equals(local)) {
                            fieldLinks(xml.getAttributeValue(i), name, facts);
                        }
                    }
                    if ("hyperlink".equals(local)) {
                        String id = relationshipId(xml);
                        linkTargets.push(id == null ? "" : hyperlinks.getOrDefault(id, ""));
                        linkTexts.push(new StringBuilder());
                    } else if ("instrText".equals(local)) {
                        inInstruction = true;
                        instruction.setLength(0);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = xml.getLocalName();
                    if ("hyperlink".equals(local) && !linkTargets.isEmpty()) {
                        String target = linkTargets.pop();
                        String text = linkTexts.pop().toString().strip();
                        if (!target.isEmpty()) {
                            facts.link(target, text.isEmpty() ? null : text, name);
                        }
                    } else if ("instrText".equals(local)) {
                        inInstruction = false;
                        fieldLinks(instruction.toString(), name, facts);
                    }
                } else if (isText(event)) {
                    if (!linkTexts.isEmpty() && linkTexts.peek().length() <= MAX_VALUE_LENGTH) {
                        linkTexts.peek().append(xml.getText());
                    }
                    if (inInstruction && instruction.length() <= MAX_URL_LENGTH) {
                        instruction.append(xml.getText());
                    }
                }
            }
        }
    }

    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && ns != null && ns.endsWith("/relationships")) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static void fieldLinks(String instruction, String part, Collector facts) {
        Matcher m = FIELD_HYPERLINK.matcher(instruction);
        while (m.find()) {
            facts.link(m.group(1), null, part);
        }
    }

    // --- .odt --------------------------------------------------------------------------------------------------

    private DocumentFacts odt(PackageParts parts) throws IOException, XMLStreamException {
        Collector facts = new Collector();
        Map<String, String> meta = new HashMap<>();
        List<String> keywords = new ArrayList<>();
        if (parts.has("meta.xml")) {
            try (InputStream in = parts.open("meta.xml")) {
                XMLStreamReader xml = PackageParts.xmlReader("meta.xml", in);
                String current = null;
                String userDefined = null;
                StringBuilder text = new StringBuilder();
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        current = xml.getLocalName();
                        userDefined = "user-defined".equals(current) ? attribute(xml, "name") : null;
                        text.setLength(0);
                    } else if (event == XMLStreamConstants.END_ELEMENT && current != null) {
                        String value = clip(text.toString().strip(), MAX_VALUE_LENGTH);
                        if ("user-defined".equals(current)) {
                            facts.property(userDefined == null ? "" : userDefined, value);
                        } else if ("keyword".equals(current)) {
                            if (!value.isEmpty()) {
                                keywords.add(value);
                            }
                        } else if (!value.isEmpty()) {
                            meta.putIfAbsent(current, value);
                        }
                        current = null;
                    } else if (current != null && isText(event) && text.length() <= MAX_VALUE_LENGTH) {
                        text.append(xml.getText());
                    }
                }
            }
        }
        for (String part : List.of("content.xml", "styles.xml")) {
            if (parts.has(part)) {
                odfPart(parts, part, facts);
            }
        }
        Metadata metadata = new Metadata(meta.get("title"), meta.get("subject"),
                keywords.isEmpty() ? null : clip(String.join("; ", keywords), MAX_VALUE_LENGTH), meta.get("description"),
                meta.get("initial-creator"), meta.get("creator"), null, null, List.copyOf(facts.commentAuthors),
                List.copyOf(facts.revisionAuthors), List.of(), List.copyOf(facts.custom));
        return new DocumentFacts("odt", facts.links(), metadata, facts.truncated, List.of());
    }

    private static void odfPart(PackageParts parts, String name, Collector facts) throws IOException, XMLStreamException {
        try (InputStream in = parts.open(name)) {
            XMLStreamReader xml = PackageParts.xmlReader(name, in);
            Deque<String> elements = new ArrayDeque<>();
            Deque<StringBuilder> linkTexts = new ArrayDeque<>();
            Deque<String> linkTargets = new ArrayDeque<>();
            StringBuilder creator = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    if ("a".equals(local)) {
                        String href = attribute(xml, "href");
                        linkTargets.push(href == null ? "" : href);
                        linkTexts.push(new StringBuilder());
                    } else if ("creator".equals(local)) {
                        creator = new StringBuilder();
                    }
                    elements.push(local);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = elements.pop();
                    if ("a".equals(local) && !linkTargets.isEmpty()) {
                        String target = linkTargets.pop();
                        String text = linkTexts.pop().toString().strip();
                        // Relative targets point into the document itself (or next to it): not links to the outside.
                        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                            facts.link(target, text.isEmpty() ? null : text, name);
                        }
                    } else if ("creator".equals(local) && creator != null) {
                        facts.add(elements.contains("annotation") ? facts.commentAuthors : facts.revisionAuthors,
                                creator.toString().strip());
                        creator = null;
                    }
                } else if (isText(event)) {
                    if (!linkTexts.isEmpty() && linkTexts.peek().length() <= MAX_VALUE_LENGTH) {
                        linkTexts.peek().append(xml.getText());
                    }
                    if (creator != null && creator.length() <= MAX_VALUE_LENGTH) {
                        creator.append(xml.getText());
                    }
                }
            }
        }
    }

    private static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    // --- .doc --------------------------------------------------------------------------------------------------

    private static DocumentFacts doc(Path file) throws IOException {
        Collector facts = new Collector();
        SummaryInformation summary = null;
        DocumentSummaryInformation documentSummary = null;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                return unsupported("an encrypted Office document: its facts cannot be read");
            }
            PropertySet s = propertySet(root, SummaryInformation.DEFAULT_STREAM_NAME);
            if (s instanceof SummaryInformation si) {
                summary = si;
            }
            PropertySet d = propertySet(root, DocumentSummaryInformation.DEFAULT_STREAM_NAME);
            if (d instanceof DocumentSummaryInformation dsi) {
                documentSummary = dsi;
                CustomProperties custom = dsi.getCustomProperties();
                if (custom != null) {
                    custom.forEach((k, v) -> facts.property(String.valueOf(k), v == null ? "" : String.valueOf(v)));
                }
            }
        } catch (org.apache.poi.hpsf.HPSFException e) {
            throw new IOException("unreadable property set", e);
        }
        Metadata metadata = new Metadata(
                summary == null ? null : value(summary.getTitle()), summary == null ? null : value(summary.getSubject()),
                summary == null ? null : value(summary.getKeywords()), summary == null ? null : value(summary.getComments()),
                summary == null ? null : value(summary.getAuthor()), summary == null ? null : value(summary.getLastAuthor()),
                documentSummary == null ? null : value(documentSummary.getCompany()),
                documentSummary == null ? null : value(documentSummary.getManager()),
                List.of(), List.of(), List.of(), List.copyOf(facts.custom));
        return new DocumentFacts("doc", List.of(), metadata, facts.truncated,
                List.of("hyperlinks, comment and revision authors of .doc documents are not read"));
    }

    private static PropertySet propertySet(DirectoryNode root, String name) throws IOException, org.apache.poi.hpsf.HPSFException {
        if (!root.hasEntry(name) || !(root.getEntry(name) instanceof DocumentEntry entry) || entry.getSize() > MAX_PROPERTY_STREAM) {
            return null;
        }
        try {
            return PropertySetFactory.create(root, name);
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    private static String value(String value) {
        if (value == null) {
            return null;
        }
        String v = clip(value.strip(), MAX_VALUE_LENGTH);
        return v.isEmpty() ? null : v;
    }

    // --- shared ------------------------------------------------------------------------------------------------

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE;
    }

    static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** Bounded, de-duplicated collections of what was found. */
    private static final class Collector {
        final Map<String, FoundLink> links = new LinkedHashMap<>();
        final Set<String> commentAuthors = new LinkedHashSet<>();
        final Set<String> revisionAuthors = new LinkedHashSet<>();
        final Set<String> people = new LinkedHashSet<>();
        final List<Property> custom = new ArrayList<>();
        boolean truncated;

        /** The first occurrence of a URL wins; a later one with a display text gives the text it lacked. */
        void link(String url, String text, String part) {
            String target = url == null ? "" : url.strip();
            if (target.isEmpty()) {
                return;
            }
            if (target.length() > MAX_URL_LENGTH) {
                truncated = true;
                return;
            }
            String clipped = text == null ? null : clip(text, MAX_VALUE_LENGTH);
            FoundLink known = links.get(target);
            if (known != null) {
                if (known.text() == null && clipped != null) {
                    links.put(target, new FoundLink(target, clipped, known.part()));
                }
                return;
            }
            if (links.size() >= MAX_VALUES) {
                truncated = true;
                return;
            }
            links.put(target, new FoundLink(target, clipped, part));
        }

        List<FoundLink> links() {
            return List.copyOf(links.values());
        }

        void add(Set<String> values, String value) {
            String v = value == null ? "" : clip(value.strip(), MAX_VALUE_LENGTH);
            if (v.isEmpty() || values.contains(v)) {
                return;
            }
            if (values.size() >= MAX_VALUES) {
                truncated = true;
                return;
            }
            values.add(v);
        }

        void property(String name, String value) {
            if (custom.size() >= MAX_VALUES) {
                truncated = true;
                return;
            }
            custom.add(new Property(clip(name, MAX_VALUE_LENGTH), clip(value, MAX_VALUE_LENGTH)));
        }
    }
}
