package org.callsforinput.review.entity;

/** The fixed list of screening reason codes; a free-text note goes with them. */
public enum ScreeningReason {
    /** Within the mandate and the call's scope. The only code for a case screened as within the mandate. */
    WITHIN_MANDATE,
    OUTSIDE_THEMATIC_SCOPE,
    OUTSIDE_MANDATE_BODY,
    NOT_A_CONTRIBUTION,
    DUPLICATE,
    ABUSIVE_CONTENT,
    COMMERCIAL_PROMOTION,
    OTHER
}
