package org.callsforinput.review.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.callsforinput.review.ReviewProblems;
import org.callsforinput.review.config.SearchConfig;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;

/** Read side of cases for the review front-ends: queues with filters, full-text search, sorting, statistics. */
@ApplicationScoped
public class CaseQueries {

    /**
     * The filters of a queue; null means any. {@code assignee} is a user name, or {@link #UNASSIGNED}; {@code q}
     * is a web-search style query (words, "phrases", -excluded, or) over the case's and its documents' texts.
     */
    public record Filter(UUID callId, ReviewCase.Status status, String assignee, SubmitterCategory category, String country,
            String language, String theme, String tag, Boolean late, Consent consent, String q, String approvableBy) {
    }

    public static final String UNASSIGNED = "none";

    /** Sort keys a queue accepts, with their columns; a leading '-' sorts descending. */
    static final Map<String, String> SORTS = Map.of(
            "receivedAt", "c.received_at",
            "updatedAt", "c.updated_at",
            "reference", "c.reference",
            "organisationName", "lower(c.organisation_name)",
            "country", "c.country",
            "status", "c.status");

    /** The counts of a call's cases along each dimension a report needs. */
    public record Statistics(UUID callId, long total, long late, Map<String, Long> byStatus, Map<String, Long> byDecision,
            Map<String, Long> bySubmitterCategory, Map<String, Long> byCountry, Map<String, Long> byTheme,
            Map<String, Long> byLanguage, Map<String, Long> byConsent) {
    }

    /**
     * One page of a queue; {@code matches}: for a search, where the words were found in each case (case id to text).
     * {@code total} is exact unless {@code totalExact} is false: a search counts its matches up to
     * {@link SearchConfig#countLimit()}.
     */
    public record Page(long total, boolean totalExact, List<ReviewCase> items, Map<UUID, String> matches) {
    }


    /** What marks a found word in {@link Page#matches}: the text between the two is what matched. */
    public static final String MATCH_START = "\u27E6";
    public static final String MATCH_END = "\u27E7";

    private final EntityManager em;
    private final int searchCountLimit;

    public CaseQueries(EntityManager em, SearchConfig search) {
        this.em = em;
        this.searchCountLimit = search.countLimit();
    }

    /** A received case (a bare withdrawal, whose submission never arrived, is not a case to review). */
    public Optional<ReviewCase> find(UUID id) {
        return ReviewCase.<ReviewCase>findByIdOptional(id).filter(ReviewCase::isReceived);
    }

    public CaseDocument document(ReviewCase c, UUID documentId) {
        return CaseDocument.<CaseDocument>findByIdOptional(documentId).filter(d -> d.caseId.equals(c.id))
                .orElseThrow(() -> ApiException.notFound("Document " + documentId));
    }

    public List<CaseDocument> documents(UUID caseId) {
        return CaseDocument.ofCase(caseId);
    }

    public Page list(Filter filter, String sort, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        boolean searched = filter.q() != null && !filter.q().isBlank();
        Query count = em.createNativeQuery(searched
                ? "select count(*) from (select 1 from review_case c where " + where + " limit " + (searchCountLimit + 1) + ") m"
                : "select count(*) from review_case c where " + where);
        params.forEach(count::setParameter);
        long counted = ((Number) count.getSingleResult()).longValue();
        if (counted == 0) {
            return new Page(0, true, List.of(), Map.of());
        }
        boolean exact = !searched || counted <= searchCountLimit;
        Query select = em.createNativeQuery("select c.* from review_case c where " + where + " order by " + orderBy(sort)
                + " limit :limit offset :offset", ReviewCase.class);
        params.forEach(select::setParameter);
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<ReviewCase> items = select.getResultList();
        return new Page(exact ? counted : searchCountLimit, exact, items, searched && !items.isEmpty() ? matches(items, filter.q()) : Map.of());
    }

    /**
     * Where the words were found: up to two fragments of each case's title, summary and documents' text, highlighted
     * by PostgreSQL's ts_headline in the case's own text search configuration. ts_headline parses all the text it is
     * given, so it first gets the title, the summary and the start of the documents' text ({@link #HEADLINE_PREFIX}
     * characters), where a frequent word is nearly always found; only the cases whose words are further in are
     * highlighted again over their whole text.
     */
    private Map<UUID, String> matches(List<ReviewCase> items, String q) {
        Map<UUID, String> matches = headlines(items.stream().map(c -> c.id).toList(), q, HEADLINE_PREFIX);
        List<UUID> deeper = matches.entrySet().stream().filter(e -> e.getValue() == null || !e.getValue().contains(MATCH_START))
                .map(Map.Entry::getKey).toList();
        if (!deeper.isEmpty()) {
            matches.putAll(headlines(deeper, q, Integer.MAX_VALUE));
        }
        return matches;
    }

    /** The first characters of a case's text that a search's highlighting reads first (see {@link #matches}). */
    static final int HEADLINE_PREFIX = 1000;

    private Map<UUID, String> headlines(List<UUID> ids, String q, int chars) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, ts_headline(cast(coalesce(c.search_config, 'simple') as regconfig),
                    left(concat_ws(' … ', c.title, c.summary, (select string_agg(d.text_content, ' … ') from case_document d
                        where d.case_id = c.id and d.text_content is not null)), :chars),
                    websearch_to_tsquery(cast(coalesce(c.search_config, 'simple') as regconfig), :q),
                    'MaxFragments=2, MaxWords=16, MinWords=6, FragmentDelimiter=" … ", StartSel=%s, StopSel=%s')
                from review_case c where c.id in (:ids)
                """.formatted(MATCH_START, MATCH_END))
                .setParameter("q", q).setParameter("ids", ids).setParameter("chars", chars).getResultList();
        Map<UUID, String> matches = new java.util.HashMap<>();
        for (Object[] row : rows) {
            matches.put((UUID) row[0], (String) row[1]);
        }
        return matches;
    }

    /** Every received case of a call, by reference (for exports). */
    public List<ReviewCase> ofCall(UUID callId) {
        return ReviewCase.list("callId = ?1 and receivedAt is not null order by reference", callId);
    }

    public Statistics statistics(UUID callId) {
        String scope = "from review_case c where c.call_id = :callId and c.received_at is not null";
        long total = ((Number) em.createNativeQuery("select count(*) " + scope).setParameter("callId", callId).getSingleResult()).longValue();
        long late = ((Number) em.createNativeQuery("select count(*) " + scope + " and c.late").setParameter("callId", callId)
                .getSingleResult()).longValue();
        return new Statistics(callId, total, late,
                counts("select c.status, count(*) " + scope + " group by 1", callId),
                counts("select coalesce(c.decision, 'NONE'), count(*) " + scope + " group by 1", callId),
                counts("select c.submitter_category, count(*) " + scope + " group by 1", callId),
                counts("select c.country, count(*) " + scope + " group by 1", callId),
                counts("select t.theme, count(*) from review_case c cross join lateral jsonb_array_elements_text(c.themes) t(theme)"
                        + " where c.call_id = :callId and c.received_at is not null group by 1", callId),
                counts("select c.language, count(*) " + scope + " group by 1", callId),
                counts("select c.consent, count(*) " + scope + " group by 1", callId));
    }

    private Map<String, Long> counts(String sql, UUID callId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql + " order by 2 desc, 1").setParameter("callId", callId).getResultList();
        for (Object[] row : rows) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("c.received_at is not null");
        condition(conditions, params, f.callId(), "c.call_id = :callId", "callId");
        condition(conditions, params, f.status() == null ? null : f.status().name(), "c.status = :status", "status");
        if (UNASSIGNED.equals(f.assignee())) {
            conditions.add("c.assignee is null");
        } else {
            condition(conditions, params, f.assignee(), "c.assignee = :assignee", "assignee");
        }
        condition(conditions, params, f.category() == null ? null : f.category().name(), "c.submitter_category = :category", "category");
        condition(conditions, params, f.country(), "c.country = :country", "country");
        condition(conditions, params, f.language(), "c.language = :language", "language");
        condition(conditions, params, f.theme(), "c.themes @> jsonb_build_array(cast(:theme as text))", "theme");
        condition(conditions, params, f.tag(), "c.tags @> jsonb_build_array(cast(:tag as text))", "tag");
        condition(conditions, params, f.late(), "c.late = :late", "late");
        condition(conditions, params, f.consent() == null ? null : f.consent().name(), "c.consent = :consent", "consent");
        // What this coordinator may approve: proposals made by someone else (a proposer never approves their own).
        condition(conditions, params, f.approvableBy(), "c.status = 'PROPOSED' and c.proposed_by <> :approver", "approver");
        if (f.q() != null && !f.q().isBlank()) {
            conditions.add(TextSearch.matches("c"));
            params.put("q", f.q());
        }
        return String.join(" and ", conditions);
    }

    private static void condition(List<String> conditions, Map<String, Object> params, Object value, String sql, String name) {
        if (value != null) {
            conditions.add(sql);
            params.put(name, value);
        }
    }

    private static String orderBy(String sort) {
        boolean descending = sort.startsWith("-");
        String column = SORTS.get(descending ? sort.substring(1) : sort);
        if (column == null) {
            throw ReviewProblems.INVALID_SORT.exception("Sort by one of " + SORTS.keySet().stream().sorted().toList()
                    + ", with a leading '-' for descending order");
        }
        String direction = descending ? " desc" : " asc";
        return column + direction + " nulls last, c.id" + direction;
    }
}
