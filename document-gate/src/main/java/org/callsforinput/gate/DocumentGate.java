package org.callsforinput.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

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
        DocumentFormat format = inspector.inspect(file, claim.format());
        scanner.scan(file);
        return new Admitted(claim.fileName(), format, format.mediaType);
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
