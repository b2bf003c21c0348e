package org.callsforinput.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The document formats the platform can verify by content, with their file extension and media type. */
public enum DocumentFormat {
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    DOC("doc", "application/msword"),
    PDF("pdf", "application/pdf"),
    ODT("odt", "application/vnd.oasis.opendocument.text"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public final String extension;
    public final String mediaType;

    DocumentFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public boolean isWord() {
        return this == DOCX || this == DOC;
    }

    public static Optional<DocumentFormat> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
