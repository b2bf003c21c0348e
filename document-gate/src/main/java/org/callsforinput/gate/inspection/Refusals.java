package org.callsforinput.gate.inspection;

import java.util.Map;

import org.callsforinput.gate.DocumentFormat;
import org.callsforinput.gate.GateProblems;
import org.callsforinput.platform.problem.ApiException;

/**
 * The problems a document inspection can end in (types of {@link GateProblems}), worded for the person who uploaded
 * the file.
 */
public final class Refusals {

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
        return GateProblems.CONTENT_MISMATCH.exception(
                "The file name says " + NAMES.get(expected) + ", but the file's content " + content
                        + ". Upload the document in the format its name gives.");
    }

    static ApiException macros() {
        return GateProblems.MACRO_ENABLED.exception(
                "The document contains macros or scripts. Save it without macros (for example as .docx) and upload it again.");
    }

    static ApiException encrypted() {
        return GateProblems.ENCRYPTED.exception(
                "The document is encrypted or password-protected. Remove the protection and upload it again.");
    }

    static ApiException zipBomb(String why) {
        return GateProblems.ZIP_BOMB.exception(
                "The document cannot be accepted: " + why + ".");
    }

    static ApiException malformed(DocumentFormat expected) {
        return GateProblems.MALFORMED.exception(
                "The file could not be read as " + NAMES.get(expected) + "; it may be damaged or incomplete.");
    }

    /** The main part (what a reader opens first) is not well-formed XML: the public could download it but not open it. */
    static ApiException malformedMainPart(DocumentFormat expected, String part) {
        return GateProblems.MALFORMED.exception(
                "The file could not be read as " + NAMES.get(expected) + ": its main part (" + part
                        + ") is damaged, so a reader could not open it. Save the document again and upload it.");
    }

    static ApiException dtd(String part) {
        return GateProblems.DTD.exception(
                "The document's part " + part + " declares a document type or entities (a DTD), which office documents must"
                        + " not contain: such declarations can make a reader expand content or fetch files from elsewhere."
                        + " Save the document again from your word processor and upload it.");
    }

    /** {@code what} says what is fetched or run, such as "a template" or "a linked object (OLE)". */
    static ApiException externalReference(String what, String part) {
        return GateProblems.EXTERNAL_REFERENCE.exception(
                "The document refers to " + what + " outside itself (in " + part + "), which a reader would fetch or run"
                        + " when the document is opened. Embed the content instead of linking it (or remove it) and upload"
                        + " the document again.");
    }

    /** {@code scheme} is the link's scheme ("file", "javascript"), or null for a link to a path or a relative name. */
    static ApiException unsafeHyperlink(String scheme, String part) {
        String kind = scheme == null ? "a file path or a relative name" : "\"" + scheme + ":\"";
        return GateProblems.UNSAFE_HYPERLINK.exception(
                "The document has a link to " + kind + " (in " + part + "). Only web links (http, https) and e-mail"
                        + " links (mailto) are accepted in documents that may be published; remove or change the link and"
                        + " upload the document again.");
    }
}
