package org.callsforinput.platform.http;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refusals of the HTTP layer as problem+json, like every other error: a request target that is too long (414
 * {@code uri-too-long}), headers that are too large (431 {@code headers-too-large}) and a body whose declared
 * Content-Length is over {@code quarkus.http.limits.max-body-size} (413 {@code request-too-large}).
 * <p>
 * It runs as the first route of the router, before Quarkus' own body limit (which would answer a bare 413). Quarkus
 * gives no hook into Vert.x' invalid-request handler (quarkusio/quarkus#55082), so the URI and header limits are
 * enforced here, with the server's hard limits set higher (platform-support's defaults: 64 KiB each); a request past
 * those still gets Vert.x' bare 414 or 431 and a closed connection. A body sent without Content-Length (chunked) that
 * grows past the limit is cut off by Quarkus while it is read: bare 413, connection closed.
 */
@ApplicationScoped
public class HttpLimits {

    private final HttpLimitsConfig limits;
    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;

    // quarkus.http.limits.max-body-size is Quarkus's own limit, read as a property (a mapping may not take the prefix
    // quarkus); its default (10240K) comes with it.
    public HttpLimits(HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize, ObjectMapper json) {
        this.limits = limits;
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            refuse(context, PlatformProblems.URI_TOO_LONG,
                    "The request target has more than " + limits.maxUriLength() + " characters");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + 2 + header.getValue().length();
        }
        if (headerBytes > limits.maxHeaderSize()) {
            refuse(context, PlatformProblems.HEADERS_TOO_LARGE,
                    "The request's headers have more than " + limits.maxHeaderSize() + " bytes");
            return;
        }
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent()) {
            long limit = maxBodySize.get().asLongValue();
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1; // Vert.x refuses a malformed Content-Length before this runs
            }
            if (declared > limit) {
                refuse(context, PlatformProblems.REQUEST_TOO_LARGE,
                        "The request body has " + declared + " bytes; this service takes at most " + limit);
                return;
            }
        }
        context.next();
    }

    /** Answers and closes the connection: the rest of the request (its body) is not read. */
    private void refuse(RoutingContext context, ProblemType type, String detail) {
        Log.debugf("Refused %s %s: %s", context.request().method(), type.slug(), detail);
        byte[] body;
        try {
            body = json.writeValueAsBytes(type.problem(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
