package org.callsforinput.gate.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.gate.pkg.PackageParts;
import org.callsforinput.platform.problem.ApiException;

/**
 * Checks an uploaded file by its content (never its name): the claimed format, and no macros, encryption, bomb, DTD,
 * outside reference or damage. Limits: a .doc (OLE2) is checked for macros and encryption only, not for its fields or
 * links; PDFs for encryption and truncation only (their links and actions are not read).
 */
@ApplicationScoped
public class DocumentInspector {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 1024;
    private static final int PDF_SCAN_BYTES = 1024 * 1024;
    // The name /Encrypt, not a longer name such as /EncryptMetadata: a PDF name ends at whitespace or a delimiter.
    private static final Pattern PDF_ENCRYPT = Pattern.compile("/Encrypt(?=[\\s()<>\\[\\]{}/%])");
    // Small parts may compress far better than 100:1 (a run of spaces) without being a threat; as POI does, the
    // ratio only counts from this declared size on.
    private static final long RATIO_GRACE_BYTES = 100 * 1024;

    private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String VBA_PROJECT = "application/vnd.ms-office.vbaproject";
    private static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";
    private static final String WORDPROCESSINGML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String MANIFEST = "META-INF/manifest.xml";
    private static final String ODT_CONTENT = "content.xml";
    private static final String MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    // Small, so that inflating a 1 GiB package holds 64 KiB whatever its parts' sizes.
    private static final int DRAIN_BUFFER_BYTES = 64 * 1024;
    private static final int FIB_MAGIC = 0xA5EC;
    private static final int FIB_ENCRYPTED = 0x0100;
    private static final int FIB_OBFUSCATED = 0x8000;

    private final InspectionConfig config;

    public DocumentInspector(InspectionConfig config) {
        this.config = config;
    }

    /**
     * Inspects the spooled upload {@code file} that claims to be {@code claimed}.
     * <p>
     * Zip archives are measured from their central directory before anything is unpacked; then every part is inflated
     * through a bound (its declared size), with one small buffer, so a part that lies about its size is stopped while it
     * inflates, whether or not the inspector reads it. Every XML part (by name or content type) is refused if it has a
     * DTD; relationship parts, WordprocessingML parts (fields) and ODF content and styles are read whole for what they
     * link to (see {@link Links}); the main part ({@code word/document.xml} or as typed, ODF {@code content.xml}) must be
     * well-formed. Encrypted PDFs are found by
     * an {@code /Encrypt} key in the first or the last MiB of the file only, where the trailers of ordinary, linearized
     * and incrementally updated PDFs are; a PDF placing it elsewhere, or spelling it with {@code #xx} escapes, passes.
     *
     * @return the detected format, which is {@code claimed}
     * @throws ApiException 415 {@code content-mismatch}; 422 {@code macro-enabled-document}, {@code encrypted-document},
     *         {@code zip-bomb}, {@code malformed-document}, {@code xml-declarations}, {@code external-reference} or
     *         {@code unsafe-hyperlink}
     */
    public DocumentFormat inspect(Path file, DocumentFormat claimed) {
        try {
            byte[] header = header(file);
            if (startsWith(header, ZIP)) {
                inspectZip(file, claimed);
            } else if (startsWith(header, OLE2)) {
                inspectOle2(file, claimed);
            } else if (indexOf(header, PDF) >= 0) {
                inspectPdf(file, claimed);
            } else {
                throw Refusals.mismatch(claimed, null);
            }
            return claimed;
        } catch (IOException e) {
            throw Refusals.malformed(claimed);
        }
    }

    private void inspectZip(Path file, DocumentFormat claimed) throws IOException {
        if (!EnumSet.of(DocumentFormat.DOCX, DocumentFormat.XLSX, DocumentFormat.ODT).contains(claimed)) {
            throw Refusals.mismatch(claimed, null);
        }
        List<ZipDirectory.Entry> entries;
        try {
            entries = ZipDirectory.read(file, config.maxEntries());
        } catch (ZipDirectory.TooManyEntries e) {
            throw Refusals.zipBomb("it holds more than " + config.maxEntries() + " parts");
        }
        checkDeclaredSizes(entries, file.toFile().length());
        if (entries.stream().anyMatch(ZipDirectory.Entry::encrypted)) {
            throw Refusals.encrypted();
        }
        Map<String, String> names = new HashMap<>(); // lower case -> as stored: OOXML part names are case-insensitive
        for (ZipDirectory.Entry entry : entries) {
            // Two parts of one name may be read differently by different programs: no legitimate document has them.
            if (names.put(entry.name().toLowerCase(Locale.ROOT), entry.name()) != null) {
                throw Refusals.malformed(claimed);
            }
        }
        // Safe to open now: the directory is small, consistent and unencrypted. Every part is bounded by its declared
        // size, which the directory check has limited, so the inflated total stays within maxUnpackedBytes.
        try (PackageParts parts = PackageParts.open(file, config.maxUnpackedBytes())) {
            Walk walk = new Walk(parts, claimed);
            if (parts.has("[Content_Types].xml")) {
                inspectOoxml(walk, names);
            } else if (parts.has("mimetype")) {
                inspectOdt(walk, names);
            } else {
                throw Refusals.mismatch(claimed, null);
            }
        } catch (PackageParts.PartTooLarge e) {
            throw Refusals.zipBomb("its part " + e.part() + " unpacks to more than the size it declares");
        }
    }

    private void checkDeclaredSizes(List<ZipDirectory.Entry> entries, long fileSize) {
        long max = config.maxUnpackedBytes();
        long total = 0;
        for (ZipDirectory.Entry entry : entries) {
            if (entry.size() > max) {
                throw Refusals.zipBomb("one of its parts unpacks to more than " + max + " bytes");
            }
            total += entry.size(); // cannot overflow: checked against max after every entry
            if (total > max) {
                throw Refusals.zipBomb("its parts unpack to more than " + max + " bytes");
            }
            if (entry.size() > RATIO_GRACE_BYTES && entry.compressedSize() > 0
                    && (double) entry.size() / entry.compressedSize() > config.maxCompressionRatio()) {
                throw Refusals.zipBomb("one of its parts is compressed more than " + config.maxCompressionRatio() + " to 1");
            }
        }
        // Against the file's own size, so that entries sharing their compressed data (overlapping bombs) count too.
        if (total > RATIO_GRACE_BYTES && (double) total / Math.max(fileSize, 1) > config.maxCompressionRatio()) {
            throw Refusals.zipBomb("it is compressed more than " + config.maxCompressionRatio() + " to 1");
        }
    }

    private void inspectOoxml(Walk walk, Map<String, String> names) throws IOException {
        DocumentFormat claimed = walk.claimed;
        Map<String, String> defaults = new HashMap<>(); // extension -> content type
        Map<String, String> overrides = new HashMap<>(); // "/part/name" in lower case -> content type
        walk.parse(CONTENT_TYPES, false, reader -> {
            if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                String type = reader.getAttributeValue(null, "ContentType");
                if (type == null) {
                    return;
                }
                type = type.strip();
                if ("Default".equals(reader.getLocalName())) {
                    String extension = reader.getAttributeValue(null, "Extension");
                    if (extension != null) {
                        defaults.put(extension.toLowerCase(Locale.ROOT), type);
                    }
                    walk.mainTypeAsDefault |= DOCX_MAIN.equals(type) || XLSX_MAIN.equals(type);
                } else if ("Override".equals(reader.getLocalName())) {
                    String part = reader.getAttributeValue(null, "PartName");
                    if (part != null && overrides.put(partKey(part), type) != null) {
                        walk.duplicateOverride = true;
                    }
                }
            }
        });
        List<String> types = new ArrayList<>(defaults.values());
        types.addAll(overrides.values());
        boolean macros = names.keySet().stream().anyMatch(n -> n.endsWith("vbaproject.bin"))
                || types.stream().map(t -> t.toLowerCase(Locale.ROOT))
                        .anyMatch(t -> t.contains("macroenabled") || t.equals(VBA_PROJECT));
        if (macros) {
            throw Refusals.macros();
        }
        if (walk.mainTypeAsDefault || walk.duplicateOverride) {
            throw Refusals.malformed(claimed); // a main type given to every part of an extension, or a part typed twice
        }
        DocumentFormat found = null;
        String main = null;
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String type = override.getValue();
            DocumentFormat format = DOCX_MAIN.equals(type) ? DocumentFormat.DOCX : XLSX_MAIN.equals(type) ? DocumentFormat.XLSX : null;
            if (format == null) {
                continue;
            }
            // One main part, and it must exist, or this is only a content types list and not a document.
            main = names.get(override.getKey().substring(1));
            if (found != null || main == null) {
                throw Refusals.malformed(claimed);
            }
            found = format;
        }
        if (found != claimed) {
            throw Refusals.mismatch(claimed, found);
        }
        // Every part, through the bound: relationships are read for what they point at, WordprocessingML parts for the
        // fields they hold (both must be well-formed), other XML parts up to their root element (a DTD sits before it).
        for (ZipEntry entry : walk.parts()) {
            String name = entry.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.equals(CONTENT_TYPES)) {
                continue; // read above
            }
            String type = Optional.ofNullable(overrides.get(partKey(name))).orElseGet(() -> defaults.get(extension(lower)));
            // Directory entries fall to the last branch: an entry is drained whatever it claims to be.
            if (lower.endsWith(".rels")) {
                walk.parse(name, false, reader -> relationship(reader, name));
            } else if (name.equals(main) || (type != null && type.startsWith(WORDPROCESSINGML) && isXml(type))) {
                Fields fields = new Fields(name);
                walk.parse(name, name.equals(main), fields::event);
                fields.end();
            } else if (lower.endsWith(".xml") || (type != null && isXml(type))) {
                walk.prolog(entry);
            } else {
                walk.drain(entry);
            }
        }
    }

    /** A relationship outside the package is refused unless it is a plain hyperlink to a web or e-mail address. */
    private static void relationship(XMLStreamReader reader, String part) {
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT || !"Relationship".equals(reader.getLocalName())) {
            return;
        }
        String mode = reader.getAttributeValue(null, "TargetMode");
        if (mode == null || !"External".equalsIgnoreCase(mode.strip())) {
            return;
        }
        String type = Optional.ofNullable(reader.getAttributeValue(null, "Type")).orElse("");
        String kind = type.substring(type.lastIndexOf('/') + 1);
        if (kind.equals("hyperlink")) {
            Links.requireSafeHyperlink(reader.getAttributeValue(null, "Target"), part, false);
            return;
        }
        throw Refusals.externalReference(switch (kind) {
        case "attachedTemplate" -> "a template";
        case "oleObject" -> "a linked object (OLE)";
        case "frame" -> "a frame";
        case "subDocument" -> "a sub-document";
        case "image" -> "a linked image";
        case "externalLinkPath", "externalLink", "xlExternalLinkPath/xlPathMissing" -> "a linked workbook";
        case "audio", "video", "media" -> "a linked media file";
        default -> "content (" + (kind.isEmpty() ? "of an unnamed kind" : kind) + ")";
        }, part);
    }

    /** Collects each field's instruction (its w:instrText runs between the begin and end w:fldChar) and checks it. */
    private static final class Fields {
        private static final int MAX_INSTRUCTION_CHARS = 4096; // the field's name and target come first
        private final String part;
        private final Deque<StringBuilder> open = new ArrayDeque<>();
        private boolean inInstruction;

        Fields(String part) {
            this.part = part;
        }

        void event(XMLStreamReader reader) {
            switch (reader.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> {
                switch (reader.getLocalName()) {
                case "fldSimple" -> Links.requireSafeField(Optional.ofNullable(wAttribute(reader, "instr")).orElse(""), part);
                case "fldChar" -> {
                    String type = wAttribute(reader, "fldCharType");
                    if ("begin".equals(type)) {
                        open.push(new StringBuilder());
                    } else if ("end".equals(type) && !open.isEmpty()) {
                        Links.requireSafeField(open.pop().toString(), part);
                    }
                }
                case "instrText" -> inInstruction = true;
                default -> {
                }
                }
            }
            case XMLStreamConstants.END_ELEMENT -> inInstruction &= !"instrText".equals(reader.getLocalName());
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (inInstruction) {
                    StringBuilder instruction = open.isEmpty() ? null : open.peek();
                    if (instruction == null) {
                        // An instruction outside begin/end: Word still reads it as a field.
                        Links.requireSafeField(reader.getText(), part);
                    } else if (instruction.length() < MAX_INSTRUCTION_CHARS) {
                        instruction.append(reader.getTextCharacters(), reader.getTextStart(),
                                Math.min(reader.getTextLength(), MAX_INSTRUCTION_CHARS - instruction.length()));
                    }
                }
            }
            default -> {
            }
            }
        }

        /** Fields left open at the end of the part are checked too. */
        void end() {
            while (!open.isEmpty()) {
                Links.requireSafeField(open.pop().toString(), part);
            }
        }

        private static String wAttribute(XMLStreamReader reader, String localName) {
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                if (localName.equals(reader.getAttributeLocalName(i))) {
                    return reader.getAttributeValue(i);
                }
            }
            return null;
        }
    }

    private void inspectOdt(Walk walk, Map<String, String> names) throws IOException {
        DocumentFormat claimed = walk.claimed;
        String mimetype;
        try (InputStream in = walk.parts.open("mimetype")) {
            mimetype = new String(in.readNBytes(256), StandardCharsets.US_ASCII).strip();
        }
        if (!ODT_MIMETYPE.equals(mimetype)) {
            throw Refusals.mismatch(claimed, null); // another OpenDocument kind, such as a spreadsheet
        }
        if (claimed != DocumentFormat.ODT) {
            throw Refusals.mismatch(claimed, DocumentFormat.ODT);
        }
        if (!walk.parts.has(MANIFEST) || !walk.parts.has(ODT_CONTENT)) {
            throw Refusals.malformed(claimed);
        }
        Set<String> xmlParts = new HashSet<>(); // lower case, as the manifest types them
        walk.parse(MANIFEST, false, reader -> {
            if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if ("encryption-data".equals(reader.getLocalName())) {
                throw Refusals.encrypted();
            }
            if ("file-entry".equals(reader.getLocalName())) {
                String path = reader.getAttributeValue(MANIFEST_NS, "full-path");
                String type = reader.getAttributeValue(MANIFEST_NS, "media-type");
                if (path != null && type != null && isXml(type)) {
                    xmlParts.add(path.toLowerCase(Locale.ROOT));
                }
            }
        });
        // StarBasic macros live under Basic/, Python and JavaScript ones under Scripts/.
        if (names.keySet().stream().anyMatch(n -> n.startsWith("basic/") || n.startsWith("scripts/"))) {
            throw Refusals.macros();
        }
        for (ZipEntry entry : walk.parts()) {
            String name = entry.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.equals("mimetype") || name.equals(MANIFEST)) {
                continue; // read above
            }
            if (name.equals(ODT_CONTENT) || name.equals("styles.xml")) {
                walk.parse(name, name.equals(ODT_CONTENT), reader -> odfLinks(reader, name));
            } else if (lower.endsWith(".xml") || xmlParts.contains(lower)) {
                walk.prolog(entry);
            } else {
                walk.drain(entry);
            }
        }
    }

    /**
     * ODF links: a hyperlink (text:a, draw:a) must be safe; anything else an element points at with xlink:href (images,
     * objects, linked sections, table sources) must be a part of this package; DDE links and script bindings are refused.
     */
    private static void odfLinks(XMLStreamReader reader, String part) {
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            return;
        }
        String element = reader.getLocalName();
        switch (element) {
        case "dde-connection-decl", "dde-source", "dde-link" -> throw Refusals.externalReference("content through a DDE link", part);
        case "event-listener" -> throw Refusals.macros(); // binds a macro or script to an event of the document
        default -> {
        }
        }
        String href = reader.getAttributeValue(XLINK_NS, "href");
        if (href == null) {
            return;
        }
        if (element.equals("a")) {
            Links.requireSafeHyperlink(href, part, true);
        } else if (!Links.internalPackagePath(href)) {
            throw Links.odfExternal(element, part);
        }
    }

    /** "/Word/Document.xml" and "word/document.xml" are one OOXML part name. */
    private static String partKey(String partName) {
        String name = partName.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("/") ? name : "/" + name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || name.indexOf('/', dot) >= 0 ? "" : name.substring(dot + 1);
    }

    private static boolean isXml(String contentType) {
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        type = parameters < 0 ? type : type.substring(0, parameters).strip();
        return type.endsWith("+xml") || type.equals("application/xml") || type.equals("text/xml");
    }

    /** What reads one package: every part through the bound, XML with no DTD, with one drain buffer for the whole walk. */
    private static final class Walk {
        final PackageParts parts;
        final DocumentFormat claimed;
        final byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
        boolean mainTypeAsDefault;
        boolean duplicateOverride;

        Walk(PackageParts parts, DocumentFormat claimed) {
            this.parts = parts;
            this.claimed = claimed;
        }

        List<? extends ZipEntry> parts() {
            return Collections.list(parts.entries());
        }

        /** Reads a whole XML part, handing every event to {@code handler}; a damaged part is refused. */
        void parse(String name, boolean main, Consumer<XMLStreamReader> handler) throws IOException {
            try (InputStream in = parts.open(name)) {
                XMLStreamReader reader = PackageParts.xmlReader(name, in);
                while (reader.hasNext()) {
                    reader.next();
                    handler.accept(reader);
                }
                // At the end of the document the reader has read (and closed) the part to its end, through the bound.
                reader.close();
            } catch (XMLStreamException e) {
                throw refusal(e, name, main);
            }
        }

        /** Reads an XML part up to its root element, where any DTD would be, then inflates the rest unparsed. */
        void prolog(ZipEntry entry) throws IOException {
            String name = entry.getName();
            try (InputStream in = parts.open(name)) {
                XMLStreamReader reader = PackageParts.xmlReader(name, in);
                while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // the prolog: comments, processing instructions, and a DTD, which the reader refuses
                }
                drain(in);
                reader.close();
            } catch (XMLStreamException e) {
                throw refusal(e, name, false);
            }
        }

        /** Inflates a part through the bound, keeping nothing; a stored (uncompressed) part cannot inflate and is skipped. */
        void drain(ZipEntry entry) throws IOException {
            if (entry.getMethod() == ZipEntry.STORED) {
                return;
            }
            try (InputStream in = parts.open(entry.getName())) {
                drain(in);
            }
        }

        private void drain(InputStream in) throws IOException {
            while (in.read(buffer) >= 0) {
                // counted by the bound
            }
        }

        private RuntimeException refusal(XMLStreamException e, String name, boolean main) throws IOException {
            if (e instanceof PackageParts.DtdFound) {
                return Refusals.dtd(name);
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof PackageParts.PartTooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            if (e.getNestedException() instanceof PackageParts.PartTooLarge tooLarge) {
                throw tooLarge;
            }
            return main ? Refusals.malformedMainPart(claimed, name) : Refusals.malformed(claimed);
        }
    }

    private static void inspectOle2(Path file, DocumentFormat claimed) {
        if (!EnumSet.of(DocumentFormat.DOC, DocumentFormat.DOCX, DocumentFormat.XLSX).contains(claimed)) {
            throw Refusals.mismatch(claimed, null);
        }
        // Read-only and file-backed: POI reads sectors on demand, so memory does not grow with the file.
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            // Office saves a password-protected .docx or .xlsx as an OLE2 file around the encrypted package.
            if (root.hasEntryCaseInsensitive("EncryptionInfo") && root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw Refusals.encrypted();
            }
            boolean word = root.hasEntryCaseInsensitive("WordDocument");
            if (claimed != DocumentFormat.DOC) {
                throw Refusals.mismatch(claimed, word ? DocumentFormat.DOC : null);
            }
            if (!word) {
                throw Refusals.mismatch(claimed, null);
            }
            if (root.hasEntryCaseInsensitive("Macros") || root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR")) {
                throw Refusals.macros();
            }
            checkFib(root, claimed);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports damaged files with assorted runtime exceptions as well as IOExceptions.
            throw Refusals.malformed(claimed);
        }
    }

    /** The File Information Block opens the WordDocument stream; its flags word tells whether the text is encrypted. */
    private static void checkFib(DirectoryNode root, DocumentFormat claimed) throws IOException {
        byte[] base;
        try (DocumentInputStream in = root.createDocumentInputStream(root.getEntryCaseInsensitive("WordDocument"))) {
            base = in.readNBytes(32); // FibBase
        }
        if (base.length < 32) {
            throw Refusals.malformed(claimed);
        }
        ByteBuffer fib = ByteBuffer.wrap(base).order(ByteOrder.LITTLE_ENDIAN);
        // Word 97 and later only: the older Word 6/95 format is refused as unreadable.
        if (Short.toUnsignedInt(fib.getShort(0)) != FIB_MAGIC) {
            throw Refusals.malformed(claimed);
        }
        if ((fib.getShort(0x0A) & (FIB_ENCRYPTED | FIB_OBFUSCATED)) != 0) {
            throw Refusals.encrypted();
        }
    }

    private static void inspectPdf(Path file, DocumentFormat claimed) throws IOException {
        if (claimed != DocumentFormat.PDF) {
            throw Refusals.mismatch(claimed, DocumentFormat.PDF);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            String head = latin1(channel, 0, (int) Math.min(size, PDF_SCAN_BYTES));
            String tail = latin1(channel, Math.max(0, size - PDF_SCAN_BYTES), (int) Math.min(size, PDF_SCAN_BYTES));
            // Readers look for the end marker in the last KiB; its absence means a truncated file.
            if (!tail.substring(Math.max(0, tail.length() - HEADER_BYTES)).contains("%%EOF")) {
                throw Refusals.malformed(claimed);
            }
            if (PDF_ENCRYPT.matcher(head).find() || PDF_ENCRYPT.matcher(tail).find()) {
                throw Refusals.encrypted();
            }
        }
    }

    private static String latin1(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    }

    private static byte[] header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER_BYTES);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
