package org.callsforinput.portal.web;

import jakarta.enterprise.context.RequestScoped;

import org.callsforinput.web.api.ServiceException;
import org.callsforinput.web.api.ValidationMessage;
import org.callsforinput.web.pages.Pages;
import org.callsforinput.web.pages.ProblemTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The API's reasons in the user's language: its problem types and validation messages have a text of the portal's
 * each; anything else is shown as the API wrote it.
 */
@RequestScoped
public class Messages implements ProblemTexts {

    private final Msg msg;

    public Messages(Pages pages) {
        this.msg = MessageBundles.get(Msg.class, Localized.Literal.of(pages.lang()));
    }

    Msg msg() {
        return msg;
    }

    String validation(String message) {
        return ValidationMessage.of(message).map(kind -> switch (kind) {
            case REQUIRED -> msg.err_required();
            case EMAIL -> msg.err_email();
            case SIZE -> msg.err_size();
            case COUNTRY -> msg.err_country();
            case LANGUAGE -> msg.err_language();
            case CONTROL -> msg.err_control();
            default -> message;
        }).orElse(message);
    }

    /** A refusal by its problem type (docs/api.md), else the API's own words. */
    @Override
    public String describe(ServiceException e) {
        return switch (e.problemType()) {
            case "macro-enabled-document" -> msg.refused_macro();
            case "encrypted-document" -> msg.refused_encrypted();
            case "file-too-large", "submission-too-large" -> msg.refused_too_large();
            case "unsupported-document-type", "content-mismatch" -> msg.refused_type();
            case "virus-found" -> msg.refused_virus();
            case "zip-bomb", "malformed-document", "xml-declarations", "not-scannable" -> msg.refused_unreadable();
            case "external-reference", "unsafe-hyperlink" -> msg.refused_external();
            case "too-many-files" -> msg.refused_too_many();
            case "empty-file" -> msg.refused_empty();
            case "invalid-file-name" -> msg.refused_file_name();
            case "checksum-mismatch", "size-mismatch", "upload-not-found", "upload-interrupted" -> msg.refused_upload_broken();
            case "deadline-passed" -> msg.refused_deadline();
            case "call-not-open" -> msg.refused_call_closed();
            case "incomplete-submission" -> msg.refused_incomplete();
            case "invalid-country" -> msg.err_country();
            case "invalid-language" -> msg.err_language();
            case "unknown-theme" -> msg.err_theme();
            case "invalid-link" -> msg.err_link();
            case "invalid-receipt" -> msg.verify_not_genuine();
            default -> e.detail();
        };
    }
}
