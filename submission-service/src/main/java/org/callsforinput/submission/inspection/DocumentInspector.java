package org.callsforinput.submission.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.submission.entity.DocumentFormat;

/** Checks an uploaded file by its content (never its name): the claimed format, and no macros, encryption, bomb or damage. */
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
     * Zip archives are measured from their central directory before anything is unpacked. Encrypted PDFs are found by
     * an {@code /Encrypt} key in the first or the last MiB of the file only, where the trailers of ordinary, linearized
     * and incrementally updated PDFs are; a PDF placing it elsewhere, or spelling it with {@code #xx} escapes, passes.
     *
     * @return the detected format, which is {@code claimed}
     * @throws ApiException 415 {@code content-mismatch}; 422 {@code macro-enabled-document}, {@code encrypted-document},
     *         {@code zip-bomb} or {@code malformed-document}
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
        Set<String> names = new HashSet<>(); // lower case: OOXML part names are case-insensitive
        for (ZipDirectory.Entry entry : entries) {
            // Two parts of one name may be read differently by different programs: no legitimate document has them.
            if (!names.add(entry.name().toLowerCase(Locale.ROOT))) {
                throw Refusals.malformed(claimed);
            }
        }
        // Safe to open now: the directory is small, consistent and unencrypted.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null) {
                inspectOoxml(zip, names, claimed);
            } else if (zip.getEntry("mimetype") != null) {
                inspectOdt(zip, names, claimed);
            } else {
                throw Refusals.mismatch(claimed, null);
            }
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

    private void inspectOoxml(ZipFile zip, Set<String> names, DocumentFormat claimed) throws IOException {
        List<String[]> types = contentTypes(readPart(zip, "[Content_Types].xml"), claimed); // {contentType, partName}
        boolean macros = names.stream().anyMatch(n -> n.endsWith("vbaproject.bin"))
                || types.stream().map(t -> t[0].toLowerCase(Locale.ROOT))
                        .anyMatch(t -> t.contains("macroenabled") || t.equals(VBA_PROJECT));
        if (macros) {
            throw Refusals.macros();
        }
        DocumentFormat found = null;
        for (String[] type : types) {
            DocumentFormat format = DOCX_MAIN.equals(type[0]) ? DocumentFormat.DOCX : XLSX_MAIN.equals(type[0]) ? DocumentFormat.XLSX : null;
            if (format == null) {
                continue;
            }
            if (found != null || type[1] == null) {
                throw Refusals.malformed(claimed); // two main parts, or a main type given to every part of an extension
            }
            // The main part must exist, or this is only a content types list and not a document.
            String part = type[1].startsWith("/") ? type[1].substring(1) : type[1];
            if (!names.contains(part.toLowerCase(Locale.ROOT))) {
                throw Refusals.malformed(claimed);
            }
            found = format;
        }
        if (found != claimed) {
            throw Refusals.mismatch(claimed, found);
        }
    }

    /** The content types of [Content_Types].xml as {contentType, partName}; partName is null for a Default. */
    private static List<String[]> contentTypes(byte[] xml, DocumentFormat claimed) {
        List<String[]> types = new ArrayList<>();
        try {
            XMLStreamReader reader = xmlReader(xml);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && ("Default".equals(reader.getLocalName()) || "Override".equals(reader.getLocalName()))) {
                    String type = reader.getAttributeValue(null, "ContentType");
                    if (type != null) {
                        types.add(new String[] { type.trim(), reader.getAttributeValue(null, "PartName") });
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw Refusals.malformed(claimed);
        }
        return types;
    }

    private void inspectOdt(ZipFile zip, Set<String> names, DocumentFormat claimed) throws IOException {
        String mimetype = new String(readPart(zip, "mimetype"), StandardCharsets.US_ASCII).trim();
        if (!ODT_MIMETYPE.equals(mimetype)) {
            throw Refusals.mismatch(claimed, null); // another OpenDocument kind, such as a spreadsheet
        }
        if (claimed != DocumentFormat.ODT) {
            throw Refusals.mismatch(claimed, DocumentFormat.ODT);
        }
        if (zip.getEntry("META-INF/manifest.xml") == null) {
            throw Refusals.malformed(claimed);
        }
        if (hasElement(readPart(zip, "META-INF/manifest.xml"), "encryption-data", claimed)) {
            throw Refusals.encrypted();
        }
        // StarBasic macros live under Basic/, Python and JavaScript ones under Scripts/.
        if (names.stream().anyMatch(n -> n.startsWith("basic/") || n.startsWith("scripts/"))) {
            throw Refusals.macros();
        }
    }

    private static boolean hasElement(byte[] xml, String localName, DocumentFormat claimed) {
        try {
            XMLStreamReader reader = xmlReader(xml);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && localName.equals(reader.getLocalName())) {
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw Refusals.malformed(claimed);
        }
    }

    /** A reader that ignores DTDs, so a part can neither fetch external entities nor expand entity bombs. */
    private static XMLStreamReader xmlReader(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** Inflates one part, stopping past maxPartBytes: the declared size of an entry may lie. */
    private byte[] readPart(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(config.maxPartBytes() + 1);
            if (bytes.length > config.maxPartBytes()) {
                throw Refusals.zipBomb("its part " + name + " unpacks to more than " + config.maxPartBytes() + " bytes");
            }
            return bytes;
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
