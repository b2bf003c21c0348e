package org.callsforinput.review.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.review.entity.CaseDocument;
import org.callsforinput.review.entity.ReviewCase;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Read side of cases for the review front-ends. */
@ApplicationScoped
public class CaseQueries {

    public Optional<ReviewCase> find(UUID id) {
        return ReviewCase.findByIdOptional(id);
    }

    public List<CaseDocument> documents(UUID caseId) {
        return CaseDocument.ofCase(caseId);
    }

    /** Received cases (not bare withdrawals), optionally of one call and status, newest first. */
    public List<ReviewCase> list(UUID callId, ReviewCase.Status status, int page, int size) {
        StringBuilder query = new StringBuilder("receivedAt is not null");
        Map<String, Object> params = new HashMap<>();
        if (callId != null) {
            query.append(" and callId = :callId");
            params.put("callId", callId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return ReviewCase.<ReviewCase>find(query.toString(), Sort.descending("receivedAt"), params)
                .page(Page.of(page, size)).list();
    }
}
