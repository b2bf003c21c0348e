package org.callsforinput.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the console's refusals, one per problem type of the services, in English; French and Spanish in messages/problem_fr.properties and problem_es.properties
 * (generated with gen/messages.py, which holds all three side by side).
 */
@MessageBundle("problem")
public interface ProblemMsg {

    @Message("A search or filter value is not valid.")
    String invalid_parameter();

    @Message("This sort order is not available.")
    String invalid_sort();

    @Message("Choose one of the listed screening reasons.")
    String invalid_reason_code();

    @Message("There is nothing to fill in: the case already has these details.")
    String nothing_to_complete();

    @Message("This tag is not one of the call’s tags.")
    String unknown_tag();

    @Message("Only the reviewer assigned to this case can do this. Claim the case first.")
    String not_assignee();

    @Message("You cannot approve or send back your own proposal: another coordinator decides.")
    String own_proposal();

    @Message("Someone else has claimed this case meanwhile.")
    String already_assigned();

    @Message("This reviewer has declared a conflict of interest with this contributor and cannot be assigned.")
    String conflict_of_interest();

    @Message("This conflict of interest is already declared.")
    String conflict_already_declared();

    @Message("This case is closed: it can no longer change.")
    String case_closed();

    @Message("This step is not possible in the case’s current state.")
    String invalid_transition();

    @Message("Screen the case before proposing a decision.")
    String not_screened();

    @Message("This decision contradicts the screening: a contribution outside the mandate cannot be published.")
    String decision_contradicts_screening();

    @Message("These details are already set.")
    String metadata_already_set();

    @Message("The call of this case is not known to the review yet. Try again in a moment.")
    String call_unknown();

    @Message("The contributor did not consent to publication.")
    String consent_forbids_publication();

    @Message("Publishing this requires a redacted copy: upload one first.")
    String no_redacted_copy();

    @Message("The document still names its author in its metadata: publish a cleaned or redacted copy.")
    String identifying_metadata();

    @Message("The documents have not been verified yet. Try again in a moment.")
    String documents_not_verified();

    @Message("A document failed its integrity check: it cannot be published.")
    String document_integrity();

    @Message("The contributor consented to publication with their name: there is nothing to remove.")
    String consent_names_submitter();

    @Message("The platform cannot clean this document: upload a redacted copy instead.")
    String document_not_cleanable();

    @Message("Cleaning left identifying metadata in the document: upload a redacted copy instead.")
    String cleaning_incomplete();

    @Message("The page was missing its version: reload it and try again.")
    String version_required();

    @Message("The file name is not allowed (control or invisible formatting characters, or too long).")
    String invalid_file_name();

    @Message("The file is empty.")
    String empty_file();

    @Message("The upload was interrupted: try again.")
    String upload_interrupted();

    @Message("The file is larger than allowed.")
    String file_too_large();

    @Message("This type of document is not accepted.")
    String unsupported_document_type();

    @Message("The file’s content does not match its type.")
    String content_mismatch();

    @Message("Documents with macros are not accepted.")
    String macro_enabled_document();

    @Message("Encrypted or password-protected documents are not accepted.")
    String encrypted_document();

    @Message("The document expands beyond the limits and cannot be accepted.")
    String zip_bomb();

    @Message("The document cannot be read: it is damaged or not what its name says.")
    String malformed_document();

    @Message("The document contains type declarations, which Word documents may not contain.")
    String xml_declarations();

    @Message("The document refers to outside content (a remote template or linked object).")
    String external_reference();

    @Message("The document contains an unsafe link.")
    String unsafe_hyperlink();

    @Message("The virus scanner found a threat in the file.")
    String virus_found();

    @Message("The file cannot be scanned completely, so it is not accepted.")
    String not_scannable();

    @Message("This field can no longer change now that the call is open.")
    String call_immutable();

    @Message("A language is not one of English, French or Spanish.")
    String invalid_language();

    @Message("This time zone is not known.")
    String invalid_time_zone();

    @Message("The call must open before its deadline.")
    String invalid_call_dates();

    @Message("Choose one of the listed late policies.")
    String invalid_late_policy();

    @Message("Two themes have the same key.")
    String duplicate_theme();

    @Message("Choose document types among those listed.")
    String invalid_document_types();

    @Message("The size limits are not valid: a file cannot be larger than a whole submission.")
    String invalid_size_limits();

    @Message("Another call already uses this address (slug).")
    String call_slug_taken();

    @Message("Another call already uses this intake e-mail address.")
    String intake_email_taken();

    @Message("The call cannot be opened or closed from its current state.")
    String invalid_call_transition();

    @Message("The address is not a valid HTTPS URL.")
    String invalid_webhook_url();

    @Message("This address is not allowed as a webhook target (a private or local network).")
    String webhook_target_refused();

    @Message("This delivery is being sent right now: wait for its answer.")
    String delivery_in_progress();

    @Message("Some fields are not valid:")
    String validation_failed();

    @Message("The request was malformed: reload the page and try again.")
    String malformed_request();

    @Message("A field contains a NUL character, which is not allowed.")
    String nul_character();

    @Message("A country is not an ISO 3166-1 code.")
    String invalid_country();

    @Message("What was sent is larger than allowed.")
    String request_too_large();

    @Message("required")
    String validation_required();

    @Message("not a valid e-mail address")
    String validation_email();

    @Message("too long or too short")
    String validation_size();

    @Message("out of the allowed range")
    String validation_range();

    @Message("not an ISO 3166-1 country code")
    String validation_country();

    @Message("not an ISO 639-1 language code")
    String validation_language();

    @Message("en, fr or es")
    String validation_language_key();

    @Message("lower-case letters, digits and dashes only")
    String validation_slug();

    @Message("upper-case letters, digits and dashes only")
    String validation_code();

    @Message("contains control or invisible formatting characters")
    String validation_control();

}
