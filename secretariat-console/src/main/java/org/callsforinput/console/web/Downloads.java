package org.callsforinput.console.web;

import java.io.InputStream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A service's file answered on to the browser as a download: streamed, never shown inline, never sniffed. */
final class Downloads {

    private Downloads() {
    }

    /**
     * The body of {@code original} as an attachment of {@code contentType}; the service's own
     * {@code Content-Disposition} when it is an attachment, else {@code fallbackDisposition}.
     */
    static Response of(Response original, String contentType, String fallbackDisposition) {
        InputStream body = original.readEntity(InputStream.class);
        StreamingOutput copy = out -> {
            try (body) {
                body.transferTo(out);
            }
        };
        String disposition = original.getHeaderString("Content-Disposition");
        Response.ResponseBuilder download = Response.ok(copy, contentType).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition != null && disposition.startsWith("attachment")
                        ? disposition : fallbackDisposition);
        String length = original.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            download.header(HttpHeaders.CONTENT_LENGTH, length);
        }
        return download.build();
    }
}
