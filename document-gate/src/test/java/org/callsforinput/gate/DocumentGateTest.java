package org.callsforinput.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.callsforinput.gate.inspection.DocumentInspector;
import org.callsforinput.gate.inspection.InspectionConfig;
import org.callsforinput.gate.scan.ScanConfig;
import org.callsforinput.gate.scan.VirusScanner;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.testing.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The API a channel calls: claim by name, then admit the spooled bytes (scanning off here; VirusScannerTest has clamd). */
class DocumentGateTest {

    record Limits(int maxEntries, int maxCompressionRatio, long maxUnpackedBytes) implements InspectionConfig {
    }

    record NoScanner(Optional<String> host, int port, Duration timeout, Duration verdictTimeout, int chunkSize)
            implements ScanConfig {

        @Override
        public Scanning scanning() {
            return Scanning.OFF;
        }
    }

    static final List<DocumentFormat> REDACTION = List.of(DocumentFormat.DOCX, DocumentFormat.DOC, DocumentFormat.PDF, DocumentFormat.ODT);

    final DocumentGate gate = new DocumentGate(new DocumentInspector(new Limits(10_000, 100, 1L << 30)),
            new VirusScanner(new NoScanner(Optional.empty(), 3310, Duration.ofSeconds(1), Duration.ofSeconds(1), 1 << 20),
                    new SimpleMeterRegistry()));

    @TempDir
    Path dir;

    @Test
    void admitsAClaimedDocumentWithItsCheckedNameAndMediaType() throws IOException {
        DocumentGate.Claim claim = gate.claim(" Contribution (redacted).DOCX ", REDACTION);
        assertThat(claim).isEqualTo(new DocumentGate.Claim("Contribution (redacted).DOCX", DocumentFormat.DOCX));
        DocumentGate.Admitted admitted = gate.admit(spool(TestDocuments.docx("ok")), claim);
        assertThat(admitted.fileName()).isEqualTo("Contribution (redacted).DOCX");
        assertThat(admitted.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(gate.scanning()).isFalse();
    }

    @Test
    void refusesAFormatTheChannelDoesNotAcceptNamingTheAcceptedOnes() {
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> gate.claim("figures.xlsx", REDACTION));
        assertThat(refusal.status()).isEqualTo(415);
        assertThat(refusal.slug()).isEqualTo("unsupported-document-type");
        assertThat(refusal.getMessage()).isEqualTo("'figures.xlsx' is not a .docx, .doc, .pdf or .odt file");
        assertThat(catchThrowableOfType(ApiException.class, () -> gate.claim("notes", REDACTION)).status()).isEqualTo(415);
    }

    @Test
    void refusesAnEmptyFileAndContentThatIsNotTheClaimedFormat() throws IOException {
        DocumentGate.Claim claim = gate.claim("a.pdf", REDACTION);
        ApiException empty = catchThrowableOfType(ApiException.class, () -> gate.admit(spool(new byte[0]), claim));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.slug()).isEqualTo("empty-file");
        Path docx = spool(TestDocuments.docx("x"));
        ApiException mismatch = catchThrowableOfType(ApiException.class, () -> gate.admit(docx, claim));
        assertThat(mismatch.slug()).isEqualTo("content-mismatch");
    }

    @Test
    void appliesTheFileNameRuleFirst() {
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> gate.claim("report\u202Excod.docx", REDACTION));
        assertThat(refusal.slug()).isEqualTo("invalid-file-name");
    }

    private Path spool(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "spool", ".bin");
        Files.write(file, content);
        return file;
    }
}
