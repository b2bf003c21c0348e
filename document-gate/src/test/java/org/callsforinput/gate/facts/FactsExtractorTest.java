package org.callsforinput.gate.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.callsforinput.gate.facts.DocumentFacts.FoundLink;
import org.callsforinput.gate.facts.DocumentFacts.Property;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.TestDocuments.Authorship;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsExtractorTest {

    private static final FactsExtractor EXTRACTOR = new FactsExtractor(16 * 1024 * 1024);

    @TempDir
    Path dir;

    @Test
    void readsHyperlinksOfEveryPartAndWhoWroteTheWordDocument() throws Exception {
        byte[] docx = TestDocuments.withParts(TestDocuments.authoredDocx("Racial profiling", "https://laws.example.org/act-12",
                "https://stats.example.org/stops", Authorship.named()), Map.of("word/people.xml", TestDocuments.peoplePart("Camille Martin")));
        DocumentFacts facts = EXTRACTOR.extract(file(docx));

        assertThat(facts.format()).isEqualTo("docx");
        assertThat(facts.hyperlinks()).extracting(FoundLink::url, FoundLink::text)
                .contains(org.assertj.core.groups.Tuple.tuple("https://laws.example.org/act-12", "the law"),
                        org.assertj.core.groups.Tuple.tuple("https://stats.example.org/stops", "statistics"));
        assertThat(facts.hyperlinks()).filteredOn(l -> l.url().contains("stats")).singleElement()
                .satisfies(l -> assertThat(l.part()).startsWith("word/header"));
        DocumentFacts.Metadata m = facts.metadata();
        assertThat(m.author()).isEqualTo("Camille Martin");
        assertThat(m.lastModifiedBy()).isEqualTo("Jean Dupont");
        assertThat(m.company()).isEqualTo("Observatoire des droits humains");
        assertThat(m.manager()).isEqualTo("Directrice ODH");
        assertThat(m.title()).isEqualTo("Contribution");
        assertThat(m.commentAuthors()).containsExactly("Camille Martin");
        assertThat(m.revisionAuthors()).containsExactly("Jean Dupont");
        assertThat(m.people()).containsExactly("Camille Martin");
        assertThat(m.customProperties()).containsExactly(new Property("Client", "ODH-2023-17"));
        assertThat(m.identifying()).contains("author", "lastModifiedBy", "company", "manager", "commentAuthors", "revisionAuthors",
                "people", "customProperties");
        assertThat(facts.truncated()).isFalse();
    }

    @Test
    void aPlainDocumentHasNoIdentifyingMetadata() throws Exception {
        DocumentFacts facts = EXTRACTOR.extract(file(TestDocuments.docx("plain")));
        assertThat(facts.format()).isEqualTo("docx");
        assertThat(facts.hyperlinks()).isEmpty();
        assertThat(facts.metadata().identifying()).isEmpty();
    }

    @Test
    void hyperlinksAndValuesAreBounded() throws Exception {
        StringBuilder rels = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int i = 0; i < FactsExtractor.MAX_VALUES + 50; i++) {
            rels.append("<Relationship Id=\"rId").append(i + 10)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/")
                    .append(i).append("\" TargetMode=\"External\"/>");
        }
        rels.append("<Relationship Id=\"rIdLong\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/")
                .append("x".repeat(FactsExtractor.MAX_URL_LENGTH)).append("\" TargetMode=\"External\"/></Relationships>");
        Map<String, byte[]> extra = new LinkedHashMap<>();
        extra.put("word/_rels/document.xml.rels", rels.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DocumentFacts facts = EXTRACTOR.extract(file(TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "many links", extra)));
        assertThat(facts.hyperlinks()).hasSize(FactsExtractor.MAX_VALUES);
        assertThat(facts.hyperlinks()).allSatisfy(l -> assertThat(l.url().length()).isLessThanOrEqualTo(FactsExtractor.MAX_URL_LENGTH));
        assertThat(facts.truncated()).isTrue();
    }

    @Test
    void readsOpenDocumentMetaAndLinks() throws Exception {
        DocumentFacts facts = EXTRACTOR.extract(file(TestDocuments.odt("Camille Martin", "Jean Dupont",
                "https://laws.example.org/act-12", "Ana Reviewer", "Paul Editor")));
        assertThat(facts.format()).isEqualTo("odt");
        assertThat(facts.hyperlinks()).extracting(FoundLink::url).containsExactly("https://laws.example.org/act-12");
        assertThat(facts.hyperlinks().get(0).text()).isEqualTo("the report");
        assertThat(facts.metadata().author()).isEqualTo("Camille Martin");
        assertThat(facts.metadata().lastModifiedBy()).isEqualTo("Jean Dupont");
        assertThat(facts.metadata().commentAuthors()).containsExactly("Ana Reviewer");
        assertThat(facts.metadata().revisionAuthors()).containsExactly("Paul Editor");
        assertThat(facts.metadata().customProperties()).containsExactly(new Property("Client", "ODH-2023-17"));
    }

    @Test
    void readsTheOlePropertySetsOfADoc() throws Exception {
        DocumentFacts facts = EXTRACTOR.extract(file(TestDocuments.oleWithProperties("Camille Martin", "Jean Dupont",
                "Observatoire des droits humains", "Directrice ODH")));
        assertThat(facts.format()).isEqualTo("doc");
        assertThat(facts.metadata().author()).isEqualTo("Camille Martin");
        assertThat(facts.metadata().lastModifiedBy()).isEqualTo("Jean Dupont");
        assertThat(facts.metadata().company()).isEqualTo("Observatoire des droits humains");
        assertThat(facts.metadata().manager()).isEqualTo("Directrice ODH");
        assertThat(facts.metadata().customProperties()).containsExactly(new Property("Client", "ODH-2023-17"));
        assertThat(facts.notes()).isNotEmpty();
    }

    @Test
    void aPartWithADtdIsUnreadableNotExpanded() throws Exception {
        byte[] core = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">&a;</cp:coreProperties>"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] rels = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
                </Relationships>""".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "dtd", Map.of("_rels/.rels", rels, "docProps/core.xml", core));
        assertThatThrownBy(() -> EXTRACTOR.extract(file(docx))).isInstanceOf(FactsExtractor.UnreadableException.class);
    }

    @Test
    void otherFormatsGiveANoteNotFacts() throws Exception {
        DocumentFacts facts = EXTRACTOR.extract(file("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(facts.format()).isNull();
        assertThat(facts.notes()).isNotEmpty();
    }

    private Path file(byte[] content) throws Exception {
        Path file = Files.createTempFile(dir, "doc-", ".bin");
        Files.write(file, content);
        return file;
    }
}
