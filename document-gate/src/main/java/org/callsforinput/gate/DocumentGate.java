package org.callsforinput.gate;

import java.io.IOException;
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
 * A channel first calls {@link #claim} with the name (before it reads the body, to refuse early), spools the bytes
 * to a file of its own, then calls {@link #admit} on that file. Every refusal is an {@link ApiException} with a
 * problem type of its own, worded for the person who uploaded the file; nothing here keeps or deletes anything.
 */
@ApplicationScoped
public class DocumentGate {

    public static final String UNSUPPORTED_DOCUMENT_TYPE = "unsupported-document-type";
    public static final String EMPTY_FILE = "empty-file";

    /** A file name the gate accepted, and the format it claims. */
    public record Claim(String fileName, DocumentFormat format) {
    }

    /** A document that passed: its checked name, its format (verified by content) and the media type to serve it as. */
    public record Admitted(String fileName, DocumentFormat format, String mediaType) {
    }

    /** From this size on, inspection and scan run in parallel; below it a second thread costs more than it saves. */
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
                .orElseThrow(() -> new ApiException(415, UNSUPPORTED_DOCUMENT_TYPE, "Unsupported document type",
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
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the channel's own spool file: not the uploader's fault
        }
        if (size == 0) {
            throw ApiException.badRequest(EMPTY_FILE, "The file is empty");
        }
        if (size < PARALLEL_FROM || !scanner.enabled()) {
            DocumentFormat format = inspector.inspect(file, claim.format());
            scanner.scan(file);
            return new Admitted(claim.fileName(), format, format.mediaType);
        }
        // A large file: the inspection (reads every part) and the clamd scan (sends every byte) each take seconds and
        // read the same spool file independently, so they run at the same time. The inspection's refusal wins, as
        // when they ran one after the other; the scan is always awaited, so nothing reads the file after admit returns.
        FutureTask<Void> scan = new FutureTask<>(() -> {
            scanner.scan(file);
            return null;
        });
        Thread scanning = new Thread(scan, "document-gate-scan");
        scanning.setDaemon(true);
        scanning.start();
        DocumentFormat format;
        try {
            format = inspector.inspect(file, claim.format());
        } finally {
            awaitScan(scan);
        }
        try {
            scan.get();
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

    /** Whether uploads are scanned (clamd configured); the readiness check {@code clamav} reports the same. */
    public boolean scanning() {
        return scanner.enabled();
    }
}
