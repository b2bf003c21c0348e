package org.callsforinput.platform.problem;

import java.util.List;

/** The problem types every service answers: ProblemMapper's, the input rules', the HTTP limits' and storage's. */
public enum PlatformProblems implements ProblemType {

    VALIDATION_FAILED("validation-failed", 400, "Invalid request",
            "A field or parameter breaks its constraint; errors lists each one", "The request has 1 invalid field(s)"),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request",
            "The body or a parameter cannot be read: not JSON, wrong JSON type, unknown field, trailing content",
            "The request body is not valid JSON for this operation"),
    NUL_CHARACTER("nul-character", 400, "NUL character", "A text field or parameter contains U+0000",
            "Query parameter 'q' contains the NUL character (U+0000, %00), which no text may contain"),
    INVALID_COUNTRY("invalid-country", 400, "Invalid country", "A country is not an ISO 3166-1 alpha-2 code",
            "country 'UK' is not an ISO 3166-1 code"),
    UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated", "No valid bearer token",
            "A valid bearer token from the platform's identity provider is required"),
    FORBIDDEN("forbidden", 403, "Forbidden", "The token's roles do not allow the operation",
            "Your roles do not allow this operation"),
    NOT_FOUND("not-found", 404, "Not found",
            "The object (or route) does not exist, or is not the caller's to see: the two are not told apart",
            "Submission 0bf49d07-74cd-4f84-b57c-b1d8b8f664d6 does not exist or is not yours"),
    DOCUMENT_MISSING("document-missing", 404, "Document missing",
            "A document is recorded but its stored object is missing from object storage", "The stored document is missing"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed", "The path exists, the HTTP method does not",
            "The path does not take this HTTP method"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable", "No representation matches the Accept header",
            "The operation cannot answer in a type the Accept header allows"),
    REQUEST_TOO_LARGE("request-too-large", 413, "Request Entity Too Large",
            "The declared body is over the service's HTTP body limit",
            "The request body has 20971520 bytes; this service takes at most 10485760"),
    URI_TOO_LONG("uri-too-long", 414, "URI Too Long", "The request target is over the service's limit",
            "The request target has more than 4096 characters"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type",
            "The body's Content-Type is not one the operation takes (JSON operations need application/json)",
            "This operation takes a JSON body: send it with Content-Type: application/json"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "Range Not Satisfiable",
            "A download's Range starts past the document's end (Content-Range names its size)",
            "The document has 48213 bytes; the range asked for starts past its end"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request Header Fields Too Large",
            "The request's headers are over the service's limit", "The request's headers have more than 20480 bytes"),
    REQUEST_REFUSED("request-refused", 400, "Request refused",
            "Another 4xx of the HTTP layer (the status and title are the HTTP ones)", "Request refused"),
    INTERNAL_ERROR("internal-error", 500, "Internal error",
            "An unexpected failure; the incident id is in the service's log",
            "The request failed unexpectedly; incident 7c9e6679-7425-40de-944b-e07fc1f90ae7"),
    STORAGE_UNAVAILABLE("storage-unavailable", 503, "Storage unavailable",
            "Object storage is away; nothing was changed; retry after Retry-After seconds",
            "Document storage is temporarily unavailable; retry later"),
    EVENTS_UNAVAILABLE("events-unavailable", 503, "Event broker unavailable",
            "Kafka did not answer in time; nothing more was done; retry after Retry-After seconds",
            "The event broker did not answer in time; nothing was replayed after the records listed, if any"),
    IDENTITY_UNAVAILABLE("identity-unavailable", 503, "Identity provider unavailable",
            "The identity provider (Keycloak) cannot be reached to check the token; nothing was done; retry after"
                    + " Retry-After seconds",
            "The identity provider is temporarily unavailable; retry later");

    private final Definition definition;

    PlatformProblems(String slug, int status, String title, String when, String example) {
        this.definition = new Definition(slug, status, title, when, example);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** Lists this catalogue for {@link ProblemCatalogue#all()}. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<PlatformProblems> types() {
            return List.of(values());
        }
    }
}
