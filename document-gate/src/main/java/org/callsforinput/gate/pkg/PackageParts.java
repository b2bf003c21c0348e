package org.callsforinput.gate.pkg;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of a zip package (OOXML or ODF), read safely: every part is inflated through a bound (its declared size
 * and a hard limit, whichever is smaller), so a part that lies about its size is stopped while it inflates; XML parts
 * are read by a StAX reader that refuses any DTD, so no entity can be declared, expanded or fetched.
 * <p>
 * Open a package only after its central directory has been checked (entry count, declared sizes, duplicates,
 * encryption flags): {@link java.util.zip.ZipFile} trusts it.
 */
public final class PackageParts implements AutoCloseable {

    /** A part inflated past its declared size or past the hard limit. */
    public static final class PartTooLarge extends IOException {
        private final String part;

        PartTooLarge(String part, String message) {
            super(message);
            this.part = part;
        }

        public String part() {
            return part;
        }
    }

    /** An XML part with a DTD (OPC forbids them: entity declarations could expand or fetch). */
    public static final class DtdFound extends XMLStreamException {
        DtdFound(String part) {
            super("part " + part + " declares a DTD");
        }
    }

    private static final XMLInputFactory XML = xmlFactory();

    private final ZipFile zip;
    private final long maxPartBytes;

    private PackageParts(ZipFile zip, long maxPartBytes) {
        this.zip = zip;
        this.maxPartBytes = maxPartBytes;
    }

    /** Opens the package; no part may inflate to more than {@code maxPartBytes}. */
    public static PackageParts open(Path file, long maxPartBytes) throws IOException {
        return new PackageParts(new ZipFile(file.toFile()), maxPartBytes);
    }

    public boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    public Enumeration<? extends ZipEntry> entries() {
        return zip.entries();
    }

    /**
     * The part's inflated bytes through the bound; reading past the declared size, or past the hard limit, throws
     * {@link PartTooLarge}.
     */
    public InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("no part " + name);
        }
        long declared = entry.getSize();
        long bound = declared >= 0 ? Math.min(declared, maxPartBytes) : maxPartBytes;
        return new Bounded(zip.getInputStream(entry), name, bound, declared >= 0 && declared <= maxPartBytes);
    }

    /** The whole part in memory (for the small XML parts the gate reads), through the same bound. */
    public byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    /**
     * A StAX reader over an XML part that refuses a DTD with {@link DtdFound} on the first {@code next()} that meets
     * it, and an (undeclared) entity reference as not well-formed. The caller closes {@code in}; the reader itself
     * closes it when it reaches the end of the document.
     */
    public static XMLStreamReader xmlReader(String part, InputStream in) throws XMLStreamException {
        return new DtdRefusingReader(XML.createXMLStreamReader(in), part);
    }

    /** Reads a whole XML part through to its end: throws when it is not well-formed or declares a DTD. */
    public void requireWellFormed(String name) throws IOException, XMLStreamException {
        try (InputStream in = open(name)) {
            XMLStreamReader reader = xmlReader(name, in);
            while (reader.hasNext()) {
                reader.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // The DTD is reported as an event (and refused), never processed: no entity expansion, no external fetch.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** Counts inflated bytes; past the bound it throws, whatever the entry declared. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private final long bound;
        private final boolean declaredBound;
        private long count;

        Bounded(InputStream in, String name, long bound, boolean declaredBound) {
            super(in);
            this.name = name;
            this.bound = bound;
            this.declaredBound = declaredBound;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Ask for at most one byte past the bound, so that a lying part is stopped after at most that much.
            int n = super.read(buffer, offset, (int) Math.min(length, bound - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(sink, 0, (int) Math.min(sink.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        private void counted(int n) throws PartTooLarge {
            count += n;
            if (count > bound) {
                throw new PartTooLarge(name, declaredBound
                        ? "part " + name + " inflates to more than the " + bound + " bytes it declares"
                        : "part " + name + " inflates to more than " + bound + " bytes");
            }
        }
    }

    /** Delegates to the reader, refusing a DTD event. */
    private static final class DtdRefusingReader extends javax.xml.stream.util.StreamReaderDelegate {
        private final String part;

        DtdRefusingReader(XMLStreamReader reader, String part) {
            super(reader);
            this.part = part;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new DtdFound(part);
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                // Any DTD was refused before, so the entity is undeclared: the part is not well-formed XML.
                throw new XMLStreamException("part " + part + " refers to the undeclared entity &" + getLocalName() + ";");
            }
            return event;
        }

        // nextTag and getElementText go through next() above, so that they refuse what it refuses; the delegate's
        // would call the wrapped reader's own next() and pass a DTD or an entity reference by.
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || event == XMLStreamConstants.COMMENT) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("part " + part + ": expected a start or end tag", getLocation());
            }
            return event;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            if (getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("part " + part + ": not at a start tag", getLocation());
            }
            StringBuilder text = new StringBuilder();
            for (int event = next(); event != XMLStreamConstants.END_ELEMENT; event = next()) {
                switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(getText());
                case XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.COMMENT -> {
                }
                default -> throw new XMLStreamException("part " + part + ": an element where only text may be", getLocation());
                }
            }
            return text.toString();
        }
    }
}
