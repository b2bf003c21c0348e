package org.callsforinput.platform.input;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.PlatformProblems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The request rules of every service that JAX-RS can check before a resource method runs:
 * <ul>
 * <li>No path segment, query parameter or header carries U+0000 (sent as {@code %00}): PostgreSQL cannot store or
 * compare it, so a search or lookup with it would fail as an internal error. Refused as {@code nul-character} (400)
 * before matching, whatever the operation; JSON bodies are checked by {@link StrictJson}.</li>
 * <li>An operation that reads JSON only takes a body declared as JSON: without a Content-Type JAX-RS would read any
 * body as JSON anyway. Refused as {@code unsupported-media-type} (415), like a body of another declared type.</li>
 * </ul>
 */
public class RequestRules {


    /** Whether a resource method reads JSON and nothing else, per method (reflection once). */
    private final Map<Method, Boolean> jsonOnly = new ConcurrentHashMap<>();

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        String path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPath();
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            // A broken percent-escape such as %zz: decoding it here must not turn it into an internal error.
            throw PlatformProblems.MALFORMED_REQUEST.exception("The request target is not valid percent-encoding");
        }
        if (path.indexOf('\0') >= 0) {
            throw nul("The path");
        }
        query.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw nul("Query parameter '" + name.replace('\0', '\uFFFD') + "'");
            }
        });
        request.getHeaders().forEach((name, values) -> {
            if (values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw nul("Header '" + name + "'");
            }
        });
    }

    @ServerRequestFilter
    public void requireJsonBody(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !jsonOnly.computeIfAbsent(method, RequestRules::readsOnlyJson) || !hasBody(request)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !isJson(type)) {
            throw PlatformProblems.UNSUPPORTED_MEDIA_TYPE.exception(
                    "This operation takes a JSON body: send it with Content-Type: application/json");
        }
    }

    private static ApiException nul(String where) {
        return PlatformProblems.NUL_CHARACTER.exception(
                where + " contains the NUL character (U+0000, %00), which no text may contain");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean readsOnlyJson(Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        if (consumes == null || consumes.value().length == 0) {
            return false;
        }
        List<MediaType> types = java.util.Arrays.stream(consumes.value())
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip).map(MediaType::valueOf).toList();
        return types.stream().allMatch(RequestRules::isJson);
    }

    private static boolean isJson(MediaType type) {
        return !type.isWildcardType() && !type.isWildcardSubtype()
                && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"));
    }
}
