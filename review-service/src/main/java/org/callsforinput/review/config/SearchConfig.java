package org.callsforinput.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The queue's full-text search. */
@ConfigMapping(prefix = "review.search")
public interface SearchConfig {

    /**
     * How many matches a search counts at most. Counting every match of a word found in nearly every case reads each
     * case's text index from the table (PostgreSQL rechecks every row's tsvector): about 100 ms for 10,000 cases, the
     * largest part of such a search. Beyond this, the page's total says "more than" ({@code totalExact} false) and the
     * reviewer narrows the search. Filters without a search are always counted exactly.
     */
    @WithDefault("1000")
    int countLimit();
}
