package org.callsforinput.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import org.callsforinput.web.api.ServiceException;
import org.callsforinput.web.api.ValidationMessage;
import org.callsforinput.web.pages.Pages;
import org.callsforinput.web.pages.ProblemTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The services' refusals in the user's language: each problem type the secretariat meets (docs/api.md) and each kind
 * of field message has a text of the console's; for any other the service's own words are shown, marked as such.
 */
@RequestScoped
public class Problems implements ProblemTexts {

    private final Msg msg;
    private final ProblemMsg problem;

    public Problems(Pages pages) {
        this.msg = MessageBundles.get(Msg.class, Localized.Literal.of(pages.lang()));
        this.problem = MessageBundles.get(ProblemMsg.class, Localized.Literal.of(pages.lang()));
    }

    Msg msg() {
        return msg;
    }

    @Override
    public String describe(ServiceException e) {
        String text = text(e.problemType());
        if (text != null) {
            return text;
        }
        return e.detail().isBlank() ? msg.error_refused_title() : msg.service_said(e.detail());
    }

    /** For a page's notice: the refusal, then each field's error. */
    List<String> explain(ServiceException e) {
        List<String> all = new ArrayList<>();
        all.add(describe(e));
        fieldErrors(e).forEach((field, message) -> all.add(field.isBlank() ? message : field + ": " + message));
        return all;
    }

    /** The refusal's field errors, each in the user's language when it is a kind of message the console knows. */
    Map<String, String> fieldErrors(ServiceException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> errors.put(field, validation(message)));
        return errors;
    }

    private String validation(String message) {
        return ValidationMessage.of(message).map(kind -> switch (kind) {
            case REQUIRED -> problem.validation_required();
            case EMAIL -> problem.validation_email();
            case SIZE -> problem.validation_size();
            case RANGE -> problem.validation_range();
            case COUNTRY -> problem.validation_country();
            case LANGUAGE -> problem.validation_language();
            case LANGUAGE_KEY -> problem.validation_language_key();
            case SLUG -> problem.validation_slug();
            case CODE -> problem.validation_code();
            case CONTROL -> problem.validation_control();
        }).orElse(message);
    }

    private String text(String type) {
        return switch (type) {
            case "invalid-parameter" -> problem.invalid_parameter();
            case "invalid-sort" -> problem.invalid_sort();
            case "invalid-reason-code" -> problem.invalid_reason_code();
            case "nothing-to-complete" -> problem.nothing_to_complete();
            case "unknown-tag" -> problem.unknown_tag();
            case "not-assignee" -> problem.not_assignee();
            case "own-proposal" -> problem.own_proposal();
            case "already-assigned" -> problem.already_assigned();
            case "conflict-of-interest" -> problem.conflict_of_interest();
            case "conflict-already-declared" -> problem.conflict_already_declared();
            case "case-closed" -> problem.case_closed();
            case "invalid-transition" -> problem.invalid_transition();
            case "not-screened" -> problem.not_screened();
            case "decision-contradicts-screening" -> problem.decision_contradicts_screening();
            case "metadata-already-set" -> problem.metadata_already_set();
            case "call-unknown" -> problem.call_unknown();
            case "consent-forbids-publication" -> problem.consent_forbids_publication();
            case "no-redacted-copy" -> problem.no_redacted_copy();
            case "identifying-metadata" -> problem.identifying_metadata();
            case "documents-not-verified" -> problem.documents_not_verified();
            case "document-integrity" -> problem.document_integrity();
            case "consent-names-submitter" -> problem.consent_names_submitter();
            case "document-not-cleanable" -> problem.document_not_cleanable();
            case "cleaning-incomplete" -> problem.cleaning_incomplete();
            case "version-required" -> problem.version_required();
            case "invalid-file-name" -> problem.invalid_file_name();
            case "empty-file" -> problem.empty_file();
            case "upload-interrupted" -> problem.upload_interrupted();
            case "file-too-large" -> problem.file_too_large();
            case "unsupported-document-type" -> problem.unsupported_document_type();
            case "content-mismatch" -> problem.content_mismatch();
            case "macro-enabled-document" -> problem.macro_enabled_document();
            case "encrypted-document" -> problem.encrypted_document();
            case "zip-bomb" -> problem.zip_bomb();
            case "malformed-document" -> problem.malformed_document();
            case "xml-declarations" -> problem.xml_declarations();
            case "external-reference" -> problem.external_reference();
            case "unsafe-hyperlink" -> problem.unsafe_hyperlink();
            case "virus-found" -> problem.virus_found();
            case "not-scannable" -> problem.not_scannable();
            case "call-immutable" -> problem.call_immutable();
            case "invalid-language" -> problem.invalid_language();
            case "invalid-time-zone" -> problem.invalid_time_zone();
            case "invalid-call-dates" -> problem.invalid_call_dates();
            case "invalid-late-policy" -> problem.invalid_late_policy();
            case "duplicate-theme" -> problem.duplicate_theme();
            case "invalid-document-types" -> problem.invalid_document_types();
            case "invalid-size-limits" -> problem.invalid_size_limits();
            case "call-slug-taken" -> problem.call_slug_taken();
            case "intake-email-taken" -> problem.intake_email_taken();
            case "invalid-call-transition" -> problem.invalid_call_transition();
            case "invalid-webhook-url" -> problem.invalid_webhook_url();
            case "webhook-target-refused" -> problem.webhook_target_refused();
            case "delivery-in-progress" -> problem.delivery_in_progress();
            case "validation-failed" -> problem.validation_failed();
            case "malformed-request" -> problem.malformed_request();
            case "nul-character" -> problem.nul_character();
            case "invalid-country" -> problem.invalid_country();
            case "request-too-large" -> problem.request_too_large();
            default -> null;
        };
    }
}
