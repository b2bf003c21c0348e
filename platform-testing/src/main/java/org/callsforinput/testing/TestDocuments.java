package org.callsforinput.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real documents built in memory for tests: a genuine minimal .docx and its hostile variants. */
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

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
