package org.callsforinput.submission.idempotency;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.submission.SubmissionProblems;
import org.callsforinput.platform.problem.ApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Commits a claimed request's effect and its stored answer in one transaction, inside the resource call and before
 * anything is written to the client: the answer is known there, and a client that went away cannot stop it. A
 * refusal (an exception) rolls the effect back; {@link IdempotencyFilter} then keeps the refusal's answer.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class IdempotencyInterceptor {

    private final IdempotentRequest request;
    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    public IdempotencyInterceptor(IdempotentRequest request, IdempotencyStore store, ObjectMapper mapper) {
        this.request = request;
        this.store = store;
        this.mapper = mapper;
    }

    @AroundInvoke
    Object commitWithAnswer(InvocationContext invocation) throws Exception {
        UUID token = request.pending();
        if (token == null || !QuarkusTransaction.isActive()) {
            return invocation.proceed();
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception e) {
            IdempotencyFilter.rollbackIfActive();
            throw e;
        }
        if (QuarkusTransaction.isRollbackOnly()) {
            IdempotencyFilter.rollbackIfActive();
            return result;
        }
        IdempotencyStore.StoredResponse stored = stored(result);
        if (stored.status() >= 300) {
            // Not a success: nothing to commit with it; the filter keeps or releases the key.
            IdempotencyFilter.rollbackIfActive();
            return result;
        }
        boolean completed;
        try {
            completed = store.complete(token, stored);
            if (completed) {
                QuarkusTransaction.commit();
            }
        } finally {
            IdempotencyFilter.rollbackIfActive();
        }
        request.finished();
        if (!completed) {
            // The lease ended without renewal (the database was away) and another request took the key over.
            throw SubmissionProblems.IDEMPOTENCY_KEY_IN_PROGRESS.exception(
                    "A request with this Idempotency-Key is still being processed; retry later");
        }
        return result;
    }

    private IdempotencyStore.StoredResponse stored(Object result) throws Exception {
        if (result instanceof Response response) {
            Object entity = response.getEntity();
            MediaType type = response.getMediaType() != null ? response.getMediaType()
                    : entity == null ? null : MediaType.APPLICATION_JSON_TYPE;
            Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
            return new IdempotencyStore.StoredResponse(response.getStatus(), type == null ? null : type.toString(),
                    location instanceof URI uri ? uri.toString() : location == null ? null : location.toString(),
                    entity == null ? null : mapper.writeValueAsString(entity));
        }
        return result == null ? new IdempotencyStore.StoredResponse(204, null, null, null)
                : new IdempotencyStore.StoredResponse(200, MediaType.APPLICATION_JSON, null, mapper.writeValueAsString(result));
    }
}
