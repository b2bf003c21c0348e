package org.callsforinput.contracts;

/** CloudEvents {@code type} values ({@code ce_type} header). The payload class of each type is named beside it. */
public final class EventTypes {

    /** {@link CallSnapshot}: a call was created. */
    public static final String CALL_CREATED = "call.created";
    /** {@link CallSnapshot}: a call changed (including opening and closing). */
    public static final String CALL_UPDATED = "call.updated";
    /** {@link SubmissionReceived}: a draft was submitted and is now received. */
    public static final String SUBMISSION_RECEIVED = "submission.received";
    /** {@link SubmissionWithdrawn}: the contributor withdrew a received submission. */
    public static final String SUBMISSION_WITHDRAWN = "submission.withdrawn";

    /** {@link ReviewStarted}: review-service opened a case for a received submission. */
    public static final String REVIEW_STARTED = "review.started";
    /** {@link ReviewDecided}: a case got its final decision (for publication: approved by a coordinator). */
    public static final String REVIEW_DECIDED = "review.decided";
    /** {@link ReviewRetracted}: a contribution approved for publication must come down again. */
    public static final String REVIEW_RETRACTED = "review.retracted";

    /** {@link PublicationPublished}: a contribution appeared on its call's public page, API and feeds. */
    public static final String PUBLICATION_PUBLISHED = "publication.published";
    /** {@link PublicationRetracted}: a published contribution was taken down again. */
    public static final String PUBLICATION_RETRACTED = "publication.retracted";

    private EventTypes() {
    }
}
