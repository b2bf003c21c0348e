package org.callsforinput.review.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.callsforinput.review.ReviewProblems;
import org.callsforinput.platform.problem.ApiException;

/** A case's version as an HTTP entity tag: updates name the version they saw in If-Match. */
final class Versions {

    private Versions() {
    }

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    static Response ok(Object body, long version) {
        return Response.ok(body).tag(tag(version)).build();
    }

    /** The version named by an If-Match header: 428 when there is none, 412 when it names no version of ours. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ReviewProblems.VERSION_REQUIRED.exception(
                    "Send the case's ETag (from GET /cases/{id}) in If-Match, so that a concurrent change is not overwritten");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ReviewProblems.STALE_VERSION.exception("If-Match " + ifMatch + " names no version of this case");
        }
    }
}
