package org.callsforinput.review.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.callsforinput.review.entity.ReviewCase;

/**
 * PostgreSQL full-text search over cases and their documents' text, in one {@code tsvector} per case (one GIN
 * index, no join at query time). Each text is indexed twice: with the {@code simple} configuration (exact words,
 * any language) and with its language's stemming configuration, so that a query finds "rights" in an English text
 * when asked for "right", and any word of a language without one.
 */
@ApplicationScoped
public class TextSearch {

    /** Languages with a stemming configuration in PostgreSQL that contributions use; others are indexed as simple. */
    static final Map<String, String> CONFIGURATIONS = Map.of("en", "english", "fr", "french", "es", "spanish");

    /**
     * The SQL condition that the case {@code alias} matches the query parameter {@code :q}: in its exact words
     * (the simple configuration), or in its language's configuration. Each configuration's query runs only on the
     * cases of that language, so that "police -minorities" does not match an English case through a French
     * reading of "minorities".
     */
    public static String matches(String alias) {
        StringBuilder sql = new StringBuilder("(").append(alias).append(".search @@ websearch_to_tsquery('simple', :q)");
        CONFIGURATIONS.values().stream().sorted().forEach(config -> sql.append(" or (").append(alias).append(".search_config = '")
                .append(config).append("' and ").append(alias).append(".search @@ websearch_to_tsquery('").append(config).append("', :q))"));
        return sql.append(')').toString();
    }

    private final EntityManager em;

    public TextSearch(EntityManager em) {
        this.em = em;
    }

    /** Indexes the case's own texts: reference, organisation, title, summary. */
    public void indexCase(ReviewCase c) {
        String text = String.join(" ", nonNull(c.reference), nonNull(c.organisationName), nonNull(c.title), nonNull(c.summary));
        em.createNativeQuery("update review_case set search = " + vector("?1", "?2") + ", search_config = ?2 where id = ?3")
                .setParameter(1, text).setParameter(2, configuration(c.language)).setParameter(3, c.id)
                .executeUpdate();
    }

    /**
     * Stores a document's extracted text and its detected language, and adds the text to its case's index (with
     * the simple configuration and the document language's one), so that one search covers a case and all its
     * documents.
     */
    public void indexDocument(UUID documentId, String text, String language, boolean truncated) {
        em.createNativeQuery("update case_document set text_content = ?1, text_language = ?2, text_truncated = ?3,"
                + " text_state = 'EXTRACTED', text_error = null where id = ?4")
                .setParameter(1, text).setParameter(2, language).setParameter(3, truncated).setParameter(4, documentId)
                .executeUpdate();
        em.createNativeQuery("update review_case set search = coalesce(search, ''::tsvector) || " + vector("?1", "?2")
                + " where id = (select case_id from case_document where id = ?3)")
                .setParameter(1, text).setParameter(2, configuration(language)).setParameter(3, documentId)
                .executeUpdate();
    }

    static String configuration(String language) {
        return language == null ? "simple" : CONFIGURATIONS.getOrDefault(language.toLowerCase(), "simple");
    }

    private static String vector(String text, String config) {
        return "to_tsvector('simple', " + text + ") || to_tsvector(cast(" + config + " as regconfig), " + text + ")";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
