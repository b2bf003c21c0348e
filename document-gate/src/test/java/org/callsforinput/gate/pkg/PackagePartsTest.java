package org.callsforinput.gate.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.callsforinput.testing.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded part reading and the DTD-refusing reader, whichever of its reading methods a caller uses. */
class PackagePartsTest {

    @TempDir
    Path dir;

    @Test
    void readsHonestPartsAndStopsALyingOneAtItsDeclaredSize() throws IOException {
        Path file = dir.resolve("lying.docx");
        Files.write(file, TestDocuments.docxWithLyingPart("word/media/a.bin", 500, 2_000_000));
        try (PackageParts parts = PackageParts.open(file, 1L << 30)) {
            assertThat(new String(parts.read("word/document.xml"), StandardCharsets.UTF_8)).contains("lying");
            assertThatThrownBy(() -> parts.read("word/media/a.bin")).isInstanceOf(PackageParts.PartTooLarge.class)
                    .hasMessageContaining("500 bytes it declares");
        }
        // Below the declared size, the hard limit stops it too.
        Files.write(file, TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "x", Map.of("word/media/a.bin", new byte[10_000])));
        try (PackageParts parts = PackageParts.open(file, 4096)) {
            assertThatThrownBy(() -> parts.read("word/media/a.bin")).isInstanceOf(PackageParts.PartTooLarge.class);
        }
    }

    @Test
    void refusesDtdThroughNextNextTagAndRequireWellFormed() throws Exception {
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>";
        assertThatThrownBy(() -> drain(reader(dtd))).isInstanceOf(PackageParts.DtdFound.class);
        assertThatThrownBy(() -> reader(dtd).nextTag()).isInstanceOf(XMLStreamException.class);
        Path file = dir.resolve("dtd.docx");
        Files.write(file, TestDocuments.docxWithDtd("docProps/core.xml"));
        try (PackageParts parts = PackageParts.open(file, 1L << 20)) {
            assertThatThrownBy(() -> parts.requireWellFormed("docProps/core.xml")).isInstanceOf(PackageParts.DtdFound.class);
            parts.requireWellFormed("word/document.xml");
        }
    }

    @Test
    void undeclaredEntityIsNotWellFormedWhicheverWayTheTextIsRead() throws Exception {
        XMLStreamReader reader = reader("<a>x&nbsp;y</a>");
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThatThrownBy(reader::getElementText).isInstanceOf(XMLStreamException.class).isNotInstanceOf(PackageParts.DtdFound.class);
        XMLStreamReader plain = reader("<a> <b>text &amp; more<!-- c --></b></a>");
        plain.nextTag();
        plain.nextTag();
        assertThat(plain.getElementText()).isEqualTo("text & more");
    }

    private static XMLStreamReader reader(String xml) throws XMLStreamException {
        InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        return PackageParts.xmlReader("test.xml", in);
    }

    private static void drain(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            reader.next();
        }
    }
}
