package org.callsforinput.gate.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The relationships of an OPC package (the {@code _rels/*.rels} parts), read through {@link PackageParts}. */
public final class OpcRelationships {

    /** A relationship; {@code resolvedTarget} is the part name it points to (internal ones), without a leading slash. */
    public record Relationship(String id, String type, String target, boolean external, String resolvedTarget) {
    }

    private OpcRelationships() {
    }

    /**
     * The source part of a relationships part: {@code ""} for the package ({@code _rels/.rels}), {@code word/document.xml}
     * for {@code word/_rels/document.xml.rels}; null when the name is not a relationships part.
     */
    public static String sourceOf(String relsPart) {
        if (!relsPart.endsWith(".rels")) {
            return null;
        }
        int slash = relsPart.lastIndexOf('/');
        String dir = slash < 0 ? "" : relsPart.substring(0, slash);
        if (!(dir.equals("_rels") || dir.endsWith("/_rels"))) {
            return null;
        }
        String parent = dir.substring(0, dir.length() - "_rels".length());
        String source = relsPart.substring(slash + 1, relsPart.length() - ".rels".length());
        return parent + source;
    }

    /** The relationships part of a source part ({@code ""} for the package). */
    public static String partOf(String source) {
        int slash = source.lastIndexOf('/');
        return source.substring(0, slash + 1) + "_rels/" + source.substring(slash + 1) + ".rels";
    }

    public static List<Relationship> read(PackageParts parts, String relsPart) throws IOException, XMLStreamException {
        String source = sourceOf(relsPart);
        String base = source == null || source.lastIndexOf('/') < 0 ? "" : source.substring(0, source.lastIndexOf('/') + 1);
        List<Relationship> relationships = new ArrayList<>();
        try (InputStream in = parts.open(relsPart)) {
            XMLStreamReader xml = PackageParts.xmlReader(relsPart, in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                    String target = xml.getAttributeValue(null, "Target");
                    boolean external = "External".equals(xml.getAttributeValue(null, "TargetMode"));
                    relationships.add(new Relationship(xml.getAttributeValue(null, "Id"), String.valueOf(xml.getAttributeValue(null, "Type")),
                            target == null ? "" : target, external, external || target == null ? null : resolve(base, target)));
                }
            }
        }
        return relationships;
    }

    /** An internal target resolved against the source part's folder: {@code ../docProps/core.xml}, {@code /word/x.xml}. */
    static String resolve(String base, String target) {
        String path = target.startsWith("/") ? target.substring(1) : base + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }
}
