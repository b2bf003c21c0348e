package org.callsforinput.contracts;

/** Kafka topics. Each topic has exactly one producing service; records are keyed by the aggregate id. */
public final class Topics {

    /** Calls for input, produced by submission-service. */
    public static final String CALLS = "calls";
    /** Submissions, produced by submission-service. */
    public static final String SUBMISSIONS = "submissions";
    /** Review decisions, produced by review-service. */
    public static final String REVIEWS = "reviews";
    /** Publications and retractions, produced by publication-service. */
    public static final String PUBLICATIONS = "publications";

    private Topics() {
    }
}
