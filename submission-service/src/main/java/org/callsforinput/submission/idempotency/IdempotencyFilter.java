package org.callsforinput.submission.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.submission.SubmissionProblems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on POST (IETF httpapi idempotency-key draft): the same key with the same request
 * replays the first response; with a different request it is a 422; while the first still runs, a 409.
 * The request fingerprint covers method, path, query and JSON body; for streamed uploads, whose body is not
 * buffered, Content-Type and Content-Length stand in for the body.
 * <p>
 * Crash safety: a claimed request runs in one transaction, begun here, which the service's writes join and in which
 * {@link IdempotencyInterceptor} completes the key with the answer once the resource call returns. So a key is either complete, with its
 * effect, or never happened: a process that dies before the commit leaves nothing but a claim that nobody renews,
 * free again after {@code submission.idempotency.lease}. A client that goes away does not stop the request: its
 * key completes all the same. Slow work inside the request (streaming a document to storage) runs before the
 * service's first write, and the transaction takes a database connection only at that write.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_BUFFERED_BODY = 1024 * 1024;

    private final IdempotencyStore store;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final Duration maxDuration;
    private final IdempotentRequest held;

    public IdempotencyFilter(IdempotencyStore store, IdempotentRequest held, SecurityIdentity identity, ObjectMapper mapper,
            IdempotencyConfig config) {
        this.store = store;
        this.held = held;
        this.identity = identity;
        this.mapper = mapper;
        this.maxDuration = config.maxDuration();
    }

    @ServerRequestFilter
    public Optional<Response> beforeRequest(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()) {
            return Optional.empty();
        }
        key = key.strip();
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return Optional.of(SubmissionProblems.INVALID_IDEMPOTENCY_KEY.response(
                    "The Idempotency-Key must be 1 to 255 visible ASCII characters").build());
        }
        String principal = identity.getPrincipal().getName();
        IdempotencyStore.Claim claim = store.claim(principal, key, fingerprint(request));
        return switch (claim.outcome()) {
            case CLAIMED -> {
                // Committed with the answer by IdempotencyInterceptor, else rolled back by afterResponse, on this same
                // worker thread; should neither run, the end of the request context rolls it back.
                QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout((int) maxDuration.toSeconds()));
                held.hold(claim.token());
                yield Optional.empty();
            }
            case MISMATCH -> Optional.of(SubmissionProblems.IDEMPOTENCY_KEY_REUSED.response(
                    "This Idempotency-Key was already used for a different request").build());
            case IN_PROGRESS -> Optional.of(inProgress());
            case REPLAY -> Optional.of(replayed(claim.response()));
        };
    }

    /**
     * What the resource call did not finish ({@link IdempotencyInterceptor} commits a success with its answer): a
     * refusal keeps its answer (the request changed nothing), a failure on our side frees the key.
     */
    @ServerResponseFilter
    public void afterResponse(ContainerResponseContext response) {
        UUID token = held.pending();
        if (token == null) {
            return;
        }
        held.finished();
        rollbackIfActive();
        if (response.getStatus() >= 500) {
            store.release(token);
            return;
        }
        try {
            IdempotencyStore.StoredResponse stored = stored(response);
            QuarkusTransaction.requiringNew().run(() -> store.complete(token, stored));
        } catch (JsonProcessingException | RuntimeException e) {
            Log.errorf(e, "Cannot keep the answer of an idempotent request; its key is free again");
            store.release(token);
        }
    }

    private IdempotencyStore.StoredResponse stored(ContainerResponseContext response) throws JsonProcessingException {
        String body = response.getEntity() == null ? null : mapper.writeValueAsString(response.getEntity());
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        return new IdempotencyStore.StoredResponse(response.getStatus(), type, location, body);
    }

    private Response inProgress() {
        return SubmissionProblems.IDEMPOTENCY_KEY_IN_PROGRESS.response(
                "A request with this Idempotency-Key is still being processed; retry later")
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, store.lease().toSeconds())).build();
    }

    static void rollbackIfActive() {
        if (QuarkusTransaction.isActive()) {
            QuarkusTransaction.rollback();
        }
    }

    private String fingerprint(ContainerRequestContext request) throws IOException {
        MessageDigest digest = sha256();
        update(digest, request.getMethod());
        update(digest, request.getUriInfo().getRequestUri().getRawPath());
        update(digest, request.getUriInfo().getRequestUri().getRawQuery());
        MediaType type = request.getMediaType();
        // Parameters such as a charset added by a client library do not make another request.
        update(digest, type == null ? null : type.getType() + "/" + type.getSubtype());
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            byte[] body = readBounded(request.getEntityStream());
            digest.update(body);
            request.setEntityStream(new ByteArrayInputStream(body));
        } else {
            update(digest, request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Response replayed(IdempotencyStore.StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            response.entity(stored.body()).type(stored.type());
        }
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        return response.build();
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BUFFERED_BODY + 1);
        if (body.length > MAX_BUFFERED_BODY) {
            throw new jakarta.ws.rs.BadRequestException("JSON body too large");
        }
        return body;
    }

    private static void update(MessageDigest digest, String value) {
        digest.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
