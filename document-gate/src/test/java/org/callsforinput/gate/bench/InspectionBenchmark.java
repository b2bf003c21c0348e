package org.callsforinput.gate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.gate.inspection.DocumentInspector;
import org.callsforinput.gate.inspection.InspectionConfig;

/**
 * The document gate's content checks on a large .docx, the upload's hot path (docs/benchmarks.md, "Document gate").
 * Not a test: run by hand with the test classpath, {@code java ... InspectionBenchmark [MiB] [dir]}. Builds a Word
 * package of about the given size (default 1000 MiB) as Word writes one: a text main part of 20 MiB with fields and
 * hyperlinks, and deflated images (random bytes, so they barely compress), then inspects it three times and prints
 * each time, the rate, the heap used, and for comparison the time of a plain sequential read of the same file.
 */
public final class InspectionBenchmark {

    record Limits(int maxEntries, int maxCompressionRatio, long maxUnpackedBytes) implements InspectionConfig {
    }

    public static void main(String[] args) throws IOException {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path file = Files.createTempFile(dir, "bench-", ".docx");
        try {
            long built = System.nanoTime();
            write(file, mib);
            System.out.printf("built %s: %d MiB in %.1f s%n", file.getFileName(), Files.size(file) >> 20, (System.nanoTime() - built) / 1e9);
            DocumentInspector inspector = new DocumentInspector(new Limits(10_000, 100, 2L << 30));
            for (int run = 1; run <= 3; run++) {
                System.gc();
                long heapBefore = usedHeap();
                long start = System.nanoTime();
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                DocumentFormat format = inspector.inspect(file, DocumentFormat.DOCX);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
                System.out.printf("run %d: %s in %.2f s (cpu %.2f s), %.0f MiB/s, heap +%d MiB%n", run, format, seconds, cpu,
                        (Files.size(file) >> 20) / seconds, Math.max(0, usedHeap() - heapBefore) >> 20);
            }
            long start = System.nanoTime();
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(file)) {
                while (in.read(buffer) >= 0) {
                    // reading only
                }
            }
            System.out.printf("plain read of the file: %.2f s%n", (System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void write(Path file, int mib) throws IOException {
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(out, 1 << 16))) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Default Extension="png" ContentType="image/png"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            int images = Math.max(1, (mib - 20) / 8);
            StringBuilder rels = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.org/" TargetMode="External"/>
                    """);
            for (int i = 0; i < images; i++) {
                rels.append("<Relationship Id=\"rIdImg").append(i)
                        .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image")
                        .append(i).append(".png\"/>\n");
            }
            put(zip, "word/_rels/document.xml.rels", rels.append("</Relationships>").toString());
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
                    .getBytes(StandardCharsets.UTF_8));
            // Varied text, so that the main part compresses like prose (a few to one), not like one repeated line.
            StringBuilder words = new StringBuilder();
            for (long written = 0; written < 20L << 20;) {
                words.setLength(0);
                for (int w = 0; w < 20; w++) {
                    for (int c = 3 + random.nextInt(8); c > 0; c--) {
                        words.append((char) ('a' + random.nextInt(26)));
                    }
                    words.append(' ');
                }
                byte[] paragraph = ("<w:p><w:r><w:t xml:space=\"preserve\">" + words
                        + "</w:t></w:r><w:hyperlink r:id=\"rIdLink\"><w:r><w:t>source</w:t></w:r></w:hyperlink>"
                        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>").getBytes(StandardCharsets.UTF_8);
                zip.write(paragraph);
                written += paragraph.length;
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            byte[] image = new byte[8 << 20];
            for (int i = 0; i < images; i++) {
                random.nextBytes(image);
                zip.putNextEntry(new ZipEntry("word/media/image" + i + ".png"));
                zip.write(image);
                zip.closeEntry();
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
