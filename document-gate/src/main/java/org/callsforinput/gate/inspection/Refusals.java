package org.callsforinput.gate.inspection;

import java.util.Map;

import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.platform.problem.ApiException;

/**
 * The problems a document inspection can end in, worded for the person who uploaded the file. The slugs are the
 * problem types every channel's catalogue lists for its uploads.
 */
public final class Refusals {

    public static final String CONTENT_MISMATCH = "content-mismatch";
    public static final String MACRO_ENABLED = "macro-enabled-document";
    public static final String ENCRYPTED = "encrypted-document";
    public static final String ZIP_BOMB = "zip-bomb";
    public static final String MALFORMED = "malformed-document";
    public static final String DTD = "xml-declarations";
    public static final String EXTERNAL_REFERENCE = "external-reference";
    public static final String UNSAFE_HYPERLINK = "unsafe-hyperlink";

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

    /** The main part (what a reader opens first) is not well-formed XML: the public could download it but not open it. */
    static ApiException malformedMainPart(DocumentFormat expected, String part) {
        return new ApiException(422, MALFORMED, "Unreadable document",
                "The file could not be read as " + NAMES.get(expected) + ": its main part (" + part
                        + ") is damaged, so a reader could not open it. Save the document again and upload it.");
    }

    static ApiException dtd(String part) {
        return new ApiException(422, DTD, "Document type declarations in the document",
                "The document's part " + part + " declares a document type or entities (a DTD), which office documents must"
                        + " not contain: such declarations can make a reader expand content or fetch files from elsewhere."
                        + " Save the document again from your word processor and upload it.");
    }

    /** {@code what} says what is fetched or run, such as "a template" or "a linked object (OLE)". */
    static ApiException externalReference(String what, String part) {
        return new ApiException(422, EXTERNAL_REFERENCE, "Document refers to outside content",
                "The document refers to " + what + " outside itself (in " + part + "), which a reader would fetch or run"
                        + " when the document is opened. Embed the content instead of linking it (or remove it) and upload"
                        + " the document again.");
    }

    /** {@code scheme} is the link's scheme ("file", "javascript"), or null for a link to a path or a relative name. */
    static ApiException unsafeHyperlink(String scheme, String part) {
        String kind = scheme == null ? "a file path or a relative name" : "\"" + scheme + ":\"";
        return new ApiException(422, UNSAFE_HYPERLINK, "Unsafe link in the document",
                "The document has a link to " + kind + " (in " + part + "). Only web links (http, https) and e-mail"
                        + " links (mailto) are accepted in documents that may be published; remove or change the link and"
                        + " upload the document again.");
    }
}
