package org.callsforinput.gate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.gate.inspection.DocumentInspector;
import org.callsforinput.gate.scan.VirusScanner;
import org.callsforinput.platform.problem.ApiException;

/**
 * The one gate every byte that can become public passes, whatever channel brought it (the intake's streamed and
 * presigned uploads, review-service's redacted copies, later channels): the file-name rule, the format the name claims
 * among those the channel accepts, the content checks of that format, then the virus scan.
 * <p>
 * A channel first calls {@link #claim} with the name (before it reads the body, to refuse early), then
 * {@link #begin} and passes every byte through the admission's sink while it stores and spools them, then calls
 * {@link Admission#admit} on the spool file ({@link #admit} does both for a file that is already complete). Every
 * refusal is an {@link ApiException} with a problem type of its own, worded for the person who uploaded the file;
 * nothing here keeps or deletes anything.
 */
@ApplicationScoped
public class DocumentGate {


    /** A file name the gate accepted, and the format it claims. */
    public record Claim(String fileName, DocumentFormat format) {
    }

    /** A document that passed: its checked name, its format (verified by content) and the media type to serve it as. */
    public record Admitted(String fileName, DocumentFormat format, String mediaType) {
    }

    /**
     * From this size on, the scan is fed while the bytes arrive and the inspection and clamd's verdict run in
     * parallel; below it a second thread and a connection held during the upload cost more than they save.
     */
    private static final long PARALLEL_FROM = 4L << 20;

    private final DocumentInspector inspector;
    private final VirusScanner scanner;

    public DocumentGate(DocumentInspector inspector, VirusScanner scanner) {
        this.inspector = inspector;
        this.scanner = scanner;
    }

    /**
     * The file-name rule ({@link FileNames#check}) and the format the name's extension claims, which must be one of
     * {@code accepted}.
     *
     * @throws ApiException 400 {@code invalid-file-name}; 415 {@code unsupported-document-type}
     */
    public Claim claim(String fileName, Collection<DocumentFormat> accepted) {
        String name = FileNames.check(fileName);
        DocumentFormat format = DocumentFormat.ofFileName(name).filter(accepted::contains)
                .orElseThrow(() -> GateProblems.UNSUPPORTED_DOCUMENT_TYPE.exception(
                        "'" + name + "' is not a " + extensions(accepted) + " file"));
        return new Claim(name, format);
    }

    /**
     * Checks the spooled {@code file} against its {@code claim}: not empty, the claimed format by content with the
     * refusals of {@link DocumentInspector#inspect}, then the virus scan ({@link VirusScanner#scan}).
     *
     * @throws ApiException 400 {@code empty-file}; 415/422 from the inspector; 422 {@code virus-found}; 503
     *         {@code scanner-unavailable}
     */
    public Admitted admit(Path file, Claim claim) {
        try (Admission admission = new Admission(claim, null)) {
            return admission.admit(file);
        }
    }

    /**
     * Starts the checks of a document whose bytes are about to arrive: the channel writes every byte to
     * {@link Admission#sink()} as it passes (while it stores and spools them), then calls {@link Admission#admit} on
     * the spool file. A large document (from 4 MiB, or of unknown size) is sent to clamd while it arrives, so its scan
     * costs no second read; a small one is scanned from the spool file in {@code admit}, so that no clamd connection
     * waits on a slow uploader. Close the admission in every case (try-with-resources): that aborts an unfinished scan.
     *
     * @param expectedSize the announced size, negative when unknown
     * @throws ApiException 503 {@code scanner-unavailable} when clamd cannot be reached for a streamed scan
     */
    public Admission begin(Claim claim, long expectedSize) {
        boolean streamed = scanner.enabled() && (expectedSize < 0 || expectedSize >= PARALLEL_FROM);
        return new Admission(claim, streamed ? scanner.start(expectedSize, claim.fileName()) : null);
    }

    /** The checks of one document in progress; see {@link #begin}. Not thread-safe: one channel's thread. */
    public final class Admission implements AutoCloseable {

        private final Claim claim;
        private final VirusScanner.Scan streamed;

        private Admission(Claim claim, VirusScanner.Scan streamed) {
            this.claim = claim;
            this.streamed = streamed;
        }

        /** Where the channel writes the document's bytes as they pass; never fails (a scanner failure is kept). */
        public OutputStream sink() {
            return streamed == null ? OutputStream.nullOutputStream() : streamed;
        }

        /**
         * Checks the spooled {@code file} (the same bytes that went through {@link #sink()}): not empty, the claimed
         * format by content with the refusals of {@link DocumentInspector#inspect}, and the virus scan's verdict.
         * From 4 MiB the inspection and the scan (clamd's verdict on the streamed bytes, or sending the file) run at
         * the same time; the inspection's refusal wins, as when they ran one after the other, and the scan is always
         * awaited, so no scan is pending once this returns.
         *
         * @throws ApiException 400 {@code empty-file}; 415/422 from the inspector; 422 {@code virus-found}; 503
         *         {@code scanner-unavailable}
         */
        public Admitted admit(Path file) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the channel's own spool file: not the uploader's fault
            }
            if (size == 0) {
                throw GateProblems.EMPTY_FILE.exception("The file is empty");
            }
            Runnable scan = streamed == null ? () -> scanner.scan(file) : streamed::verdict;
            if (size < PARALLEL_FROM || !scanner.enabled()) {
                DocumentFormat format = inspector.inspect(file, claim.format());
                scan.run();
                return new Admitted(claim.fileName(), format, format.mediaType);
            }
            FutureTask<Void> scanning = new FutureTask<>(scan, null);
            Thread thread = new Thread(scanning, "document-gate-scan");
            thread.setDaemon(true);
            thread.start();
            DocumentFormat format;
            try {
                format = inspector.inspect(file, claim.format());
            } finally {
                awaitScan(scanning);
            }
            try {
                scanning.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while scanning", e);
            }
            return new Admitted(claim.fileName(), format, format.mediaType);
        }

        /** Aborts a streamed scan that has no verdict yet. */
        @Override
        public void close() {
            if (streamed != null) {
                streamed.close();
            }
        }
    }

    private static void awaitScan(FutureTask<Void> scan) {
        boolean interrupted = false;
        while (!scan.isDone()) {
            try {
                scan.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** ".docx, .doc or .pdf" */
    private static String extensions(Collection<DocumentFormat> formats) {
        java.util.List<String> names = formats.stream().map(f -> "." + f.extension).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Whether uploads are scanned (scanning not turned off); the health check {@code clamav} says the same. */
    public boolean scanning() {
        return scanner.enabled();
    }
}
