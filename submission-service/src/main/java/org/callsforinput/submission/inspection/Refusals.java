package org.callsforinput.submission.inspection;

import java.util.Map;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.submission.entity.DocumentFormat;

/** The problems a document inspection can end in, worded for the person who uploaded the file. */
final class Refusals {

    static final String CONTENT_MISMATCH = "content-mismatch";
    static final String MACRO_ENABLED = "macro-enabled-document";
    static final String ENCRYPTED = "encrypted-document";
    static final String ZIP_BOMB = "zip-bomb";
    static final String MALFORMED = "malformed-document";

    private static final Map<DocumentFormat, String> NAMES = Map.of(
            DocumentFormat.DOCX, "a Word document (.docx)",
            DocumentFormat.DOC, "a Word 97-2003 document (.doc)",
            DocumentFormat.PDF, "a PDF document (.pdf)",
            DocumentFormat.ODT, "an OpenDocument text (.odt)",
            DocumentFormat.XLSX, "an Excel workbook (.xlsx)");

    private Refusals() {
    }

    /** The content is not what the file name says; {@code found} is null when it is none of the known formats. */
    static ApiException mismatch(DocumentFormat expected, DocumentFormat found) {
        String content = found == null ? "is not" : "is " + NAMES.get(found);
        return new ApiException(415, CONTENT_MISMATCH, "Content does not match the file type",
                "The file name says " + NAMES.get(expected) + ", but the file's content " + content
                        + ". Upload the document in the format its name gives.");
    }

    static ApiException macros() {
        return new ApiException(422, MACRO_ENABLED, "Macro-enabled document",
                "The document contains macros or scripts. Save it without macros (for example as .docx) and upload it again.");
    }

    static ApiException encrypted() {
        return new ApiException(422, ENCRYPTED, "Encrypted document",
                "The document is encrypted or password-protected. Remove the protection and upload it again.");
    }

    static ApiException zipBomb(String why) {
        return new ApiException(422, ZIP_BOMB, "Document expands beyond the limits",
                "The document cannot be accepted: " + why + ".");
    }

    static ApiException malformed(DocumentFormat expected) {
        return new ApiException(422, MALFORMED, "Unreadable document",
                "The file could not be read as " + NAMES.get(expected) + "; it may be damaged or incomplete.");
    }
}
