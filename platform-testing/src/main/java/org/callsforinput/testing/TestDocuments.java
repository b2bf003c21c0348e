package org.callsforinput.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;

/** Real documents built in memory for tests: a genuine minimal .docx and its hostile variants (macros, encryption, bombs). */
public final class TestDocuments {

    public static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public static final String DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";

    private TestDocuments() {
    }

    /** A minimal, valid Word document (OOXML) whose body is the given text. */
    public static byte[] docx(String text) {
        return wordPackage(DOCX_MAIN, text, Map.of());
    }

    /** A macro-enabled Word document (.docm content), whatever its name says. */
    public static byte[] docm(String text) {
        return wordPackage(DOCM_MAIN, text, Map.of("word/vbaProject.bin", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 }));
    }

    /** A Word package with the given main content type and extra parts. */
    public static byte[] wordPackage(String mainContentType, String text, Map<String, byte[]> extraParts) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="%s"/>
                </Types>""".formatted(mainContentType)).getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""".getBytes(StandardCharsets.UTF_8));
        parts.put("word/document.xml", ("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body>
                </w:document>""".formatted(escape(text))).getBytes(StandardCharsets.UTF_8));
        parts.putAll(extraParts);
        return zip(parts);
    }

    /** Who wrote a document, as Word records it: the metadata that can name a submitter. */
    public record Authorship(String author, String lastModifiedBy, String company, String manager, String commentAuthor,
            String revisionAuthor, Map<String, String> customProperties) {

        /** A contribution written at an organisation that asked to be published without its name. */
        public static Authorship named() {
            return new Authorship("Camille Martin", "Jean Dupont", "Observatoire des droits humains", "Directrice ODH",
                    "Camille Martin", "Jean Dupont", Map.of("Client", "ODH-2023-17"));
        }
    }

    /**
     * A real Word document written by POI's XWPF: body text with a hyperlink ({@code bodyLink}, shown as "the law"),
     * a header with a hyperlink ({@code headerLink}), core and application properties (title "Contribution"), custom
     * properties, a comment and a tracked insertion by the given people. Null authorship values are left out.
     */
    public static byte[] authoredDocx(String text, String bodyLink, String headerLink, Authorship who) {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph paragraph = doc.createParagraph();
            paragraph.createRun().setText(text + " ");
            if (bodyLink != null) {
                XWPFHyperlinkRun link = paragraph.createHyperlinkRun(bodyLink);
                link.setText("the law");
            }
            if (headerLink != null) {
                XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
                XWPFHyperlinkRun link = header.createParagraph().createHyperlinkRun(headerLink);
                link.setText("statistics");
            }
            if (who.commentAuthor() != null) {
                XWPFComments comments = doc.createComments();
                XWPFComment comment = comments.createComment(java.math.BigInteger.ONE);
                comment.setAuthor(who.commentAuthor());
                comment.setInitials("CM");
                comment.createParagraph().createRun().setText("Check this figure");
                XWPFRun anchored = doc.createParagraph().createRun();
                anchored.setText("Commented text");
                anchored.getCTR().addNewCommentReference().setId(java.math.BigInteger.ONE);
            }
            if (who.revisionAuthor() != null) {
                CTRunTrackChange inserted = doc.createParagraph().getCTP().addNewIns();
                inserted.setId(java.math.BigInteger.TWO);
                inserted.setAuthor(who.revisionAuthor());
                inserted.setDate(java.util.Calendar.getInstance());
                inserted.addNewR().addNewT().setStringValue("Inserted sentence.");
            }
            var core = doc.getProperties().getCoreProperties();
            core.setTitle("Contribution");
            core.setCreator(who.author());
            core.setLastModifiedByUser(who.lastModifiedBy());
            var app = doc.getProperties().getExtendedProperties().getUnderlyingProperties();
            if (who.company() != null) {
                app.setCompany(who.company());
            }
            if (who.manager() != null) {
                app.setManager(who.manager());
            }
            who.customProperties().forEach((name, value) -> doc.getProperties().getCustomProperties().addProperty(name, value));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package with extra parts added (or replaced), every other entry copied. */
    public static byte[] withParts(byte[] zip, Map<String, byte[]> parts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.putAll(parts);
        return zip(entries);
    }

    /** Word's people part (word/people.xml) naming one person, as Word writes it for comment authors. */
    public static byte[] peoplePart(String person) {
        return ("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">                <w15:person w15:author="%s"><w15:presenceInfo w15:providerId="None" w15:userId="%s"/></w15:person>                </w15:people>""".formatted(escape(person), escape(person))).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A minimal OpenDocument text: meta.xml naming its initial and last creator with a user-defined property,
     * content.xml with a link, an annotation by {@code commentAuthor} and a tracked change by {@code revisionAuthor}.
     */
    public static byte[] odt(String initialCreator, String creator, String link, String commentAuthor, String revisionAuthor) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        parts.put("META-INF/manifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>""".getBytes(StandardCharsets.UTF_8));
        String office = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.2\"";
        parts.put("meta.xml", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta %s><office:meta><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>                <dc:title>Contribution</dc:title><meta:user-defined meta:name="Client">ODH-2023-17</meta:user-defined></office:meta>                </office:document-meta>""".formatted(office, escape(initialCreator), escape(creator))).getBytes(StandardCharsets.UTF_8));
        parts.put("content.xml", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content %s><office:body><office:text>                <text:tracked-changes><text:changed-region text:id="ct1"><text:insertion><office:change-info>                <dc:creator>%s</dc:creator><dc:date>2023-05-01T10:00:00</dc:date></office:change-info></text:insertion>                </text:changed-region></text:tracked-changes>                <text:p>See <text:a xlink:type="simple" xlink:href="%s">the report</text:a> and <text:a xlink:href="#intro">below</text:a>.                <office:annotation><dc:creator>%s</dc:creator><text:p>Check</text:p></office:annotation></text:p>                </office:text></office:body></office:document-content>""".formatted(office, escape(revisionAuthor), escape(link),
                escape(commentAuthor))).getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    /** An OLE2 file (as a .doc is) holding only its two property sets: author, last author, company, manager, a custom property. */
    public static byte[] oleWithProperties(String author, String lastAuthor, String company, String manager) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            org.apache.poi.hpsf.SummaryInformation summary = org.apache.poi.hpsf.PropertySetFactory.newSummaryInformation();
            summary.setAuthor(author);
            summary.setLastAuthor(lastAuthor);
            summary.setTitle("Contribution");
            summary.write(fs.getRoot(), org.apache.poi.hpsf.SummaryInformation.DEFAULT_STREAM_NAME);
            org.apache.poi.hpsf.DocumentSummaryInformation document = org.apache.poi.hpsf.PropertySetFactory.newDocumentSummaryInformation();
            document.setCompany(company);
            document.setManager(manager);
            org.apache.poi.hpsf.CustomProperties custom = new org.apache.poi.hpsf.CustomProperties();
            custom.put("Client", "ODH-2023-17");
            document.setCustomProperties(custom);
            document.write(fs.getRoot(), org.apache.poi.hpsf.DocumentSummaryInformation.DEFAULT_STREAM_NAME);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException | org.apache.poi.hpsf.WritingNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip archive of the given entries, deflated. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A .docx really encrypted with a password, as Office saves it: an OLE2 file holding EncryptionInfo and
     * EncryptedPackage (agile encryption).
     */
    public static byte[] encryptedDocx(String text, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(docx(text));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid .docx padded with {@code entries} tiny extra parts: a bomb by its number of entries. */
    public static byte[] zipBomb(int entries) {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            extra.put("word/media/p" + i + ".txt", new byte[] { 'x' });
        }
        return wordPackage(DOCX_MAIN, "bomb", extra);
    }

    /** A valid .docx with one extra part of {@code zeroBytes} zeros, deflated about 1000 to 1: a bomb by its ratio. */
    public static byte[] deflateBomb(long zeroBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            try (ZipInputStream docx = new ZipInputStream(new ByteArrayInputStream(docx("bomb")))) {
                for (ZipEntry entry = docx.getNextEntry(); entry != null; entry = docx.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    docx.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("word/media/zeros.bin"));
            byte[] zeros = new byte[64 * 1024];
            for (long left = zeroBytes; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The EICAR anti-virus test file (68 bytes): harmless, and detected as a virus by every scanner, including the local
     * stack's clamd with its test signature database. Built at run time from pieces so that no file of the repository
     * contains it (a scanner on a developer's machine would otherwise quarantine the source file); write it to temporary
     * directories only.
     */
    public static byte[] eicar() {
        String eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-" + "ANTIVIRUS-" + "TEST-FILE!$H+H*";
        return eicar.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A valid .docx that carries the EICAR test file as an extra part ({@code word/media/eicar.bin}). It passes the
     * document inspector; clamd unpacks the archive and finds the EICAR file inside.
     */
    public static byte[] eicarDocx() {
        return wordPackage(DOCX_MAIN, "infected", Map.of("word/media/eicar.bin", eicar()));
    }

    /**
     * A valid .docx of a little over {@code mediaBytes} (a random, incompressible media part), carrying the EICAR test
     * file as a part after it when {@code infected}: a large document for the streamed paths and the scanner's limits.
     */
    public static byte[] largeDocx(int mediaBytes, boolean infected) {
        byte[] media = new byte[mediaBytes];
        new java.util.Random(7).nextBytes(media);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("word/media/photo.bin", media);
        if (infected) {
            parts.put("word/media/eicar.bin", eicar());
        }
        return wordPackage(DOCX_MAIN, "A large contribution", parts);
    }

    /** The start of a Windows executable (MZ and PE headers), for renaming to a document name. */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80; // offset of the PE header
        System.arraycopy(new byte[] { 'P', 'E', 0, 0 }, 0, exe, 0x80, 4);
        return exe;
    }

    /** The relationship types of OOXML (transitional), for {@link #docxWithRelationship}. */
    public static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /**
     * A .docx whose main part has one relationship of the given type ({@code "attachedTemplate"}, {@code "oleObject"},
     * {@code "hyperlink"}, ...) to {@code target}, with {@code TargetMode="External"} when {@code external}.
     */
    public static byte[] docxWithRelationship(String type, String target, boolean external) {
        String rels = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId9" Type="%s%s" Target="%s"%s/>
                </Relationships>""".formatted(RELATIONSHIPS, type, escape(target).replace("\"", "&quot;"),
                external ? " TargetMode=\"External\"" : "");
        return wordPackage(DOCX_MAIN, "linked", Map.of("word/_rels/document.xml.rels", rels.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A .docx whose body holds one complex field with the given instruction (such as {@code INCLUDETEXT "file.docx"}),
     * written as Word writes it: begin, the instruction split over two w:instrText runs, separate, a result, end.
     */
    public static byte[] docxWithField(String instruction) {
        int half = instruction.length() / 2;
        return docxWithBody("""
                <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>
                <w:r><w:instrText xml:space="preserve"> %s</w:instrText></w:r><w:r><w:instrText xml:space="preserve">%s </w:instrText></w:r>
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r>
                <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>""".formatted(escape(instruction.substring(0, half)),
                escape(instruction.substring(half))));
    }

    /** A .docx whose body holds one simple field (w:fldSimple) with the given instruction. */
    public static byte[] docxWithSimpleField(String instruction) {
        return docxWithBody("<w:p><w:fldSimple w:instr=\"%s\"><w:r><w:t>result</w:t></w:r></w:fldSimple></w:p>"
                .formatted(escape(instruction).replace("\"", "&quot;")));
    }

    /** A .docx whose w:body is the given WordprocessingML (prefix w). */
    public static byte[] docxWithBody(String bodyXml) {
        return docxWithMainPart(("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>"""
                .formatted(bodyXml)).getBytes(StandardCharsets.UTF_8));
    }

    /** A .docx whose word/document.xml is exactly {@code mainPart} (for damaged or hostile main parts). */
    public static byte[] docxWithMainPart(byte[] mainPart) {
        return wordPackage(DOCX_MAIN, "", Map.of("word/document.xml", mainPart));
    }

    /**
     * A .docx with an extra XML part that opens with a DTD declaring an entity (an "XML bomb" seed), in a part the
     * document's reader would not otherwise look at.
     */
    public static byte[] docxWithDtd(String partName) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE cp:coreProperties [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">&lol2;</cp:coreProperties>""";
        return wordPackage(DOCX_MAIN, "declared", Map.of(partName, xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A .docx with a part {@code partName} that inflates to {@code actualBytes} (spaces) while its central directory
     * record declares {@code declaredBytes}: a size only inflating reveals.
     */
    public static byte[] docxWithLyingPart(String partName, int declaredBytes, int actualBytes) {
        byte[] docx = wordPackage(DOCX_MAIN, "lying", Map.of(partName, " ".repeat(actualBytes).getBytes(StandardCharsets.US_ASCII)));
        return patchCentralDirectory(docx, partName, 24, declaredBytes, 4);
    }

    /** Overwrites a field of the named entry's central directory record (2 or 4 bytes wide), as a forger would. */
    public static byte[] patchCentralDirectory(byte[] zip, String name, int fieldOffset, long value, int width) {
        byte[] patched = zip.clone();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(patched).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < patched.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && Short.toUnsignedInt(buffer.getShort(i + 28)) == wanted.length
                    && java.util.Arrays.equals(patched, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                if (width == 2) {
                    buffer.putShort(i + fieldOffset, (short) value);
                } else {
                    buffer.putInt(i + fieldOffset, (int) value);
                }
                return patched;
            }
        }
        throw new IllegalArgumentException("no central directory record for " + name);
    }

    /**
     * An OpenDocument text: the mimetype stored first, as ODF requires, then the manifest (with {@code manifestExtra}
     * inside content.xml's entry), content.xml whose office:text holds {@code textXml} (prefixes text, draw, xlink,
     * office), and {@code extraParts}.
     */
    public static byte[] odt(String textXml, String manifestExtra, Map<String, byte[]> extraParts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry stored = new ZipEntry("mimetype");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(mimetype);
            Map<String, byte[]> parts = new LinkedHashMap<>();
            parts.put("META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                    <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                    <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">%s</manifest:file-entry>
                    </manifest:manifest>""".formatted(manifestExtra).getBytes(StandardCharsets.UTF_8));
            parts.put("content.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
                    xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
                    xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"><office:body><office:text>%s</office:text></office:body></office:document-content>"""
                    .formatted(textXml).getBytes(StandardCharsets.UTF_8));
            parts.putAll(extraParts);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A Word 97 binary document (.doc): an OLE2 file whose WordDocument stream opens with a FibBase of the given flags
     * (0x0100 encrypted, 0x8000 obfuscated), with the given extra storages ("Macros" makes it macro-enabled).
     */
    public static byte[] doc(int fibFlags, String... storages) {
        java.nio.ByteBuffer fib = java.nio.ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        fib.putShort(0, (short) 0xA5EC); // wIdent
        fib.putShort(2, (short) 0x00C1); // nFib: Word 97
        fib.putShort(6, (short) 0x0409); // lid: English (US)
        fib.putShort(0x0A, (short) (0x0200 | fibFlags)); // fWhichTblStm: the table is in 1Table
        fib.putShort(0x0C, (short) 0x00BF); // nFibBack
        return olePackage(fib.array(), java.util.List.of(storages));
    }

    public static byte[] olePackage(byte[] wordDocument, java.util.List<String> storages) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(wordDocument), "WordDocument");
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "1Table");
            for (String storage : storages) {
                fs.getRoot().createDirectory(storage).createDocument("dir", new ByteArrayInputStream(new byte[16]));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF with a correct cross-reference table; {@code encrypted} adds a standard security handler. */
    public static byte[] pdf(boolean encrypted) {
        java.util.List<String> objects = new java.util.ArrayList<>(java.util.List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
        if (encrypted) {
            objects.add("<< /Filter /Standard /V 1 /R 2 /O <" + "00".repeat(32) + "> /U <" + "00".repeat(32) + "> /P -44 >>");
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        java.util.List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R");
        if (encrypted) {
            pdf.append(" /Encrypt 4 0 R /ID [<").append("ab".repeat(16)).append("> <").append("ab".repeat(16)).append(">]");
        }
        pdf.append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
