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

    /** The start of a Windows executable (MZ and PE headers), for renaming to a document name. */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80; // offset of the PE header
        System.arraycopy(new byte[] { 'P', 'E', 0, 0 }, 0, exe, 0x80, 4);
        return exe;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
