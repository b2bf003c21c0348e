package org.callsforinput.gate.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.callsforinput.gate.facts.DocumentFacts;
import org.callsforinput.gate.facts.FactsExtractor;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.TestDocuments.Authorship;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCleanerTest {

    private static final long MAX_PART = 16 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void removesEveryNameAndKeepsTheDocument() throws Exception {
        byte[] original = TestDocuments.withParts(TestDocuments.authoredDocx("Racial profiling", "https://laws.example.org/act-12",
                "https://stats.example.org/stops", Authorship.named()), Map.of("word/people.xml", TestDocuments.peoplePart("Camille Martin")));
        Path source = Files.write(dir.resolve("original.docx"), original);
        Path cleaned = dir.resolve("cleaned.docx");

        new MetadataCleaner(MAX_PART).clean(source, cleaned);

        assertThat(Files.readAllBytes(source)).isEqualTo(original);
        DocumentFacts facts = new FactsExtractor(MAX_PART).extract(cleaned);
        assertThat(facts.metadata().identifying()).isEmpty();
        assertThat(facts.metadata().commentAuthors()).containsExactly(DocumentFacts.NEUTRAL_AUTHOR);
        assertThat(facts.metadata().revisionAuthors()).containsExactly(DocumentFacts.NEUTRAL_AUTHOR);
        assertThat(facts.hyperlinks()).hasSize(2);
        byte[] bytes = Files.readAllBytes(cleaned);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Camille").doesNotContain("Dupont");

        Map<String, byte[]> before = entries(original);
        Map<String, byte[]> after = entries(bytes);
        assertThat(after).doesNotContainKeys("docProps/custom.xml", "word/people.xml");
        // Parts without metadata are copied byte for byte.
        for (String unchanged : new String[] { "word/styles.xml", "word/_rels/document.xml.rels" }) {
            if (before.containsKey(unchanged)) {
                assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
            }
        }
        assertThat(new String(after.get("[Content_Types].xml"), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("custom.xml");
        assertThat(new String(after.get("_rels/.rels"), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("custom.xml");

        // Still a Word document that opens, with its text.
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Racial profiling").contains("Inserted sentence.");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isNullOrEmpty();
            assertThat(doc.getProperties().getExtendedProperties().getUnderlyingProperties().getCompany()).isNullOrEmpty();
            assertThat(doc.getProperties().getCustomProperties().getUnderlyingProperties().sizeOfPropertyArray()).isZero();
        }
    }

    @Test
    void aDocumentWithoutMetadataIsCopiedPartForPart() throws Exception {
        byte[] original = TestDocuments.docx("Nothing to remove");
        Path source = Files.write(dir.resolve("plain.docx"), original);
        Path cleaned = dir.resolve("plain-cleaned.docx");
        new MetadataCleaner(MAX_PART).clean(source, cleaned);
        Map<String, byte[]> before = entries(original);
        Map<String, byte[]> after = entries(Files.readAllBytes(cleaned));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void refusesWhatIsNotAWordPackage() throws Exception {
        Path odt = Files.write(dir.resolve("a.odt"), TestDocuments.odt("a", "b", "https://example.org", "c", "d"));
        assertThatThrownBy(() -> new MetadataCleaner(MAX_PART).clean(odt, dir.resolve("out.docx")))
                .isInstanceOf(MetadataCleaner.NotCleanableException.class);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
