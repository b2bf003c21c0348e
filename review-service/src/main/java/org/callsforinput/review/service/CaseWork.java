package org.callsforinput.review.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.callsforinput.review.ReviewProblems;
import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.Outbox;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.review.audit.AuditTrail;
import org.callsforinput.review.entity.CaseComment;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCall;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.review.entity.ReviewCase.Status;
import org.callsforinput.review.entity.ReviewerConflict;
import org.callsforinput.review.entity.ScreeningReason;

import io.quarkus.logging.Log;

/**
 * The reviewer workflow on a case. Every update names the version the caller saw (If-Match): the case is locked,
 * a stale version is refused with 412, and the action is recorded in the audit trail with the state before and
 * after, in the same transaction. Refusals change nothing.
 */
@ApplicationScoped
public class CaseWork {

    /** A screening as a reviewer records it. */
    public record Screening(boolean withinMandate, ScreeningReason reasonCode, String note, List<String> tags,
            boolean personalData, boolean sensitiveData) {
    }

    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    private final AuditTrail audit;
    private final Outbox outbox;
    private final DecisionEvents decisionEvents;

    public CaseWork(AuditTrail audit, Outbox outbox, DecisionEvents decisionEvents) {
        this.audit = audit;
        this.outbox = outbox;
        this.decisionEvents = decisionEvents;
    }

    @Transactional
    public ReviewCase claim(UUID caseId, long version, Actor actor) {
        return update(caseId, version, actor, "case.claimed", c -> {
            requireOpen(c);
            if (c.assignee != null) {
                throw ReviewProblems.ALREADY_ASSIGNED.exception(
                        "Case " + c.reference + " is assigned to " + c.assignee);
            }
            requireNoConflict(c, actor.name());
            c.assignee = actor.name();
            if (c.status == Status.NEW) {
                c.status = Status.IN_REVIEW;
            }
        });
    }

    @Transactional
    public ReviewCase assign(UUID caseId, long version, Actor actor, String assignee) {
        return update(caseId, version, actor, "case.assigned", c -> {
            requireOpen(c);
            requireNoConflict(c, assignee);
            c.assignee = assignee;
            if (c.status == Status.NEW) {
                c.status = Status.IN_REVIEW;
            }
        });
    }

    @Transactional
    public ReviewCase unassign(UUID caseId, long version, Actor actor) {
        return update(caseId, version, actor, "case.unassigned", c -> {
            requireOpen(c);
            c.assignee = null;
            if (c.status == Status.IN_REVIEW) {
                c.status = Status.NEW;
            }
        });
    }

    @Transactional
    public ReviewCase screen(UUID caseId, long version, Actor actor, Screening screening) {
        return update(caseId, version, actor, "case.screened", c -> {
            requireWorker(c, actor);
            if (c.status != Status.NEW && c.status != Status.IN_REVIEW) {
                throw invalidTransition(c, "screen");
            }
            if (screening.withinMandate() != (screening.reasonCode() == ScreeningReason.WITHIN_MANDATE)) {
                throw ReviewProblems.INVALID_REASON_CODE.exception(screening.withinMandate()
                        ? "A case within the mandate takes the reason code WITHIN_MANDATE"
                        : "A case outside the mandate takes a reason code other than WITHIN_MANDATE");
            }
            List<String> tags = screening.tags() == null ? List.of() : List.copyOf(new HashSet<>(screening.tags()));
            requireCallThemes(c, tags);
            c.inMandate = screening.withinMandate();
            c.screeningReason = screening.reasonCode();
            c.screeningNote = screening.note();
            c.tags = tags.stream().sorted().toList();
            c.personalData = screening.personalData();
            c.sensitiveData = screening.sensitiveData();
            c.screenedBy = actor.name();
            c.screenedAt = Instant.now();
        });
    }

    /**
     * Fills in what the contribution arrived without (e-mail carries no category, country or organisation name). Only
     * missing fields: a value the contributor gave is theirs, and a second reviewer cannot silently change the first one's.
     */
    @Transactional
    public ReviewCase completeMetadata(UUID caseId, long version, Actor actor, SubmitterCategory category, String country,
                                       String organisationName) {
        return update(caseId, version, actor, "case.metadata-completed", c -> {
            requireWorker(c, actor);
            requireOpen(c);
            if (category == null && country == null && organisationName == null) {
                throw ReviewProblems.NOTHING_TO_COMPLETE.exception("Give a submitterCategory, a country, an organisationName or several");
            }
            if (country != null && !COUNTRIES.contains(country)) {
                throw PlatformProblems.INVALID_COUNTRY.exception("country '" + country + "' is not an ISO 3166-1 code");
            }
            if ((category != null && c.submitterCategory != null) || (country != null && c.country != null)
                    || (organisationName != null && c.organisationName != null)) {
                throw ReviewProblems.METADATA_ALREADY_SET.exception("Case " + c.reference
                        + " already has this metadata; only missing fields can be filled in");
            }
            if (category != null) {
                c.submitterCategory = category;
            }
            if (country != null) {
                c.country = country;
            }
            if (organisationName != null) {
                c.organisationName = organisationName.strip();
            }
        });
    }

    /**
     * Records a decision. One that publishes waits for a coordinator's approval (PROPOSED); the others are final
     * (DECIDED, and review.decided goes out without anything publishable).
     */
    @Transactional
    public ReviewCase decide(UUID caseId, long version, Actor actor, Decision decision, String reason) {
        return update(caseId, version, actor, decision.publishes() ? "decision.proposed" : "decision.taken", c -> {
            requireWorker(c, actor);
            if (c.status != Status.NEW && c.status != Status.IN_REVIEW) {
                throw invalidTransition(c, "decide on");
            }
            if (c.inMandate == null) {
                throw ReviewProblems.NOT_SCREENED.exception(
                        "Case " + c.reference + " must be screened before a decision");
            }
            boolean needsMandate = decision != Decision.OUT_OF_MANDATE;
            if (needsMandate != c.inMandate) {
                throw ReviewProblems.DECISION_CONTRADICTS_SCREENING.exception(
                        "Decision " + decision + " contradicts the screening ("
                        + (c.inMandate ? "within" : "outside") + " the mandate)");
            }
            List<CaseDocument> documents = CaseDocument.ofCase(c.id);
            requirePublishable(c, decision, documents);
            c.decision = decision;
            c.decisionReason = reason;
            c.proposedBy = actor.name();
            c.proposedAt = Instant.now();
            if (decision.publishes()) {
                c.status = Status.PROPOSED;
            } else {
                c.status = Status.DECIDED;
                c.decidedAt = c.proposedAt;
                outbox.publish(Topics.REVIEWS, EventTypes.REVIEW_DECIDED, c.submissionId.toString(), decisionEvents.decided(c, documents));
            }
        });
    }

    /** A coordinator who is not the proposer approves a publication decision: review.decided goes out. */
    @Transactional
    public ReviewCase approve(UUID caseId, long version, Actor actor) {
        return update(caseId, version, actor, "decision.approved", c -> {
            if (c.status != Status.PROPOSED) {
                throw invalidTransition(c, "approve a decision on");
            }
            if (actor.name().equals(c.proposedBy)) {
                throw ReviewProblems.OWN_PROPOSAL.exception(
                        "A decision to publish needs the approval of a coordinator other than its proposer");
            }
            List<CaseDocument> documents = CaseDocument.ofCase(c.id);
            requirePublishable(c, c.decision, documents);
            if (documents.stream().anyMatch(d -> d.integrity != CaseDocument.Integrity.VERIFIED)) {
                throw ReviewProblems.DOCUMENTS_NOT_VERIFIED.exception(
                        "Every document must have passed its integrity check (SHA-256 taken at intake) before publication");
            }
            c.approvedBy = actor.name();
            c.decidedAt = Instant.now();
            c.status = Status.DECIDED;
            outbox.publish(Topics.REVIEWS, EventTypes.REVIEW_DECIDED, c.submissionId.toString(), decisionEvents.decided(c, documents));
        });
    }

    /** A coordinator sends a proposed decision back: the case is worked on again. */
    @Transactional
    public ReviewCase reject(UUID caseId, long version, Actor actor, String reason) {
        return update(caseId, version, actor, "decision.rejected", c -> {
            if (c.status != Status.PROPOSED) {
                throw invalidTransition(c, "reject a decision on");
            }
            c.decision = null;
            c.decisionReason = reason;
            c.proposedBy = null;
            c.proposedAt = null;
            c.status = c.assignee == null ? Status.NEW : Status.IN_REVIEW;
        });
    }

    /** An internal comment; it does not change the case's state, so it needs no version. */
    @Transactional
    public CaseComment comment(UUID caseId, Actor actor, String body) {
        ReviewCase c = ReviewCase.<ReviewCase>findByIdOptional(caseId)
                .filter(ReviewCase::isReceived)
                .orElseThrow(() -> ApiException.notFound("Case " + caseId));
        CaseComment comment = new CaseComment();
        comment.id = UUID.randomUUID();
        comment.caseId = c.id;
        comment.author = actor.name();
        comment.body = body;
        comment.createdAt = Instant.now();
        comment.persist();
        audit.record(actor.name(), "comment.added", c.id, null, new CommentRecord(comment.id, body));
        return comment;
    }

    /** Records a redacted copy (already stored in this service's bucket) of one of the case's documents. */
    @Transactional
    public ReviewCase recordRedaction(UUID caseId, long version, Actor actor, RedactedCopy copy) {
        ReviewCase c = lockAt(caseId, version);
        requireWorker(c, actor);
        if (c.status != Status.NEW && c.status != Status.IN_REVIEW) {
            throw invalidTransition(c, "redact a document of");
        }
        CaseDocument document = CaseDocument.<CaseDocument>findByIdOptional(copy.documentId())
                .filter(d -> d.caseId.equals(c.id))
                .orElseThrow(() -> ApiException.notFound("Document " + copy.documentId()));
        RedactedCopy previous = document.isRedacted()
                ? new RedactedCopy(document.id, document.redactedKey, document.redactedFileName, document.redactedContentType,
                        document.redactedSize, document.redactedSha256)
                : null;
        document.redactedKey = copy.key();
        document.redactedFileName = copy.fileName();
        document.redactedContentType = copy.contentType();
        document.redactedSize = copy.size();
        document.redactedSha256 = copy.sha256();
        document.redactedBy = actor.name();
        document.redactedAt = Instant.now();
        c.updatedAt = document.redactedAt;
        c.flush();
        audit.record(actor.name(), "document.redacted", c.id, previous, copy);
        return c;
    }

    /** Records the metadata-cleaned copy (already stored in this service's bucket) of one of the case's documents. */
    @Transactional
    public ReviewCase recordCleanedCopy(UUID caseId, long version, Actor actor, CleanedCopy copy) {
        ReviewCase c = lockAt(caseId, version);
        requireWorker(c, actor);
        if (c.status != Status.NEW && c.status != Status.IN_REVIEW) {
            throw invalidTransition(c, "clean a document of");
        }
        requireNameless(c);
        CaseDocument document = CaseDocument.<CaseDocument>findByIdOptional(copy.documentId())
                .filter(d -> d.caseId.equals(c.id))
                .orElseThrow(() -> ApiException.notFound("Document " + copy.documentId()));
        CleanedCopy previous = document.isCleaned()
                ? new CleanedCopy(document.id, document.cleanedKey, document.cleanedSize, document.cleanedSha256, document.sha256,
                        document.cleanedFacts)
                : null;
        document.cleanedKey = copy.key();
        document.cleanedSize = copy.size();
        document.cleanedSha256 = copy.sha256();
        document.cleanedFacts = copy.facts();
        document.cleanedBy = actor.name();
        document.cleanedAt = Instant.now();
        c.updatedAt = document.cleanedAt;
        c.flush();
        audit.record(actor.name(), "document.cleaned", c.id, previous, copy);
        Log.infof("Case %s: metadata-cleaned copy of document %s by %s", c.reference, document.id, actor.name());
        return c;
    }

    /** A cleaned copy is made only for a case to be published without naming its submitter. */
    static void requireNameless(ReviewCase c) {
        if (c.consent != Consent.PUBLISH_WITHOUT_NAME) {
            throw ReviewProblems.CONSENT_NAMES_SUBMITTER.exception(
                    "The contributor of case " + c.reference + " chose " + c.consent
                    + ": its documents are published as received (or redacted), so no metadata-cleaned copy is made");
        }
    }

    /**
     * A metadata-cleaned copy as stored, with the SHA-256 of the original it was made from and its own facts (read
     * again from the bytes written).
     */
    public record CleanedCopy(UUID documentId, String key, long size, String sha256, String originalSha256,
            org.callsforinput.gate.facts.DocumentFacts facts) {
    }

    /** A redacted copy as stored: the original stays untouched in the submission bucket. */
    public record RedactedCopy(UUID documentId, String key, String fileName, String contentType, long size, String sha256) {
    }

    private record CommentRecord(UUID commentId, String body) {
    }

    /**
     * Locks the case, checks the version the caller saw, applies the change and records it. The update time is
     * always set, so that every action moves the version on.
     */
    private ReviewCase update(UUID caseId, long version, Actor actor, String action, Consumer<ReviewCase> change) {
        ReviewCase c = lockAt(caseId, version);
        CaseState before = CaseState.of(c);
        change.accept(c);
        c.updatedAt = Instant.now();
        c.flush();
        audit.record(actor.name(), action, c.id, before, CaseState.of(c));
        Log.infof("Case %s: %s by %s", c.reference, action, actor.name());
        return c;
    }

    /** The received case, locked, if it is still at the version the caller saw. */
    private static ReviewCase lockAt(UUID caseId, long version) {
        ReviewCase c = ReviewCase.lock(caseId).filter(ReviewCase::isReceived)
                .orElseThrow(() -> ApiException.notFound("Case " + caseId));
        if (c.version != version) {
            throw ReviewProblems.STALE_VERSION.exception(
                    "Case " + c.reference + " is at version " + c.version + ", not " + version + ": reload it and retry");
        }
        return c;
    }

    private static void requireOpen(ReviewCase c) {
        if (c.status == Status.DECIDED || c.status == Status.WITHDRAWN) {
            throw ReviewProblems.CASE_CLOSED.exception("Case " + c.reference + " is " + c.status);
        }
    }

    /** Reviewers work on the cases assigned to them; coordinators on any. */
    private static void requireWorker(ReviewCase c, Actor actor) {
        if (!actor.coordinator() && !actor.name().equals(c.assignee)) {
            throw ReviewProblems.NOT_ASSIGNEE.exception(
                    "Only the case's assignee or a coordinator may do this; claim the case first");
        }
    }

    private static void requireNoConflict(ReviewCase c, String reviewer) {
        ReviewerConflict.of(reviewer).stream().filter(conflict -> conflict.concerns(c)).findFirst().ifPresent(conflict -> {
            throw ReviewProblems.CONFLICT_OF_INTEREST.exception(reviewer + " declared a conflict of interest with "
                    + conflict.kind.name().toLowerCase() + " " + conflict.value);
        });
    }

    private static void requireCallThemes(ReviewCase c, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ReviewCall call = ReviewCall.<ReviewCall>findByIdOptional(c.callId).orElseThrow(() -> ReviewProblems.CALL_UNKNOWN.exception(
                "The call of case " + c.reference + " is not known here yet: tags cannot be checked"));
        Set<String> unknown = new HashSet<>(tags);
        unknown.removeAll(call.themes);
        if (!unknown.isEmpty()) {
            throw ReviewProblems.UNKNOWN_TAG.exception(
                    "Not thematic areas of call " + call.slug + ": " + unknown.stream().sorted().toList());
        }
    }

    private static void requirePublishable(ReviewCase c, Decision decision, List<CaseDocument> documents) {
        if (!decision.publishes()) {
            return;
        }
        if (c.consent == Consent.DO_NOT_PUBLISH) {
            throw ReviewProblems.CONSENT_FORBIDS_PUBLICATION.exception(
                    "The contributor did not consent to publication: decide CONSIDER_WITHOUT_PUBLISHING or OUT_OF_MANDATE");
        }
        if (decision == Decision.PUBLISH_REDACTED && documents.stream().noneMatch(CaseDocument::isRedacted)) {
            throw ReviewProblems.NO_REDACTED_COPY.exception(
                    "Upload a redacted copy of a document before deciding PUBLISH_REDACTED");
        }
        if (c.consent == Consent.PUBLISH_WITHOUT_NAME) {
            List<String> named = documents.stream().filter(d -> switch (DecisionEvents.variant(c, decision, d)) {
                case DocumentRef.VARIANT_REDACTED -> false;
                case DocumentRef.VARIANT_METADATA_REMOVED -> !d.hasCleanCopy();
                default -> true;
            }).map(d -> d.fileName).toList();
            if (!named.isEmpty()) {
                throw ReviewProblems.IDENTIFYING_METADATA.exception(
                        "Case " + c.reference + " is to be published without naming its "
                        + "submitter, but these documents would be published with their embedded metadata (author, company, "
                        + "comment and revision authors): " + named + ". Make a metadata-cleaned copy of each "
                        + "(POST /cases/{id}/documents/{documentId}/cleaned-copy, Word .docx documents), or upload a redacted copy "
                        + "without identifying metadata (.doc, .pdf and .odt documents, which the platform cannot clean) and "
                        + "decide PUBLISH_REDACTED");
            }
        }
    }

    private static ApiException invalidTransition(ReviewCase c, String what) {
        return ReviewProblems.INVALID_TRANSITION.exception(
                "Cannot " + what + " case " + c.reference + " while it is " + c.status);
    }
}
