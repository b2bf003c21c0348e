package org.callsforinput.review.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.PublicContribution;
import org.callsforinput.contracts.ReviewDecided;
import org.callsforinput.contracts.ReviewRetracted;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;

/**
 * Builds what leaves review-service about a decision: only what the public side may show. Never a contact
 * detail, an internal comment or a screening note; with {@link Consent#PUBLISH_WITHOUT_NAME}, no organisation
 * name, no co-submitters and neutral file names.
 */
@ApplicationScoped
public class DecisionEvents {

    private final ObjectStorage storage;

    public DecisionEvents(ObjectStorage storage) {
        this.storage = storage;
    }

    /** The decision on the case, with its documents (all of them, in their order) when it publishes. */
    public ReviewDecided decided(ReviewCase c, List<CaseDocument> documents) {
        boolean publish = c.decision.publishes() && c.consent != Consent.DO_NOT_PUBLISH;
        return new ReviewDecided(c.submissionId, c.id, c.reference, c.callId, c.callSlug, c.decision, c.receivedAt, c.decidedAt,
                publish ? contribution(c) : null, publish ? documents(c, documents) : List.of());
    }

    public ReviewRetracted retracted(ReviewCase c) {
        return new ReviewRetracted(c.submissionId, c.id, c.callId, ReviewRetracted.REASON_WITHDRAWN, c.retractedAt);
    }

    private static PublicContribution contribution(ReviewCase c) {
        boolean anonymised = c.consent == Consent.PUBLISH_WITHOUT_NAME;
        return new PublicContribution(anonymised, anonymised ? null : c.organisationName, c.submitterCategory, c.country,
                c.language, c.themes, c.title, c.summary, c.links, anonymised || c.coSubmitters == null ? List.of() : c.coSubmitters);
    }

    /**
     * Which form of a document a decision publishes: for PUBLISH_REDACTED its redacted copy where there is one; for
     * a case to be published without the submitter's name its metadata-cleaned copy where there is one; otherwise
     * the document as received. {@link CaseWork} refuses to publish a nameless case whose document would go out as
     * received.
     */
    public static String variant(ReviewCase c, Decision decision, CaseDocument d) {
        if (decision == Decision.PUBLISH_REDACTED && d.isRedacted()) {
            return DocumentRef.VARIANT_REDACTED;
        }
        if (c.consent == Consent.PUBLISH_WITHOUT_NAME && d.isCleaned()) {
            return DocumentRef.VARIANT_METADATA_REMOVED;
        }
        return DocumentRef.VARIANT_AS_RECEIVED;
    }

    /** The documents to publish, each in the form {@link #variant} chooses, saying which it is. */
    private List<DocumentRef> documents(ReviewCase c, List<CaseDocument> documents) {
        boolean anonymised = c.consent == Consent.PUBLISH_WITHOUT_NAME;
        List<DocumentRef> refs = new ArrayList<>();
        int annex = 0;
        for (CaseDocument d : documents) {
            String variant = variant(c, c.decision, d);
            String fileName = DocumentRef.VARIANT_REDACTED.equals(variant) ? d.redactedFileName : d.fileName;
            if (anonymised) {
                boolean main = DocumentRef.ROLE_MAIN.equals(d.role);
                fileName = (main ? "contribution" : "annex-" + (++annex)) + extension(fileName);
            }
            refs.add(switch (variant) {
                case DocumentRef.VARIANT_REDACTED -> new DocumentRef(d.id, d.role, storage.bucket(), d.redactedKey, fileName,
                        d.redactedContentType, d.redactedSize, d.redactedSha256, variant);
                case DocumentRef.VARIANT_METADATA_REMOVED -> new DocumentRef(d.id, d.role, storage.bucket(), d.cleanedKey, fileName,
                        d.contentType, d.cleanedSize, d.cleanedSha256, variant);
                default -> new DocumentRef(d.id, d.role, d.bucket, d.objectKey, fileName, d.contentType, d.sizeBytes, d.sha256, variant);
            });
        }
        return refs;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot).toLowerCase();
    }
}
