package org.callsforinput.gate;

import java.util.List;

import org.callsforinput.platform.problem.ProblemCatalogue;
import org.callsforinput.platform.problem.ProblemType;

/** The refusals of the document gate, the same for every channel that takes documents (intake, redacted copies, e-mail). */
public enum GateProblems implements ProblemType {

    INVALID_FILE_NAME("invalid-file-name", 400, "Invalid file name",
            "The file name is missing, too long, a path, or hides characters (control or bidirectional formatting)",
            "The file name must not be a path"),
    EMPTY_FILE("empty-file", 400, "Empty file", "The file has no bytes", "The file is empty"),
    UPLOAD_INTERRUPTED("upload-interrupted", 400, "Upload interrupted",
            "The upload's body ended or broke off before the whole file arrived; nothing was kept",
            "The upload ended before the file was complete"),
    FILE_TOO_LARGE("file-too-large", 413, "File too large",
            "The file is over its limit (the call's file limit, what is left of the submission limit, or the redacted-copy limit)",
            "The file exceeds the limit of 52428800 bytes for this submission"),
    UNSUPPORTED_DOCUMENT_TYPE("unsupported-document-type", 415, "Unsupported document type",
            "The file name's type is not one accepted for this role",
            "'Contribution ODH.pages' is not a .docx, .doc, .pdf, .odt or .xlsx file"),
    CONTENT_MISMATCH("content-mismatch", 415, "Content does not match the file type",
            "The content is not the format the file name gives",
            "The file name says a Word document (.docx), but the file's content is a PDF document (.pdf). Upload the"
                    + " document in the format its name gives."),
    MACRO_ENABLED("macro-enabled-document", 422, "Macro-enabled document", "The document contains macros or scripts",
            "The document contains macros or scripts. Save it without macros (for example as .docx) and upload it again."),
    ENCRYPTED("encrypted-document", 422, "Encrypted document", "The document is encrypted or password-protected",
            "The document is encrypted or password-protected. Remove the protection and upload it again."),
    ZIP_BOMB("zip-bomb", 422, "Document expands beyond the limits",
            "The package unpacks beyond the inspection limits (ratio, total size, entries), whatever its entries declare",
            "The document cannot be accepted: it is compressed more than 100 to 1."),
    MALFORMED("malformed-document", 422, "Unreadable document",
            "The file cannot be read in its format, or its main part is not well-formed XML",
            "The file could not be read as a Word document (.docx); it may be damaged or incomplete."),
    DTD("xml-declarations", 422, "Document type declarations in the document",
            "An XML part of the package declares a DTD or entities",
            "The document's part docProps/core.xml declares a document type or entities (a DTD), which office documents"
                    + " must not contain."),
    EXTERNAL_REFERENCE("external-reference", 422, "Document refers to outside content",
            "The document makes a reader fetch or run something outside it (remote template, linked OLE object, external"
                    + " relationship other than a hyperlink)",
            "The document refers to a template outside itself (in word/_rels/settings.xml.rels), which a reader would"
                    + " fetch or run when the document is opened."),
    UNSAFE_HYPERLINK("unsafe-hyperlink", 422, "Unsafe link in the document",
            "A hyperlink of the document is not http, https or mailto",
            "The document has a link to \"file:\" (in word/_rels/document.xml.rels). Only web links (http, https) and"
                    + " e-mail links (mailto) are accepted in documents that may be published."),
    VIRUS_FOUND("virus-found", 422, "Virus found", "The virus scanner found a signature; nothing was kept",
            "The virus scanner found Win.Test.EICAR_HDB-1 in the file; it was refused and not kept"),
    NOT_SCANNABLE("not-scannable", 422, "File cannot be scanned completely",
            "The virus scanner could not check the file whole (its size, nesting, file count or scan-time limits, with"
                    + " clamd's AlertExceedsMax); nothing was kept",
            "The virus scanner cannot check this file completely (MaxFileSize exceeds its limit); it was refused and"
                    + " not kept"),
    SCANNER_UNAVAILABLE("scanner-unavailable", 503, "Virus scanner unavailable",
            "The virus scanner is away or did not scan; nothing was kept; retry after Retry-After seconds",
            "The file could not be checked for viruses at the moment; nothing was kept. Try again later.");

    private final Definition definition;

    GateProblems(String slug, int status, String title, String when, String example) {
        this.definition = new Definition(slug, status, title, when, example);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** Lists this catalogue for {@link ProblemCatalogue#all()}. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<GateProblems> types() {
            return List.of(values());
        }
    }
}
