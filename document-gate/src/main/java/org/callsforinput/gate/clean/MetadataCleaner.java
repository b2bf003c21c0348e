package org.callsforinput.gate.clean;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.callsforinput.gate.facts.DocumentFacts;
import org.callsforinput.gate.pkg.OpcRelationships;
import org.callsforinput.gate.pkg.PackageParts;

/**
 * Writes a metadata-cleaned copy of a .docx: the core and application properties are emptied, the custom properties
 * and Word's people part are removed (with their relationships and content types), and every comment and tracked
 * change names {@link DocumentFacts#NEUTRAL_AUTHOR} (initials "A"). Every other part is copied byte for byte; a Word
 * part is rewritten only when it names an author. Reads go through {@link PackageParts} (bounded, no DTD).
 * <p>
 * Limits: what the text itself says is untouched (a name in the body, a header, an embedded object or a picture);
 * custom XML parts (e.g. document-management data) are copied as they are. Other formats (.doc, .odt, .pdf) are
 * not cleaned: a reviewer supplies a redacted copy instead.
 */
public final class MetadataCleaner {

    /** The document is not a .docx, or not one that can be cleaned. */
    public static final class NotCleanableException extends Exception {
        public NotCleanableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String NEUTRAL_INITIALS = "A";
    private static final String CORE = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>""";
    private static final String APP = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>""";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    private static final XMLOutputFactory OUT = XMLOutputFactory.newDefaultFactory();

    private final long maxPartBytes;

    public MetadataCleaner(long maxPartBytes) {
        this.maxPartBytes = maxPartBytes;
    }

    /** Writes the cleaned copy of {@code docx} to {@code target}; the source file is only read. */
    public void clean(Path docx, Path target) throws NotCleanableException, IOException {
        try (PackageParts parts = PackageParts.open(docx, maxPartBytes)) {
            if (!parts.has("[Content_Types].xml") || !parts.has("_rels/.rels")) {
                throw new NotCleanableException("not a Word (.docx) package", null);
            }
            Map<String, List<OpcRelationships.Relationship>> rels = new HashMap<>();
            for (ZipEntry entry : Collections.list(parts.entries())) {
                String source = OpcRelationships.sourceOf(entry.getName());
                if (source != null) {
                    rels.put(entry.getName(), OpcRelationships.read(parts, entry.getName()));
                }
            }
            String core = null;
            String app = null;
            Set<String> removed = new HashSet<>();
            for (List<OpcRelationships.Relationship> list : rels.values()) {
                for (OpcRelationships.Relationship r : list) {
                    if (r.external()) {
                        continue;
                    }
                    if (r.type().endsWith("/metadata/core-properties")) {
                        core = r.resolvedTarget();
                    } else if (r.type().endsWith("/extended-properties")) {
                        app = r.resolvedTarget();
                    } else if (r.type().endsWith("/custom-properties") || r.type().endsWith("/people")) {
                        removed.add(r.resolvedTarget());
                    }
                }
            }
            if (parts.has("word/people.xml")) {
                removed.add("word/people.xml");
            }
            for (String part : Set.copyOf(removed)) {
                removed.add(OpcRelationships.partOf(part));
            }
            Set<String> authored = new HashSet<>();
            for (ZipEntry entry : Collections.list(parts.entries())) {
                String name = entry.getName();
                if (name.startsWith("word/") && name.endsWith(".xml") && !removed.contains(name) && namesAuthor(parts, name)) {
                    authored.add(name);
                }
            }
            try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (ZipEntry entry : Collections.list(parts.entries())) {
                    String name = entry.getName();
                    if (removed.contains(name)) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    if (name.equals(core)) {
                        zip.write(CORE.getBytes(StandardCharsets.UTF_8));
                    } else if (name.equals(app)) {
                        zip.write(APP.getBytes(StandardCharsets.UTF_8));
                    } else if (name.equals("[Content_Types].xml") && !removed.isEmpty()) {
                        zip.write(rewrite(parts, name, (local, xml) -> "Override".equals(local)
                                && removed.contains(stripSlash(xml.getAttributeValue(null, "PartName"))), false));
                    } else if (rels.containsKey(name) && rels.get(name).stream().anyMatch(r -> removed.contains(r.resolvedTarget()))) {
                        zip.write(rewrite(parts, name, (local, xml) -> "Relationship".equals(local) && removed.contains(
                                rels.get(name).stream().filter(r -> r.id() != null && r.id().equals(xml.getAttributeValue(null, "Id")))
                                        .map(OpcRelationships.Relationship::resolvedTarget).findFirst().orElse(null)), false));
                    } else if (authored.contains(name)) {
                        zip.write(rewrite(parts, name, (local, xml) -> false, true));
                    } else {
                        try (InputStream in = parts.open(name)) {
                            in.transferTo(zip);
                        }
                    }
                    zip.closeEntry();
                }
            }
        } catch (XMLStreamException e) {
            throw new NotCleanableException("a part of the package is not well-formed XML", e);
        } catch (java.util.zip.ZipException e) {
            throw new NotCleanableException("not a readable zip package", e);
        }
    }

    private static String stripSlash(String partName) {
        return partName == null ? null : partName.startsWith("/") ? partName.substring(1) : partName;
    }

    private static boolean namesAuthor(PackageParts parts, String name) throws IOException, XMLStreamException {
        try (InputStream in = parts.open(name)) {
            XMLStreamReader xml = PackageParts.xmlReader(name, in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        if (isAuthor(xml, i)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean isAuthor(XMLStreamReader xml, int i) {
        String ns = xml.getAttributeNamespace(i);
        return ns != null && !ns.isEmpty()
                && ("author".equals(xml.getAttributeLocalName(i)) || "initials".equals(xml.getAttributeLocalName(i)));
    }

    private interface Drop {
        boolean test(String localName, XMLStreamReader xml);
    }

    /**
     * Copies an XML part event by event, leaving out the elements {@code drop} names (with their content) and, with
     * {@code neutralAuthors}, replacing every namespaced {@code author}/{@code initials} attribute.
     */
    private static byte[] rewrite(PackageParts parts, String name, Drop drop, boolean neutralAuthors)
            throws IOException, XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(XML_DECLARATION.getBytes(StandardCharsets.UTF_8));
        try (InputStream in = parts.open(name)) {
            XMLStreamReader xml = PackageParts.xmlReader(name, in);
            XMLStreamWriter out = OUT.createXMLStreamWriter(bytes, "UTF-8");
            int skipping = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (skipping > 0) {
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        skipping++;
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        skipping--;
                    }
                    continue;
                }
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (drop.test(xml.getLocalName(), xml)) {
                            skipping = 1;
                            continue;
                        }
                        String prefix = xml.getPrefix() == null ? "" : xml.getPrefix();
                        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                        out.writeStartElement(prefix, xml.getLocalName(), ns);
                        for (int i = 0; i < xml.getNamespaceCount(); i++) {
                            String p = xml.getNamespacePrefix(i);
                            if (p == null || p.isEmpty()) {
                                out.writeDefaultNamespace(xml.getNamespaceURI(i));
                            } else {
                                out.writeNamespace(p, xml.getNamespaceURI(i));
                            }
                        }
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            String value = xml.getAttributeValue(i);
                            if (neutralAuthors && isAuthor(xml, i)) {
                                value = "author".equals(xml.getAttributeLocalName(i)) ? DocumentFacts.NEUTRAL_AUTHOR : NEUTRAL_INITIALS;
                            }
                            String ans = xml.getAttributeNamespace(i);
                            if (ans == null || ans.isEmpty()) {
                                out.writeAttribute(xml.getAttributeLocalName(i), value);
                            } else {
                                out.writeAttribute(xml.getAttributePrefix(i), ans, xml.getAttributeLocalName(i), value);
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> out.writeEndElement();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> out.writeCharacters(xml.getText());
                    case XMLStreamConstants.CDATA -> out.writeCData(xml.getText());
                    case XMLStreamConstants.COMMENT -> out.writeComment(xml.getText());
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> out.writeProcessingInstruction(xml.getPITarget(), xml.getPIData());
                    default -> {
                        // START_DOCUMENT (the declaration is written above) and END_DOCUMENT.
                    }
                }
            }
            out.flush();
            out.close();
        }
        return bytes.toByteArray();
    }

}
