package org.callsforinput.review.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.gate.facts.DocumentFacts;
import org.callsforinput.gate.facts.LinkKinds;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.review.entity.ScreeningReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as a reviewer opens it (internal: contact details included). */
public record CaseView(
        UUID id,
        long version,
        UUID submissionId,
        String reference,
        UUID callId,
        String callSlug,
        ReviewCase.Status status,
        String assignee,
        String organisationId,
        String organisationName,
        SubmitterCategory submitterCategory,
        String country,
        Contact contact,
        String language,
        List<String> themes,
        String title,
        String summary,
        List<LinkView> links,
        List<String> coSubmitters,
        Consent consent,
        boolean late,
        Instant receivedAt,
        Instant withdrawnAt,
        ScreeningView screening,
        DecisionView decision,
        List<DocumentView> documents,
        @Schema(description = "API, or EMAIL for a contribution by e-mail: the contact is then the sender's unverified address")
        String channel,
        @Schema(description = "For EMAIL: the receiving server's Authentication-Results (SPF, DKIM, DMARC); a hint, not a proof")
        String authenticationResults) {

    public record ScreeningView(Boolean withinMandate, ScreeningReason reasonCode, String note, List<String> tags,
            boolean personalData, boolean sensitiveData, String screenedBy, Instant screenedAt) {
    }

    public record DecisionView(Decision decision, String reason, String proposedBy, Instant proposedAt, String approvedBy,
            Instant decidedAt, Instant retractedAt) {
    }

    /** Where a link of the case comes from: the submitter gave it, or the document gate found it in a document. */
    public enum LinkSource {
        SUBMITTER, DOCUMENT
    }

    /**
     * A link of the case: the submitter's (with the kind they chose) and then those found in the documents (kind
     * guessed from the target, {@code documentId} naming the document), each URL once.
     */
    public record LinkView(String url, String label, String kind, LinkSource source, UUID documentId) {
    }

    /**
     * A document of the case: its integrity check, its facts (null until read), its text extraction, its redacted
     * copy and its metadata-cleaned copy if any.
     */
    public record DocumentView(UUID id, String role, String fileName, String contentType, long size, String sha256,
            CaseDocument.Integrity integrity, Instant checkedAt, FactsView facts, String factsError,
            CaseDocument.TextState textState, String textLanguage, boolean textTruncated, String textError,
            RedactedView redacted, CleanedView cleaned) {
    }

    /**
     * What the document gate found in a document: its hyperlinks and embedded metadata; {@code identifying} names
     * the metadata that can name the submitter (empty: none).
     */
    public record FactsView(String format, List<DocumentFacts.FoundLink> hyperlinks, DocumentFacts.Metadata metadata,
            List<String> identifying, boolean truncated, List<String> notes) {

        static FactsView of(DocumentFacts f) {
            return f == null ? null : new FactsView(f.format(), f.hyperlinks(), f.metadata(), f.metadata().identifying(),
                    f.truncated(), f.notes());
        }
    }

    /** The metadata-cleaned copy the platform made (same name and type as the original), with its own facts. */
    public record CleanedView(String fileName, String contentType, long size, String sha256, FactsView facts, String cleanedBy,
            Instant cleanedAt) {
    }

    public record RedactedView(String fileName, String contentType, long size, String sha256, String redactedBy, Instant redactedAt) {
    }

    static CaseView of(ReviewCase c, List<CaseDocument> documents) {
        return new CaseView(c.id, c.version, c.submissionId, c.reference, c.callId, c.callSlug, c.status, c.assignee,
                c.organisationId, c.organisationName, c.submitterCategory, c.country, new Contact(c.contactName, c.contactEmail),
                c.language, c.themes, c.title, c.summary, links(c.links, documents), c.coSubmitters, c.consent, c.late, c.receivedAt, c.withdrawnAt,
                c.inMandate == null ? null : new ScreeningView(c.inMandate, c.screeningReason, c.screeningNote, c.tags,
                        c.personalData, c.sensitiveData, c.screenedBy, c.screenedAt),
                c.decision == null ? null : new DecisionView(c.decision, c.decisionReason, c.proposedBy, c.proposedAt,
                        c.approvedBy, c.decidedAt, c.retractedAt),
                documents.stream().map(CaseView::document).toList(), c.channel, c.authenticationResults);
    }

    private static DocumentView document(CaseDocument d) {
        return new DocumentView(d.id, d.role, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.integrity, d.checkedAt,
                FactsView.of(d.facts), d.factsError, d.textState, d.textLanguage, d.textTruncated, d.textError,
                d.isRedacted() ? new RedactedView(d.redactedFileName, d.redactedContentType, d.redactedSize, d.redactedSha256,
                        d.redactedBy, d.redactedAt) : null,
                d.isCleaned() ? new CleanedView(d.fileName, d.contentType, d.cleanedSize, d.cleanedSha256, FactsView.of(d.cleanedFacts),
                        d.cleanedBy, d.cleanedAt) : null);
    }

    /** The submitter's links, then the documents' hyperlinks that the submitter did not give. */
    static List<LinkView> links(List<Hyperlink> submitted, List<CaseDocument> documents) {
        List<LinkView> links = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Hyperlink h : submitted == null ? List.<Hyperlink>of() : submitted) {
            seen.add(h.url());
            links.add(new LinkView(h.url(), h.label(), h.kind(), LinkSource.SUBMITTER, null));
        }
        for (CaseDocument d : documents) {
            if (d.facts == null) {
                continue;
            }
            for (DocumentFacts.FoundLink found : d.facts.hyperlinks()) {
                if (seen.add(found.url())) {
                    links.add(new LinkView(found.url(), found.text(), LinkKinds.guess(found.url()), LinkSource.DOCUMENT, d.id));
                }
            }
        }
        return links;
    }
}
