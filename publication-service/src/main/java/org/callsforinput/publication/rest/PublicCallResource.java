package org.callsforinput.publication.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.CallDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/public/calls")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class PublicCallResource {

    /** A call on the public side. */
    public record PublicCallView(UUID id, String slug, String mandate, Map<String, String> title, Instant deadline,
            String timeZone, String status) {
    }

    private final CallDirectory directory;

    public PublicCallResource(CallDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "List public calls, soonest deadline first")
    public List<PublicCallView> list() {
        return directory.publicCalls().stream().map(PublicCallResource::view).toList();
    }

    private static PublicCallView view(PublicCall call) {
        return new PublicCallView(call.id, call.slug, call.mandate, call.title, call.deadline, call.timeZone, call.status);
    }
}
