package org.callsforinput.review;

import java.util.List;

import org.callsforinput.platform.problem.ProblemCatalogue;
import org.callsforinput.platform.problem.ProblemType;

/** The problem types of review-service's own refusals (the platform's and the document gate's come on top). */
public enum ReviewProblems implements ProblemType {

    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter",
            "A query parameter is not one of its values, not a UUID or not a boolean",
            "Query parameter 'status' must be one of [NEW, IN_SCREENING, SCREENED, DECIDED, PUBLISHED, NOT_PUBLISHED, WITHDRAWN]"),
    INVALID_SORT("invalid-sort", 400, "Invalid sort",
            "The sort parameter names no sortable field",
            "Sort by one of [country, receivedAt, reference], with a leading '-' for descending order"),
    INVALID_REASON_CODE("invalid-reason-code", 400, "Invalid reason code",
            "A screening reason code does not fit the mandate answer",
            "A case within the mandate takes the reason code WITHIN_MANDATE"),
    NOTHING_TO_COMPLETE("nothing-to-complete", 400, "Nothing to complete",
            "A metadata completion names none of submitterCategory, country and organisationName",
            "Give a submitterCategory, a country, an organisationName or several"),
    UNKNOWN_TAG("unknown-tag", 400, "Unknown tag",
            "A tag is not one of the call's thematic areas",
            "Not thematic areas of call emler-2023-racial-justice: [policing]"),
    NOT_ASSIGNEE("not-assignee", 403, "Not the assignee",
            "Only the case's assignee or a coordinator may act on it",
            "Only the case's assignee or a coordinator may do this; claim the case first"),
    OWN_PROPOSAL("own-proposal", 403, "Own proposal",
            "A coordinator approves a decision to publish they proposed themselves",
            "A decision to publish needs the approval of a coordinator other than its proposer"),
    ALREADY_ASSIGNED("already-assigned", 409, "Already assigned",
            "The case is assigned to another reviewer",
            "Case EMLER-2023-0042 is assigned to reviewer2"),
    CONFLICT_OF_INTEREST("conflict-of-interest", 409, "Conflict of interest",
            "The reviewer declared a conflict of interest with the case's organisation or country",
            "reviewer1 declared a conflict of interest with organisation Observatoire des droits humains"),
    CONFLICT_ALREADY_DECLARED("conflict-already-declared", 409, "Conflict already declared",
            "The reviewer already declared this conflict of interest",
            "Already declared: COUNTRY FR"),
    CASE_CLOSED("case-closed", 409, "Case closed",
            "The case is published, not published or withdrawn and takes no more changes",
            "Case EMLER-2023-0042 is WITHDRAWN"),
    INVALID_TRANSITION("invalid-transition", 409, "Invalid transition",
            "The action does not apply in the case's status",
            "Cannot decide case EMLER-2023-0042 while it is NEW"),
    NOT_SCREENED("not-screened", 409, "Not screened",
            "A decision on a case that was not screened",
            "Case EMLER-2023-0042 must be screened before a decision"),
    DECISION_CONTRADICTS_SCREENING("decision-contradicts-screening", 409, "Decision contradicts screening",
            "The decision contradicts the screening's mandate answer",
            "Decision OUT_OF_MANDATE contradicts the screening (within the mandate)"),
    METADATA_ALREADY_SET("metadata-already-set", 409, "Metadata already set",
            "A metadata completion names a field that already has a value",
            "Case EMLER-2023-0042 already has this metadata; only missing fields can be filled in"),
    CALL_UNKNOWN("call-unknown", 409, "Call not known yet",
            "The case's call has not reached review-service yet, so tags cannot be checked",
            "The call of case EMLER-2023-0042 is not known here yet: tags cannot be checked"),
    CONSENT_FORBIDS_PUBLICATION("consent-forbids-publication", 409, "Consent forbids publication",
            "A decision to publish a contribution whose contributor did not consent to publication",
            "The contributor did not consent to publication: decide CONSIDER_WITHOUT_PUBLISHING or OUT_OF_MANDATE"),
    NO_REDACTED_COPY("no-redacted-copy", 409, "No redacted copy",
            "PUBLISH_REDACTED without a redacted copy of any document",
            "Upload a redacted copy of a document before deciding PUBLISH_REDACTED"),
    IDENTIFYING_METADATA("identifying-metadata", 409, "Identifying metadata",
            "Publishing without naming the submitter, with documents that still carry identifying metadata",
            "Case EMLER-2023-0042 is to be published without naming its submitter, but these documents would be published with their embedded metadata (author, company, comment and revision authors): contribution.docx. Make a metadata-cleaned copy of each"),
    DOCUMENTS_NOT_VERIFIED("documents-not-verified", 409, "Documents not verified",
            "A document has not passed its integrity check (SHA-256 taken at intake)",
            "Every document must have passed its integrity check (SHA-256 taken at intake) before publication"),
    DOCUMENT_INTEGRITY("document-integrity", 409, "Document integrity",
            "The stored object no longer has the SHA-256 taken at intake",
            "The stored object of document 0bf49d07-74cd-4f84-b57c-b1d8b8f664d6 no longer has the SHA-256 taken at intake (see its integrity)"),
    CONSENT_NAMES_SUBMITTER("consent-names-submitter", 409, "Consent names the submitter",
            "A metadata-cleaned copy for a case whose contributor chose to be named",
            "The contributor of case EMLER-2023-0042 chose PUBLISH_IN_FULL: its documents are published as received (or redacted), so no metadata-cleaned copy is made"),
    DOCUMENT_NOT_CLEANABLE("document-not-cleanable", 409, "Document not cleanable",
            "The platform cleans the metadata of .docx documents only",
            "The platform removes metadata from Word (.docx) documents only; this is a PDF document. For .doc, .pdf and .odt documents, upload a redacted copy without identifying metadata"),
    CLEANING_INCOMPLETE("cleaning-incomplete", 409, "Cleaning incomplete",
            "The cleaned copy still shows identifying metadata",
            "The cleaned copy of document 0bf49d07-74cd-4f84-b57c-b1d8b8f664d6 still shows identifying metadata [author]: upload a redacted copy without it instead"),
    STALE_VERSION("stale-version", 412, "Stale version",
            "If-Match names a version of the case other than its current one: reload it and retry",
            "Case EMLER-2023-0042 is at version 4, not 3: reload it and retry"),
    VERSION_REQUIRED("version-required", 428, "Version required",
            "A change to a case without If-Match",
            "Send the case's ETag (from GET /cases/{id}) in If-Match, so that a concurrent change is not overwritten");

    private final Definition definition;

    ReviewProblems(String slug, int status, String title, String when, String example) {
        this.definition = new Definition(slug, status, title, when, example);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** Lists this catalogue for {@link ProblemCatalogue#all()}. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<ReviewProblems> types() {
            return List.of(values());
        }
    }
}
