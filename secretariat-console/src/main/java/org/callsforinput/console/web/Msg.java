package org.callsforinput.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console's pages, in English; French and Spanish in messages/msg_fr.properties and msg_es.properties
 * (generated with gen/messages.py, which holds all three side by side).
 */
@MessageBundle
public interface Msg {

    @Message("Secretariat console")
    String app_name();

    @Message("Skip to main content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Review queue")
    String nav_queue();

    @Message("Awaiting my approval")
    String nav_approvals();

    @Message("Calls for input")
    String nav_calls();

    @Message("Language")
    String language_label();

    @Message("Signed in as {user}")
    String signed_in_as(Object user);

    @Message("Sign out")
    String sign_out();

    @Message("Sign in")
    String sign_in();

    @Message("Signed out")
    String signed_out_title();

    @Message("You are signed out of the console and of the platform’s sign-in service.")
    String signed_out();

    @Message("Back to the start page")
    String back_home();

    @Message("All calls")
    String back_to_calls();

    @Message("Back to the call")
    String back_to_call();

    @Message("Back to the queue")
    String back_to_queue();

    @Message("Back to {reference}")
    String back_to_case(Object reference);

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Any")
    String any();

    @Message("None.")
    String none();

    @Message("Save")
    String save();

    @Message("late")
    String late();

    @Message("Calls for input")
    String calls_title();

    @Message("Calls, drafts first, then open and closed ones")
    String calls_caption();

    @Message("There is no call yet.")
    String calls_none();

    @Message("New call")
    String call_new();

    @Message("Create the call (as a draft)")
    String call_create();

    @Message("Edit the call")
    String call_edit();

    @Message("Open the call")
    String call_open();

    @Message("Close the call")
    String call_close();

    @Message("Public page of the call")
    String call_public_page();

    @Message("Preview the public page (opens in a new tab)")
    String call_preview();

    @Message("Title")
    String call_title();

    @Message("Title ({l})")
    String call_title_in(Object l);

    @Message("Description ({l})")
    String call_description_in(Object l);

    @Message("Address name (slug)")
    String call_slug();

    @Message("Lower-case letters, digits and dashes; the public page is /calls/<slug>.")
    String call_slug_hint();

    @Message("Reference prefix")
    String call_reference_prefix();

    @Message("Upper-case letters, digits and dashes; empty: the slug in capitals.")
    String call_reference_prefix_hint();

    @Message("Mandate")
    String call_mandate();

    @Message("The call")
    String call_identity();

    @Message("Texts in each language")
    String call_texts();

    @Message("Thematic areas")
    String call_themes();

    @Message("A key (lower-case letters, digits, dashes) and its label in each language; leave a row empty to drop it.")
    String call_themes_hint();

    @Message("One thematic area per row")
    String call_themes_caption();

    @Message("Key")
    String theme_key();

    @Message("Label ({l})")
    String theme_label_in(Object l);

    @Message("Key of thematic area {n}")
    String theme_key_row(Object n);

    @Message("Label of thematic area {n} ({l})")
    String theme_label_row(Object n, Object l);

    @Message("Dates")
    String call_schedule();

    @Message("Time zone of the call")
    String call_time_zone();

    @Message("An IANA time zone such as Europe/Zurich or America/New_York; the dates below are in it.")
    String call_time_zone_hint();

    @Message("Opens")
    String call_opens();

    @Message("Deadline")
    String call_deadline();

    @Message("The wall-clock time in the call’s time zone.")
    String call_deadline_hint();

    @Message("Now: {local}, that is {utc}.")
    String call_deadline_now(Object local, Object utc);

    @Message("Late contributions")
    String call_late_policy();

    @Message("{#when policy}{#is 'REJECT'}Refused{#is 'ACCEPT_FLAGGED'}Accepted, marked late{#is 'GRACE_PERIOD'}Accepted during a grace period{#else}{policy}{/when}")
    String late_policy_value(String policy);

    @Message("Grace period (hours)")
    String call_grace_hours();

    @Message("Documents")
    String call_documents();

    @Message("Main document types")
    String call_main_types();

    @Message("Annex types")
    String call_annex_types();

    @Message("Largest file (MB)")
    String call_max_file_mb();

    @Message("Largest contribution, all files (MB)")
    String call_max_submission_mb();

    @Message("Most files per contribution")
    String call_max_files();

    @Message("Limits")
    String call_limits();

    @Message("{files} files, {file} per file, {total} in all")
    String call_limits_value(Object files, Object file, Object total);

    @Message("Publication")
    String call_publication();

    @Message("Publication choice unless the contributor says otherwise")
    String call_publication_default();

    @Message("Address for contributions by e-mail")
    String call_intake_email();

    @Message("Mail to this address becomes contributions to this call; empty: none by e-mail.")
    String call_intake_email_hint();

    @Message("Status")
    String call_status();

    @Message("{#when status}{#is 'DRAFT'}Draft{#is 'OPEN'}Open{#is 'CLOSED'}Closed{#else}{status}{/when}")
    String call_status_value(String status);

    @Message("The call was not saved. Correct the fields below:")
    String form_refused();

    @Message("{#when consent}{#is 'PUBLISH_IN_FULL'}Publish in full{#is 'PUBLISH_WITHOUT_NAME'}Publish without naming the contributor{#is 'DO_NOT_PUBLISH'}Do not publish{#else}{consent}{/when}")
    String consent_value(String consent);

    @Message("Review queue")
    String queue_title();

    @Message("Cases matching the filters")
    String queue_caption();

    @Message("Saved views")
    String views_label();

    @Message("All cases")
    String view_all();

    @Message("{#when view}{#is 'mine'}Mine{#is 'unassigned'}Unassigned{#is 'late'}Late{#is 'awaiting-screening'}Awaiting screening{#is 'approvals'}Awaiting approval{#else}{view}{/when}")
    String view_name(String view);

    @Message("Filter the cases")
    String filters_label();

    @Message("Words (also in the documents)")
    String filter_q();

    @Message("Status")
    String filter_status();

    @Message("Assignee")
    String filter_assignee();

    @Message("Category")
    String filter_category();

    @Message("Country")
    String filter_country();

    @Message("Language")
    String filter_language();

    @Message("Thematic area")
    String filter_theme();

    @Message("Tag")
    String filter_tag();

    @Message("Late")
    String filter_late();

    @Message("Publication choice")
    String filter_consent();

    @Message("Order")
    String filter_sort();

    @Message("{#when sort}{#is '-receivedAt'}Newest first{#is 'receivedAt'}Oldest first{#is '-updatedAt'}Recently changed{#is 'reference'}Reference{#is 'organisationName'}Organisation{#is 'country'}Country{#is 'status'}Status{#else}{sort}{/when}")
    String sort_value(String sort);

    @Message("Show")
    String apply_filters();

    @Message("More than {n} cases: add words or filters to narrow the search")
    String cases_found_more(Object n);

    @Message("{#if n == 1}1 case{#else}{n} cases{/if}")
    String cases_found(Object n);

    @Message("Pages")
    String pages_label();

    @Message("Previous page")
    String previous_page();

    @Message("Next page")
    String next_page();

    @Message("{#when status}{#is 'NEW'}New{#is 'IN_REVIEW'}In review{#is 'PROPOSED'}Decision proposed{#is 'DECIDED'}Decided{#is 'WITHDRAWN'}Withdrawn{#else}{status}{/when}")
    String case_status_value(String status);

    @Message("{#when category}{#is 'STATE'}State{#is 'NHRI'}National human rights institution{#is 'INTERGOVERNMENTAL_OR_UN'}Intergovernmental or UN{#is 'CIVIL_SOCIETY'}Civil society{#is 'ACADEMIA'}Academia{#is 'INDIVIDUAL'}Individual{#is 'OTHER'}Other{#else}{category}{/when}")
    String category_value(String category);

    @Message("Reference")
    String case_reference();

    @Message("Title")
    String case_title();

    @Message("Organisation")
    String case_organisation();

    @Message("Received")
    String case_received();

    @Message("assigned to {user}")
    String case_assigned_to(Object user);

    @Message("Someone changed this case after you opened it, so your change was not saved. The case is shown as it is now: check the history and try again.")
    String case_stale();

    @Message("Your change was refused:")
    String case_refused();

    @Message("Claim this case")
    String case_claim();

    @Message("Approve the proposal")
    String case_approve();

    @Message("Send back")
    String case_send_back();

    @Message("Why it goes back")
    String case_send_back_reason();

    @Message("You proposed this decision: another coordinator approves it.")
    String case_own_proposal();

    @Message("The contribution")
    String case_submission();

    @Message("Contact")
    String case_contact();

    @Message("internal, never published")
    String case_contact_internal();

    @Message("Received through")
    String case_channel();

    @Message("Joint submission with")
    String case_co_submitters();

    @Message("Summary")
    String case_summary();

    @Message("Links")
    String case_links();

    @Message("not a web link: not made clickable")
    String link_not_followed();

    @Message("found in a document")
    String link_from_document();

    @Message("given by the contributor")
    String link_from_submitter();

    @Message("Documents")
    String case_documents();

    @Message("File (download as received)")
    String document_name();

    @Message("Role")
    String document_role();

    @Message("Size")
    String document_size();

    @Message("Integrity")
    String document_integrity();

    @Message("Extracted text")
    String document_text();

    @Message("Read the text")
    String document_read_text();

    @Message("Text extracted by the platform; language detected: {language}.")
    String text_extracted(Object language);

    @Message("Only the beginning of the text is kept.")
    String text_truncated();

    @Message("Screening")
    String case_screening();

    @Message("Within the mandate?")
    String screening_within();

    @Message("Reason code")
    String screening_reason();

    @Message("{#when reason}{#is 'WITHIN_MANDATE'}Within the mandate{#is 'OUTSIDE_THEMATIC_SCOPE'}Outside the call’s themes{#is 'OUTSIDE_MANDATE_BODY'}Outside the body’s mandate{#is 'NOT_A_CONTRIBUTION'}Not a contribution{#is 'DUPLICATE'}Duplicate{#is 'ABUSIVE_CONTENT'}Abusive content{#is 'COMMERCIAL_PROMOTION'}Commercial promotion{#is 'OTHER'}Other{#else}{reason}{/when}")
    String reason_value(String reason);

    @Message("Note")
    String screening_note();

    @Message("Tags")
    String screening_tags();

    @Message("Separated by commas.")
    String screening_tags_hint();

    @Message("Contains personal data")
    String screening_personal();

    @Message("Contains sensitive data")
    String screening_sensitive();

    @Message("Save the screening")
    String screening_save();

    @Message("Screened by")
    String screening_by();

    @Message("Propose a decision")
    String case_proposal();

    @Message("Decision")
    String proposal_decision();

    @Message("Reason")
    String proposal_reason();

    @Message("Propose")
    String proposal_send();

    @Message("{#when decision}{#is 'PUBLISH'}Publish{#is 'PUBLISH_REDACTED'}Publish a redacted copy{#is 'CONSIDER_WITHOUT_PUBLISHING'}Consider without publishing{#is 'OUT_OF_MANDATE'}Out of mandate{#else}{decision}{/when}")
    String decision_value(String decision);

    @Message("Decision")
    String case_decision();

    @Message("Proposed by")
    String decision_proposed_by();

    @Message("Approved by")
    String decision_approved_by();

    @Message("Comments")
    String case_comments();

    @Message("New comment")
    String comment_new();

    @Message("Add the comment")
    String comment_add();

    @Message("History")
    String case_history();

    @Message("When")
    String history_when();

    @Message("Who")
    String history_who();

    @Message("What")
    String history_what();

    @Message("Missing details")
    String case_metadata();

    @Message("This contribution arrived without them (by e-mail): add what the documents say.")
    String case_metadata_hint();

    @Message("Copy without identifying metadata")
    String document_cleaned();

    @Message("Redacted copy {name}")
    String document_redacted(Object name);

    @Message("Make a copy without identifying metadata")
    String document_clean();

    @Message("The contributor asked not to be named: the Word file's author, company and comment authors are removed from a copy; the original stays untouched.")
    String document_clean_hint();

    @Message("Redacted copy (Word, PDF or ODT)")
    String document_redact();

    @Message("Upload the redacted copy")
    String document_upload();

    @Message("Upload progress")
    String upload_progress();

    @Message("Select")
    String select_case();

    @Message("Select {reference}")
    String select_case_ref(Object reference);

    @Message("Claim the selected cases")
    String claim_selected();

    @Message("{claimed} cases claimed, {refused} refused (taken by someone else or changed meanwhile).")
    String claimed_result(Object claimed, Object refused);

    @Message("What the platform found in {name}")
    String document_facts(Object name);

    @Message("This document's metadata can name its author or organisation.")
    String document_identifying();

    @Message("Author")
    String meta_author();

    @Message("Last modified by")
    String meta_last_modified_by();

    @Message("Company")
    String meta_company();

    @Message("Manager")
    String meta_manager();

    @Message("Comment authors")
    String meta_comment_authors();

    @Message("Tracked-change authors")
    String meta_revision_authors();

    @Message("Custom properties")
    String meta_custom();

    @Message("Something went wrong")
    String error_failed_title();

    @Message("The console could not show this page. Nothing was changed. The error has been logged.")
    String error_failed();

    @Message("Assign to (user name)")
    String assign_to();

    @Message("Assign")
    String assign();

    @Message("{user} declared these conflicts of interest. The platform refuses the assignment if one concerns this contribution.")
    String assign_conflicts(Object user);

    @Message("Assign to {user}")
    String assign_anyway(Object user);

    @Message("Cancel")
    String cancel();

    @Message("{#when kind}{#is 'ORGANISATION'}Organisation{#is 'COUNTRY'}Country{#else}{kind}{/when}")
    String conflict_kind(String kind);

    @Message("Audit trail")
    String nav_audit();

    @Message("Audit trail verification")
    String audit_title();

    @Message("review-service re-computes the hash chain of every recorded action, in order: a changed, removed or reordered entry breaks it.")
    String audit_intro();

    @Message("The audit trail holds: {n} entries verified.")
    String audit_valid(Object n);

    @Message("The audit trail does not hold: of {n} entries, the first that fails is number {at}.")
    String audit_broken(Object n, Object at);

    @Message("Last hash")
    String audit_last_hash();

    @Message("Statistics and export")
    String call_statistics();

    @Message("Statistics: {title}")
    String statistics_title(Object title);

    @Message("{#if n == 1}1 contribution in all.{#else}{n} contributions in all.{/if}")
    String statistics_total(Object n);

    @Message("Download the cases (CSV)")
    String export_csv();

    @Message("Download the cases (JSON)")
    String export_json();

    @Message("For drafting the report: no contact details, no internal comments.")
    String export_hint();

    @Message("{#when dimension}{#is 'byStatus'}By status{#is 'late'}On time or late{#is 'byDecision'}By decision{#is 'bySubmitterCategory'}By category of contributor{#is 'byCountry'}By country{#is 'byTheme'}By thematic area{#is 'byLanguage'}By language{#is 'byConsent'}By publication choice{#else}{dimension}{/when}")
    String dimension_name(String dimension);

    @Message("Contributions")
    String chart_count();

    @Message("Bar")
    String chart_bar();

    @Message("Late")
    String late_contributions();

    @Message("On time")
    String on_time_contributions();

    @Message("Webhooks")
    String nav_webhooks();

    @Message("Webhook subscriptions")
    String webhooks_title();

    @Message("Signed notifications to the UN web site when a contribution is published or retracted (docs/webhooks.md).")
    String webhooks_intro();

    @Message("Subscriptions")
    String webhooks_caption();

    @Message("No subscription yet.")
    String webhooks_none();

    @Message("New subscription")
    String webhook_new();

    @Message("The subscription was not created:")
    String webhook_refused();

    @Message("Receiver URL")
    String webhook_url();

    @Message("https only in production; private networks are refused.")
    String webhook_url_hint();

    @Message("Events")
    String webhook_events();

    @Message("Only this call (its id)")
    String webhook_call();

    @Message("Empty: every call.")
    String webhook_call_hint();

    @Message("Description")
    String webhook_description();

    @Message("Create the subscription")
    String webhook_create();

    @Message("Webhook subscription")
    String webhook_title();

    @Message("The signing secret, shown this once: copy it to the receiver now. The console does not keep it.")
    String webhook_secret_once();

    @Message("State")
    String webhook_state();

    @Message("Active")
    String webhook_active();

    @Message("Paused")
    String webhook_paused();

    @Message("Secret rotated")
    String webhook_rotated();

    @Message("the previous secret also signs until {until}")
    String webhook_previous_until(Object until);

    @Message("Pause")
    String webhook_pause();

    @Message("Resume")
    String webhook_resume();

    @Message("Rotate the secret")
    String webhook_rotate();

    @Message("Delete")
    String webhook_delete();

    @Message("Deliveries")
    String deliveries_title();

    @Message("Deliveries by state")
    String deliveries_filter();

    @Message("No delivery.")
    String deliveries_none();

    @Message("Event")
    String delivery_event();

    @Message("Created")
    String delivery_created();

    @Message("Attempts")
    String delivery_attempts();

    @Message("Last answer")
    String delivery_last();

    @Message("Actions")
    String delivery_actions();

    @Message("Deliver again")
    String delivery_redeliver();

    @Message("Deliver {id} again")
    String delivery_redeliver_one(Object id);

    @Message("Not allowed")
    String error_not_allowed_title();

    @Message("Your account may not see this page. The console is for the secretariat: reviewers, coordinators, call managers and administrators. Ask an administrator if you need access.")
    String error_not_allowed();

    @Message("Not found")
    String error_not_found_title();

    @Message("There is nothing here, or it is not yours to see.")
    String error_not_found();

    @Message("Temporarily unavailable")
    String error_unavailable_title();

    @Message("A service the console relies on does not answer right now. Nothing was changed. Try again in a minute.")
    String error_unavailable();

    @Message("Refused")
    String error_refused_title();

    @Message("No file was chosen.")
    String no_file_chosen();

    @Message("The service said: {detail}")
    String service_said(Object detail);

}
