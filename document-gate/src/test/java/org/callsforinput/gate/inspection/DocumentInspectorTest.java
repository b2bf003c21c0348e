package org.callsforinput.gate.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.testing.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each inspection rule, shown with real files on disk. */
class DocumentInspectorTest {

    record Limits(int maxEntries, int maxCompressionRatio, long maxUnpackedBytes) implements InspectionConfig {
    }

    static final Limits DEFAULTS = new Limits(10_000, 100, 1L << 30);

    @TempDir
    Path dir;

    // --- accepted ---

    @Test
    void acceptsDocx() throws IOException {
        assertThat(inspect(TestDocuments.docx("Our contribution"), DocumentFormat.DOCX)).isEqualTo(DocumentFormat.DOCX);
    }

    @Test
    void acceptsDoc() throws IOException {
        assertThat(inspect(doc(0), DocumentFormat.DOC)).isEqualTo(DocumentFormat.DOC);
    }

    @Test
    void acceptsOdt() throws IOException {
        assertThat(inspect(odt(Map.of(), ""), DocumentFormat.ODT)).isEqualTo(DocumentFormat.ODT);
    }

    @Test
    void acceptsXlsx() throws IOException {
        assertThat(inspect(xlsx(), DocumentFormat.XLSX)).isEqualTo(DocumentFormat.XLSX);
    }

    @Test
    void acceptsPdf() throws IOException {
        assertThat(inspect(pdf(false), DocumentFormat.PDF)).isEqualTo(DocumentFormat.PDF);
    }

    @Test
    void acceptsDocxWithLargeButOrdinaryPart() throws IOException {
        byte[] text = new byte[300_000];
        new Random(1).nextBytes(text);
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x", Map.of("word/media/image1.png", text));
        assertThat(inspect(docx, DocumentFormat.DOCX)).isEqualTo(DocumentFormat.DOCX);
    }

    @Test
    void acceptsDocumentsWrittenByPoi() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Written by an office library");
            document.write(docx);
        }
        assertThat(inspect(docx.toByteArray(), DocumentFormat.DOCX)).isEqualTo(DocumentFormat.DOCX);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Views").createRow(0).createCell(0).setCellValue("Country");
            workbook.write(xlsx);
        }
        assertThat(inspect(xlsx.toByteArray(), DocumentFormat.XLSX)).isEqualTo(DocumentFormat.XLSX);
    }

    // --- content does not match the name ---

    @Test
    void refusesExecutablesNamedDocx() throws IOException {
        byte[] elf = Arrays.copyOf(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 }, 64);
        for (byte[] executable : List.of(elf, TestDocuments.windowsExecutable())) {
            ApiException refusal = refusal(executable, DocumentFormat.DOCX);
            assertThat(refusal.status()).isEqualTo(415);
            assertThat(refusal.slug()).isEqualTo("content-mismatch");
            assertThat(refusal.getMessage()).contains("a Word document (.docx)").doesNotContain("Exception", "org.");
        }
    }

    @Test
    void refusesTextAndEmptyFilesNamedDocx() throws IOException {
        assertRefused(refusal("Dear committee, please find our views below.".getBytes(StandardCharsets.UTF_8), DocumentFormat.DOCX),
                415, "content-mismatch");
        assertRefused(refusal(new byte[0], DocumentFormat.DOCX), 415, "content-mismatch");
    }

    @Test
    void refusesXlsxClaimedAsDocx() throws IOException {
        ApiException refusal = refusal(xlsx(), DocumentFormat.DOCX);
        assertRefused(refusal, 415, "content-mismatch");
        assertThat(refusal.getMessage()).contains("a Word document (.docx)", "an Excel workbook (.xlsx)");
    }

    @Test
    void refusesPdfClaimedAsOdtAndDocClaimedAsDocx() throws IOException {
        assertRefused(refusal(pdf(false), DocumentFormat.ODT), 415, "content-mismatch");
        assertRefused(refusal(doc(0), DocumentFormat.DOCX), 415, "content-mismatch");
        assertRefused(refusal(TestDocuments.docx("x"), DocumentFormat.PDF), 415, "content-mismatch");
    }

    @Test
    void refusesOtherOpenDocumentKindClaimedAsOdt() throws IOException {
        byte[] ods = TestDocuments.zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII)));
        assertRefused(refusal(ods, DocumentFormat.ODT), 415, "content-mismatch");
    }

    // --- macros ---

    @Test
    void refusesDocmNamedDocx() throws IOException {
        assertRefused(refusal(TestDocuments.docm("macros"), DocumentFormat.DOCX), 422, "macro-enabled-document");
    }

    @Test
    void refusesDocxWithVbaProject() throws IOException {
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x", Map.of("word/vbaProject.bin", new byte[] { 1, 2, 3 }));
        assertRefused(refusal(docx, DocumentFormat.DOCX), 422, "macro-enabled-document");
    }

    @Test
    void refusesDocWithMacrosStorage() throws IOException {
        assertRefused(refusal(doc(0, "Macros"), DocumentFormat.DOC), 422, "macro-enabled-document");
    }

    @Test
    void refusesOdtWithBasicMacros() throws IOException {
        byte[] odt = odt(Map.of("Basic/Standard/Module1.xml", "<module/>".getBytes(StandardCharsets.UTF_8)), "");
        assertRefused(refusal(odt, DocumentFormat.ODT), 422, "macro-enabled-document");
    }

    // --- encryption ---

    @Test
    void refusesPasswordEncryptedDocx() throws IOException {
        assertRefused(refusal(TestDocuments.encryptedDocx("secret text", "pass"), DocumentFormat.DOCX), 422, "encrypted-document");
    }

    @Test
    void refusesEncryptedAndObfuscatedDoc() throws IOException {
        assertRefused(refusal(doc(0x0100), DocumentFormat.DOC), 422, "encrypted-document");
        assertRefused(refusal(doc(0x0100 | 0x8000), DocumentFormat.DOC), 422, "encrypted-document");
    }

    @Test
    void refusesEncryptedPdf() throws IOException {
        assertRefused(refusal(pdf(true), DocumentFormat.PDF), 422, "encrypted-document");
    }

    @Test
    void refusesZipEntryWithEncryptionFlag() throws IOException {
        byte[] docx = patchCentralDirectory(TestDocuments.docx("x"), "word/document.xml", 8, 0x0009, 2);
        assertRefused(refusal(docx, DocumentFormat.DOCX), 422, "encrypted-document");
    }

    @Test
    void refusesEncryptedOdt() throws IOException {
        String encryption = "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\"/>";
        assertRefused(refusal(odt(Map.of(), encryption), DocumentFormat.ODT), 422, "encrypted-document");
    }

    // --- zip bombs ---

    @Test
    void refusesTooManyEntries() throws IOException {
        assertRefused(refusal(TestDocuments.zipBomb(10_001), DocumentFormat.DOCX), 422, "zip-bomb");
    }

    @Test
    void refusesHighlyCompressedEntry() throws IOException {
        assertRefused(refusal(TestDocuments.deflateBomb(50L * 1024 * 1024), DocumentFormat.DOCX), 422, "zip-bomb");
    }

    @Test
    void refusesDeclaredSizesOverTheLimit() throws IOException {
        Limits small = new Limits(10_000, 100, 64 * 1024);
        byte[] one = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x", Map.of("word/media/a.bin", random(100_000)));
        assertRefused(refusal(one, DocumentFormat.DOCX, small), 422, "zip-bomb");
        byte[] many = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x",
                Map.of("word/media/a.bin", random(40_000), "word/media/b.bin", random(40_000)));
        assertThat(inspect(many, DocumentFormat.DOCX, new Limits(10_000, 100, 100_000))).isEqualTo(DocumentFormat.DOCX);
        assertRefused(refusal(many, DocumentFormat.DOCX, small), 422, "zip-bomb");
    }

    @Test
    void refusesPartThatInflatesBeyondItsDeclaredSize() throws IOException {
        // [Content_Types].xml inflates to 1 MiB but its directory record claims 2000 bytes: only reading tells.
        byte[] types = (new String(contentTypes(TestDocuments.DOCX_MAIN), StandardCharsets.UTF_8) + " ".repeat(1 << 20))
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", types);
        parts.put("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>".getBytes(StandardCharsets.UTF_8));
        byte[] lying = TestDocuments.patchCentralDirectory(TestDocuments.zip(parts), "[Content_Types].xml", 24, 2000, 4);
        ApiException refusal = refusal(lying, DocumentFormat.DOCX);
        assertRefused(refusal, 422, "zip-bomb");
        assertThat(refusal.getMessage()).contains("[Content_Types].xml unpacks to more than the size it declares");
    }

    @Test
    void refusesLyingPartThatTheInspectorDoesNotOtherwiseRead() throws IOException {
        // An image-like part declaring 300 bytes that inflates to 5 MB: not XML, never parsed, still inflated and stopped.
        for (String part : List.of("word/media/image1.png", "customXml/item1.xml", "word/embeddings/blob.bin")) {
            ApiException refusal = refusal(TestDocuments.docxWithLyingPart(part, 300, 5_000_000), DocumentFormat.DOCX);
            assertRefused(refusal, 422, "zip-bomb");
            assertThat(refusal.getMessage()).contains(part);
        }
        // The same part, honest about its size, passes.
        byte[] honest = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x",
                Map.of("word/media/image1.png", random(5_000)));
        assertThat(inspect(honest, DocumentFormat.DOCX)).isEqualTo(DocumentFormat.DOCX);
    }

    @Test
    void lyingPartIsStoppedWithinItsDeclaredSize() throws IOException {
        byte[] docx = TestDocuments.docxWithLyingPart("word/media/zeros.bin", 1000, 50_000_000);
        try (org.callsforinput.gate.pkg.PackageParts parts = org.callsforinput.gate.pkg.PackageParts.open(write(docx), 1L << 30);
                java.io.InputStream in = parts.open("word/media/zeros.bin")) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            Throwable stopped = null;
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    read += n;
                }
            } catch (org.callsforinput.gate.pkg.PackageParts.PartTooLarge e) {
                stopped = e;
            }
            assertThat(stopped).isNotNull();
            assertThat(read).isLessThanOrEqualTo(1000);
        }
    }

    // --- DTDs and entity declarations, in any XML part ---

    @Test
    void refusesDtdInAnyXmlPart() throws IOException {
        for (String part : List.of("docProps/core.xml", "customXml/item1.xml", "word/styles.xml", "word/_rels/document.xml.rels")) {
            ApiException refusal = refusal(TestDocuments.docxWithDtd(part), DocumentFormat.DOCX);
            assertRefused(refusal, 422, "xml-declarations");
            assertThat(refusal.getMessage()).contains(part).doesNotContain("Exception");
        }
    }

    @Test
    void refusesDtdInMainPartAndContentTypes() throws IOException {
        byte[] main = """
                <?xml version="1.0"?>
                <!DOCTYPE w:document SYSTEM "http://127.0.0.1:1/evil.dtd">
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"""
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(refusal(TestDocuments.docxWithMainPart(main), DocumentFormat.DOCX), 422, "xml-declarations");
        String types = new String(contentTypes(TestDocuments.DOCX_MAIN), StandardCharsets.UTF_8)
                .replace("<Types", "<!DOCTYPE Types [<!ENTITY x \"y\">]>\n<Types");
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x",
                Map.of("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8)));
        assertRefused(refusal(docx, DocumentFormat.DOCX), 422, "xml-declarations");
    }

    @Test
    void refusesDtdInAPartTypedAsXmlByItsContentType() throws IOException {
        // A part whose name does not end in .xml, typed XML by [Content_Types].xml (a custom +xml type for .dat).
        String types = new String(contentTypes(TestDocuments.DOCX_MAIN), StandardCharsets.UTF_8)
                .replace("</Types>", "<Default Extension=\"dat\" ContentType=\"application/vnd.example.item+xml\"/></Types>");
        byte[] dtd = "<!DOCTYPE a [<!ENTITY e \"e\">]><a>&e;</a>".getBytes(StandardCharsets.UTF_8);
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x", Map.of(
                "[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8), "customXml/item1.dat", dtd));
        assertRefused(refusal(docx, DocumentFormat.DOCX), 422, "xml-declarations");
        // Untyped .dat is not XML: the same bytes pass as an opaque part.
        byte[] opaque = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x", Map.of("customXml/item1.dat", dtd));
        assertThat(inspect(opaque, DocumentFormat.DOCX)).isEqualTo(DocumentFormat.DOCX);
    }

    @Test
    void refusesDtdInOdtParts() throws IOException {
        byte[] dtd = "<?xml version=\"1.0\"?><!DOCTYPE office:document-meta [<!ENTITY a \"b\">]><office:document-meta/>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(refusal(TestDocuments.odt("", "", Map.of("meta.xml", dtd)), DocumentFormat.ODT), 422, "xml-declarations");
    }

    // --- references that make a reader fetch or run something ---

    @Test
    void refusesExternalRelationshipsOtherThanHyperlinks() throws IOException {
        for (String type : List.of("attachedTemplate", "oleObject", "frame", "subDocument", "image", "package")) {
            ApiException refusal = refusal(TestDocuments.docxWithRelationship(type, "http://127.0.0.1/x.dotm", true), DocumentFormat.DOCX);
            assertRefused(refusal, 422, "external-reference");
            assertThat(refusal.getMessage()).contains("word/_rels/document.xml.rels");
        }
        assertRefused(refusal(TestDocuments.docxWithRelationship("attachedTemplate", "\\\\10.0.0.1\\share\\t.dotm", true),
                DocumentFormat.DOCX), 422, "external-reference");
    }

    @Test
    void acceptsInternalRelationshipsAndWebOrMailHyperlinks() throws IOException {
        assertThat(inspect(TestDocuments.docxWithRelationship("image", "media/image1.png", false), DocumentFormat.DOCX))
                .isEqualTo(DocumentFormat.DOCX);
        for (String target : List.of("https://www.example.org/report?x=1", "http://example.org", "mailto:contact@example.org",
                "  HTTPS://example.org/a b ")) {
            assertThat(inspect(TestDocuments.docxWithRelationship("hyperlink", target, true), DocumentFormat.DOCX)).isEqualTo(DocumentFormat.DOCX);
        }
    }

    @Test
    void refusesHyperlinksWithUnsafeSchemesOrPaths() throws IOException {
        for (String target : List.of("file:///C:/Users/x/secret.docx", "\\\\attacker.example\\share\\a.docx", "javascript:alert(1)",
                "vbscript:msgbox", "data:text/html,hi", "ms-word:ofe|u|https://example.org/a.docx", "search-ms:query=x",
                "C:\\Users\\x.docx", "../other.docx", "")) {
            ApiException refusal = refusal(TestDocuments.docxWithRelationship("hyperlink", target, true), DocumentFormat.DOCX);
            assertRefused(refusal, 422, "unsafe-hyperlink");
            assertThat(refusal.getMessage()).contains("http, https").contains("mailto");
        }
    }

    @Test
    void refusesFieldsThatFetch() throws IOException {
        for (String field : List.of("INCLUDETEXT \"http://127.0.0.1/a.docx\"", "INCLUDEPICTURE \"\\\\\\\\host\\\\p.png\" \\d",
                "LINK Excel.Sheet.12 \"C:\\\\a.xlsx\" \"Sheet1\"", "DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\"",
                "dde cmd \"/c calc\"", "includetext x")) {
            assertRefused(refusal(TestDocuments.docxWithField(field), DocumentFormat.DOCX), 422, "external-reference");
            assertRefused(refusal(TestDocuments.docxWithSimpleField(field), DocumentFormat.DOCX), 422, "external-reference");
        }
        assertRefused(refusal(TestDocuments.docxWithField("HYPERLINK \"file:///C:/x\""), DocumentFormat.DOCX), 422, "unsafe-hyperlink");
    }

    @Test
    void acceptsOrdinaryFields() throws IOException {
        for (String field : List.of("PAGE \\* MERGEFORMAT", "TOC \\o \"1-3\" \\h", "HYPERLINK \"https://example.org\"",
                "HYPERLINK \\l \"_Toc1\"", "DATE \\@ \"d MMMM yyyy\"")) {
            assertThat(inspect(TestDocuments.docxWithField(field), DocumentFormat.DOCX)).as(field).isEqualTo(DocumentFormat.DOCX);
            assertThat(inspect(TestDocuments.docxWithSimpleField(field), DocumentFormat.DOCX)).as(field).isEqualTo(DocumentFormat.DOCX);
        }
    }

    @Test
    void refusesFieldInAHeaderPart() throws IOException {
        String types = new String(contentTypes(TestDocuments.DOCX_MAIN), StandardCharsets.UTF_8).replace("</Types>",
                "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>");
        byte[] header = """
                <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p>\
                <w:fldSimple w:instr="INCLUDEPICTURE &quot;http://127.0.0.1/track.png&quot;"/></w:p></w:hdr>"""
                .getBytes(StandardCharsets.UTF_8);
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x",
                Map.of("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8), "word/header1.xml", header));
        assertRefused(refusal(docx, DocumentFormat.DOCX), 422, "external-reference");
    }

    @Test
    void refusesOdtExternalObjectsAndUnsafeLinks() throws IOException {
        String frame = "<draw:frame><draw:object xlink:href=\"%s\" xlink:type=\"simple\"/></draw:frame>";
        assertRefused(refusal(TestDocuments.odt(frame.formatted("http://127.0.0.1/obj"), "", Map.of()), DocumentFormat.ODT),
                422, "external-reference");
        assertRefused(refusal(TestDocuments.odt(frame.formatted("../elsewhere/Object 1"), "", Map.of()), DocumentFormat.ODT),
                422, "external-reference");
        assertRefused(refusal(TestDocuments.odt("<draw:frame><draw:image xlink:href=\"file:///etc/passwd\"/></draw:frame>", "",
                Map.of()), DocumentFormat.ODT), 422, "external-reference");
        assertRefused(refusal(TestDocuments.odt("<text:section><text:section-source xlink:href=\"\\\\\\\\host\\\\a.odt\"/></text:section>",
                "", Map.of()), DocumentFormat.ODT), 422, "external-reference");
        assertRefused(refusal(TestDocuments.odt("<text:p><text:a xlink:href=\"javascript:alert(1)\">x</text:a></text:p>", "",
                Map.of()), DocumentFormat.ODT), 422, "unsafe-hyperlink");
        // Internal objects and images, web links and anchors pass.
        String fine = frame.formatted("./Object 1") + "<draw:frame><draw:image xlink:href=\"Pictures/1.png\"/></draw:frame>"
                + "<text:p><text:a xlink:href=\"https://example.org\">x</text:a><text:a xlink:href=\"#intro\">y</text:a></text:p>";
        assertThat(inspect(TestDocuments.odt(fine, "", Map.of()), DocumentFormat.ODT)).isEqualTo(DocumentFormat.ODT);
    }

    @Test
    void refusesExternalLinksInXlsx() throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        parts.put("xl/externalLinks/_rels/externalLink1.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" \
                Target="file:///\\\\host\\book.xlsx" TargetMode="External"/></Relationships>""".getBytes(StandardCharsets.UTF_8));
        assertRefused(refusal(TestDocuments.zip(parts), DocumentFormat.XLSX), 422, "external-reference");
    }

    // --- main part well-formed ---

    @Test
    void refusesMainPartThatIsNotWellFormed() throws IOException {
        for (String main : List.of("<w:document xmlns:w=\"urn:w\"><w:body><w:p></w:body></w:document>",
                "<w:document xmlns:w=\"urn:w\"><w:body>&nbsp;</w:body></w:document>", "not xml at all", "")) {
            ApiException refusal = refusal(TestDocuments.docxWithMainPart(main.getBytes(StandardCharsets.UTF_8)), DocumentFormat.DOCX);
            assertRefused(refusal, 422, "malformed-document");
            assertThat(refusal.getMessage()).contains("word/document.xml");
        }
        String odtContent = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body>";
        ApiException odt = refusal(TestDocuments.odt("", "", Map.of("content.xml", odtContent.getBytes(StandardCharsets.UTF_8))),
                DocumentFormat.ODT);
        assertRefused(odt, 422, "malformed-document");
        assertThat(odt.getMessage()).contains("content.xml");
    }

    // --- malformed ---

    @Test
    void refusesTruncatedDocx() throws IOException {
        byte[] docx = TestDocuments.docx("a document long enough to cut ".repeat(50));
        assertRefused(refusal(Arrays.copyOf(docx, docx.length / 2), DocumentFormat.DOCX), 422, "malformed-document");
    }

    @Test
    void refusesDamagedOle2AndTruncatedPdf() throws IOException {
        byte[] ole2 = Arrays.copyOf(doc(0), 600);
        assertRefused(refusal(ole2, DocumentFormat.DOC), 422, "malformed-document");
        byte[] pdf = pdf(false);
        assertRefused(refusal(Arrays.copyOf(pdf, pdf.length - 40), DocumentFormat.PDF), 422, "malformed-document");
    }

    @Test
    void refusesDocWithoutWordFileInformationBlock() throws IOException {
        byte[] doc = doc(0);
        assertThat(inspect(doc, DocumentFormat.DOC)).isEqualTo(DocumentFormat.DOC);
        assertRefused(refusal(olePackage(new byte[4096], List.of()), DocumentFormat.DOC), 422, "malformed-document");
    }

    // --- helpers ---

    private DocumentFormat inspect(byte[] content, DocumentFormat claimed) throws IOException {
        return inspect(content, claimed, DEFAULTS);
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".spool");
        Files.write(file, content);
        return file;
    }

    private DocumentFormat inspect(byte[] content, DocumentFormat claimed, InspectionConfig limits) throws IOException {
        Path file = write(content);
        return new DocumentInspector(limits).inspect(file, claimed);
    }

    private ApiException refusal(byte[] content, DocumentFormat claimed) throws IOException {
        return refusal(content, claimed, DEFAULTS);
    }

    private ApiException refusal(byte[] content, DocumentFormat claimed, InspectionConfig limits) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".spool");
        Files.write(file, content);
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> new DocumentInspector(limits).inspect(file, claimed));
        assertThat(refusal).as("refused").isNotNull();
        return refusal;
    }

    private static void assertRefused(ApiException refusal, int status, String slug) {
        assertThat(refusal.slug()).as(refusal.getMessage()).isEqualTo(slug);
        assertThat(refusal.status()).isEqualTo(status);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static byte[] doc(int fibFlags, String... storages) {
        return TestDocuments.doc(fibFlags, storages);
    }

    private static byte[] olePackage(byte[] wordDocument, List<String> storages) {
        return TestDocuments.olePackage(wordDocument, storages);
    }

    private static byte[] contentTypes(String mainType) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/%s" ContentType="%s"/>
                </Types>""".formatted(mainType.contains("spreadsheetml") ? "xl/workbook.xml" : "word/document.xml", mainType)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx() {
        String sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes(sheet));
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""".getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"""
                .getBytes(StandardCharsets.UTF_8));
        return TestDocuments.zip(parts);
    }

    private static byte[] odt(Map<String, byte[]> extraParts, String manifestExtra) {
        return TestDocuments.odt("", manifestExtra, extraParts);
    }

    private static byte[] pdf(boolean encrypted) {
        return TestDocuments.pdf(encrypted);
    }

    private static byte[] patchCentralDirectory(byte[] zip, String name, int fieldOffset, long value, int width) {
        return TestDocuments.patchCentralDirectory(zip, name, fieldOffset, value, width);
    }
}
