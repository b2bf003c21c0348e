package org.callsforinput.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the portal's pages, in English; French and Spanish in messages/msg_fr.properties and msg_es.properties
 * (generated with gen/messages.py, which holds all three side by side).
 */
@MessageBundle
public interface Msg {

    @Message("Calls for input")
    String app_name();

    @Message("Skip to main content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Open calls")
    String nav_calls();

    @Message("My contributions")
    String nav_mine();

    @Message("Verify a receipt")
    String nav_verify();

    @Message("Language")
    String language_label();

    @Message("Signed in as {user}")
    String signed_in_as(Object user);

    @Message("Sign out")
    String sign_out();

    @Message("Sign in or register")
    String sign_in_or_register();

    @Message("Contributions are published in full and as received, as each contributor chooses. Contact details are never published.")
    String footer();

    @Message("Signed out")
    String signed_out_title();

    @Message("You are signed out of the portal and of the platform’s sign-in service.")
    String signed_out();

    @Message("Back to the open calls")
    String back_home();

    @Message("All open calls")
    String back_to_calls();

    @Message("My contributions")
    String back_to_mine();

    @Message("Back")
    String back();

    @Message("Open calls for input")
    String home_title();

    @Message("States, national human rights institutions, organisations, academics, UN bodies and individuals can contribute to these calls. Choose a call to see what it asks for and until when.")
    String home_intro();

    @Message("No call is open right now.")
    String home_none();

    @Message("Deadline: {deadline} ({zone})")
    String deadline_short(Object deadline, Object zone);

    @Message("Verify a receipt you were given")
    String verify_link();

    @Message("Deadline")
    String deadline_title();

    @Message("{days} days, {hours} hours and {minutes} minutes left")
    String countdown(Object days, Object hours, Object minutes);

    @Message("The deadline has passed.")
    String deadline_passed();

    @Message("This call still receives contributions; they are marked as late.")
    String late_accepted();

    @Message("This call receives late contributions for {hours} hours after the deadline; they are marked as late.")
    String late_grace(Object hours);

    @Message("This call no longer receives contributions.")
    String late_refused();

    @Message("The deadline passed while this page was open. Read what that means above, then submit again if you still want to.")
    String late_changed();

    @Message("In the call’s time zone")
    String deadline_in_call_zone();

    @Message("In UTC")
    String deadline_utc();

    @Message("In your time zone")
    String deadline_yours();

    @Message("shown when the page’s script runs")
    String deadline_yours_needs_script();

    @Message("After the deadline")
    String late_policy();

    @Message("Contributions are no longer received.")
    String late_policy_reject();

    @Message("Contributions are still received, marked as late.")
    String late_policy_flagged();

    @Message("Contributions are received for {hours} more hours, marked as late.")
    String late_policy_grace(Object hours);

    @Message("Themes")
    String themes_title();

    @Message("What is accepted")
    String accepted_title();

    @Message("The contribution")
    String accepted_main();

    @Message("Annexes")
    String accepted_annex();

    @Message("Largest file")
    String accepted_file_size();

    @Message("All files together")
    String accepted_total_size();

    @Message("Number of files")
    String accepted_files();

    @Message("Every file is checked: documents with macros, encrypted or password-protected files, files that are not what their name says and files with a virus are refused, and nothing of them is kept.")
    String accepted_checks();

    @Message("What publication means")
    String publication_title();

    @Message("You choose how your contribution may be published. The secretariat reviews every contribution against the mandate before anything is published.")
    String publication_intro();

    @Message("{#when consent}{#is 'PUBLISH_IN_FULL'}Publish in full, with our name{#is 'PUBLISH_WITHOUT_NAME'}Publish without naming us{#is 'DO_NOT_PUBLISH'}Do not publish{#else}{consent}{/when}")
    String consent_name(String consent);

    @Message("{#when consent}{#is 'PUBLISH_IN_FULL'}The documents are published as received, with your organisation’s name, country and category.{#is 'PUBLISH_WITHOUT_NAME'}The documents are published without your name; the secretariat publishes a copy cleaned of the names a Word file carries, or a redacted copy.{#is 'DO_NOT_PUBLISH'}The secretariat reads your contribution, and nothing of it is published.{#else}{consent}{/when}")
    String consent_explained(String consent);

    @Message("Unless you choose otherwise:")
    String publication_default();

    @Message("Contribute to this call")
    String contribute();

    @Message("You can also send your contribution by e-mail to")
    String or_by_email();

    @Message("This call does not receive contributions now.")
    String not_accepting();

    @Message("Published contributions to this call")
    String public_page();

    @Message("Steps of your contribution")
    String steps_label();

    @Message("{#when step}{#is 'about'}1. Who contributes{#is 'details'}2. Your contribution{#is 'documents'}3. Documents{#is 'submit'}4. Publication and submission{#else}{step}{/when}")
    String step_name(String step);

    @Message("{#when field}{#is 'organisationName'}Organisation (or your name, if you contribute as an individual){#is 'submitterCategory'}Category{#is 'country'}Country{#is 'language'}Language of the contribution{#is 'title'}Title{#is 'contactName'}Contact person{#is 'contactEmail'}Contact e-mail address{#is 'contact'}Contact{#is 'themes'}Themes your contribution addresses{#is 'summary'}Summary{#is 'links'}Links{#is 'coSubmitters'}Organisations submitting with you{#is 'consent'}Publication{#is 'file'}File{#is 'callId'}Call{#else}{field}{/when}")
    String field_name(String field);

    @Message("Nothing was saved. Please correct:")
    String form_refused();

    @Message("Your draft is saved. You can come back to it later from “My contributions”.")
    String saved();

    @Message("Save and continue")
    String save_continue();

    @Message("Save draft")
    String save_draft();

    @Message("What you typed here before was not saved yet; it is filled in again. Save it now.")
    String restored();

    @Message("Choose…")
    String choose();

    @Message("Every field is required. Your draft is saved at each step, so you can stop and come back.")
    String about_intro();

    @Message("Published with the contribution if you choose “publish in full”.")
    String organisation_hint();

    @Message("The language the contribution is written in.")
    String language_hint();

    @Message("Contact (never published)")
    String contact_legend();

    @Message("Only the secretariat sees it, to ask you questions about your contribution.")
    String contact_hint();

    @Message("{#when category}{#is 'STATE'}State{#is 'NHRI'}National human rights institution{#is 'INTERGOVERNMENTAL_OR_UN'}Intergovernmental organisation or UN body{#is 'CIVIL_SOCIETY'}Civil society organisation{#is 'ACADEMIA'}Academia{#is 'INDIVIDUAL'}Individual{#is 'OTHER'}Other{#else}{category}{/when}")
    String category_name(String category);

    @Message("A few sentences on what your contribution says (optional).")
    String summary_hint();

    @Message("Links to legislation, statistics, reports or websites that support your contribution (optional). Leave a row empty to skip it.")
    String links_hint();

    @Message("Address of link {n}")
    String link_url(Object n);

    @Message("Title of link {n}")
    String link_label(Object n);

    @Message("Kind of link {n}")
    String link_kind(Object n);

    @Message("{#when kind}{#is 'legislation'}Legislation{#is 'statistics'}Statistics{#is 'report'}Report{#is 'website'}Website{#is 'other'}Other{#else}{kind}{/when}")
    String link_kind_name(String kind);

    @Message("One organisation per line (optional).")
    String co_submitters_hint();

    @Message("Attach your contribution (a Word document) and any annexes: up to {files} files of at most {size} each.")
    String documents_intro(Object files, Object size);

    @Message("No document attached yet.")
    String documents_none();

    @Message("Attached documents")
    String documents_attached();

    @Message("File")
    String document_name();

    @Message("Role")
    String document_role();

    @Message("Size")
    String document_size();

    @Message("Check")
    String document_check();

    @Message("{#when status}{#is 'CHECKING'}Being checked (a large file is checked after it arrives): reload this page in a moment{#is 'REFUSED'}Refused: {detail} Remove it and attach another file.{#else}Passed{/when}")
    String document_status(String status, String detail);

    @Message("Actions")
    String actions();

    @Message("{#when role}{#is 'MAIN'}The contribution{#is 'ANNEX'}Annex{#else}{role}{/when}")
    String role_name(String role);

    @Message("Remove")
    String document_remove();

    @Message("Remove {name}")
    String document_remove_one(Object name);

    @Message("Add a document")
    String document_add();

    @Message("File")
    String document_file();

    @Message("Upload")
    String document_upload();

    @Message("Upload progress")
    String upload_progress();

    @Message("Preparing the file…")
    String upload_hashing();

    @Message("Sending the file…")
    String upload_sending();

    @Message("Checking the file…")
    String upload_checking();

    @Message("The upload did not complete. Nothing was kept; try again.")
    String upload_failed();

    @Message("Continue to publication and submission")
    String continue_to_submit();

    @Message("Your contribution")
    String review_title();

    @Message("When you submit, the contribution is received as it is now and cannot be changed; you get a signed receipt. You can still withdraw it later.")
    String submit_explained();

    @Message("Submit the contribution")
    String submit();

    @Message("Submit the contribution late")
    String submit_late();

    @Message("Delete this draft and its documents?")
    String draft_delete_confirm();

    @Message("Delete this draft")
    String draft_delete();

    @Message("Receipt {reference}")
    String receipt_title(Object reference);

    @Message("Your contribution was received. Keep this receipt: it proves what you sent and when.")
    String receipt_intro();

    @Message("Reference")
    String receipt_reference();

    @Message("Received")
    String receipt_received();

    @Message("On time")
    String receipt_timeliness();

    @Message("Yes, before the deadline")
    String receipt_on_time();

    @Message("Late, after the deadline")
    String receipt_late();

    @Message("Deadline")
    String receipt_deadline();

    @Message("Files received")
    String receipt_files();

    @Message("bytes")
    String bytes_unit();

    @Message("Signed proof")
    String receipt_proof();

    @Message("The platform signed this receipt. Anyone can check it on the “Verify a receipt” page, or with the platform’s public keys.")
    String receipt_proof_explained();

    @Message("Download the signed receipt")
    String receipt_download();

    @Message("Print")
    String receipt_print();

    @Message("Receipt")
    String receipt_show();

    @Message("You have no contribution yet.")
    String mine_none();

    @Message("{#when status}{#is 'DRAFT'}Draft{#is 'RECEIVED'}Received{#is 'UNDER_REVIEW'}Under review{#is 'PUBLISHED'}Published{#is 'NOT_PUBLISHED'}Not published{#is 'WITHDRAWN'}Withdrawn{#else}{status}{/when}")
    String status_name(String status);

    @Message("{#when status}{#is 'DRAFT'}Not submitted yet: only you see it.{#is 'RECEIVED'}Received; the secretariat will review it.{#is 'UNDER_REVIEW'}The secretariat is reviewing it.{#is 'PUBLISHED'}Published on the call’s public page, as you chose.{#is 'NOT_PUBLISHED'}Reviewed and not published.{#is 'WITHDRAWN'}You withdrew it; it will not be published.{#else}{status}{/when}")
    String status_explained(String status);

    @Message("Where it is")
    String timeline_title();

    @Message("read it on the public page")
    String published_link();

    @Message("Continue the draft")
    String continue_draft();

    @Message("Withdraw")
    String withdraw();

    @Message("Withdraw the contribution")
    String withdraw_title();

    @Message("Do you want to withdraw “{title}” ({reference})?")
    String withdraw_confirm(Object title, Object reference);

    @Message("A withdrawn contribution is not published, and a published one is taken off the public pages. This cannot be undone.")
    String withdraw_explained();

    @Message("Yes, withdraw it")
    String withdraw_yes();

    @Message("No, keep it")
    String withdraw_no();

    @Message("Verify a receipt")
    String verify_title();

    @Message("Paste a receipt (the signed text that starts with “ey”) or upload its .jws file to see whether the platform issued it and what it certifies.")
    String verify_intro();

    @Message("Receipt")
    String verify_paste();

    @Message("Or its file")
    String verify_upload();

    @Message("Verify")
    String verify_button();

    @Message("Genuine: the platform issued this receipt.")
    String verify_genuine();

    @Message("Not genuine: this is not a receipt signed by the platform, or it was changed.")
    String verify_not_genuine();

    @Message("Paste a receipt or choose its file.")
    String verify_empty();

    @Message("Required.")
    String err_required();

    @Message("Not an e-mail address.")
    String err_email();

    @Message("Too long, or too many.")
    String err_size();

    @Message("Choose a country from the list.")
    String err_country();

    @Message("Choose a language from the list.")
    String err_language();

    @Message("Contains characters that are not allowed (control characters or line breaks).")
    String err_control();

    @Message("A theme is not one of the call’s.")
    String err_theme();

    @Message("A link must be a web address (http or https) without a user name or password.")
    String err_link();

    @Message("Choose a file.")
    String err_choose_file();

    @Message("Refused: the document contains macros. Save it as a plain Word document (.docx) and upload it again.")
    String refused_macro();

    @Message("Refused: the document is encrypted or protected by a password. Remove the protection and upload it again.")
    String refused_encrypted();

    @Message("Refused: the file is larger than the call allows.")
    String refused_too_large();

    @Message("Refused: this type of file is not accepted for this call, or the file is not what its name says.")
    String refused_type();

    @Message("Refused: the virus scanner found a virus in the file.")
    String refused_virus();

    @Message("Refused: the file cannot be read or checked completely.")
    String refused_unreadable();

    @Message("Refused: the document refers to content outside it (a remote template, a linked object or an unsafe link).")
    String refused_external();

    @Message("Refused: the call’s maximum number of files is reached.")
    String refused_too_many();

    @Message("Refused: the file is empty.")
    String refused_empty();

    @Message("Refused: the file name is not allowed. Rename the file and upload it again.")
    String refused_file_name();

    @Message("The upload did not arrive complete. Nothing was kept; try again.")
    String refused_upload_broken();

    @Message("The deadline has passed and this call no longer receives contributions.")
    String refused_deadline();

    @Message("This call does not receive contributions now.")
    String refused_call_closed();

    @Message("The contribution is not complete: attach the contribution document (step 3) before submitting.")
    String refused_incomplete();

    @Message("Not allowed")
    String error_not_allowed_title();

    @Message("Your account cannot contribute here. The portal is for contributors; the secretariat works in its own console.")
    String error_not_allowed();

    @Message("Not found")
    String error_not_found_title();

    @Message("There is nothing here, or it is not yours to see.")
    String error_not_found();

    @Message("Temporarily unavailable")
    String error_unavailable_title();

    @Message("The platform does not answer right now. Nothing was changed, and your saved draft is kept. Try again in a minute.")
    String error_unavailable();

    @Message("Refused")
    String error_refused_title();

    @Message("Something went wrong")
    String error_failed_title();

    @Message("The page could not be shown. Nothing was changed. Try again; if it happens again, tell the secretariat.")
    String error_failed();

}
