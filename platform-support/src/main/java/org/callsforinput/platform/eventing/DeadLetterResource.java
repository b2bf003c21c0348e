package org.callsforinput.platform.eventing;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's dead letters, for the operations team (docs/operations.md "Replay dead letters"). */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "oidc")
@Tag(name = "Dead letters (admin)")
public class DeadLetterResource {

    private static final String LISTED = """
            {"topic": "review-service.dead-letter", "more": false, "records": [{"partition": 0, "offset": 3,
             "deadAt": "2026-12-06T10:02:11.512Z", "topic": "submissions", "topicPartition": 4, "topicOffset": 1187,
             "eventId": "6c1f7b0e-5d1a-4c55-9f0e-8e0b7f7d2a41", "type": "submission.received",
             "subject": "0bf49d07-74cd-4f84-b57c-b1d8b8f664d6", "reason": "could not execute statement"}]}""";
    private static final String REPLAYED = """
            {"topic": "review-service.dead-letter", "more": false, "records": [{"partition": 0, "offset": 3,
             "deadAt": "2026-12-06T10:02:11.512Z", "topic": "submissions", "topicPartition": 4, "topicOffset": 1187,
             "eventId": "6c1f7b0e-5d1a-4c55-9f0e-8e0b7f7d2a41", "type": "submission.received",
             "subject": "0bf49d07-74cd-4f84-b57c-b1d8b8f664d6", "reason": "could not execute statement",
             "outcome": "failed", "error": "ERROR: relation \"review_case\" does not exist"}]}""";

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "List the service's dead letters",
            description = "The records its consumers gave up on after their retries, from `since` (or the beginning of the topic's retention), oldest first, with the reason.")
    @APIResponse(responseCode = "200", description = "The dead letters read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetters.Listing.class),
                    examples = @ExampleObject(name = "listed", value = LISTED)))
    @APIResponse(responseCode = "400", description = "`since` is not an instant, or `limit` is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "validation-failed", ref = "validation-failed") }))
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "events-unavailable", ref = "events-unavailable")))
    public DeadLetters.Listing list(
            @Parameter(description = "ISO 8601 instant: only records given up on from then on") @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(instant(since), limit);
    }

    @POST
    @Path("replay")
    @Operation(summary = "Replay the service's dead letters into it",
            description = "Each record from `since` (or the beginning) is handed once to the service's consumer of the topic it came from. "
                    + "A record processed before is `already-processed` (the inbox), so replaying again is harmless; a record that fails again "
                    + "is `failed` with the error, and the others go on. Nothing is removed from the topic.")
    @APIResponse(responseCode = "200", description = "Each record read, with its outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetters.Listing.class),
                    examples = @ExampleObject(name = "replayed", value = REPLAYED)))
    @APIResponse(responseCode = "400", description = "`since` is not an instant, or `limit` is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "malformed-request", ref = "malformed-request"),
                    @ExampleObject(name = "validation-failed", ref = "validation-failed") }))
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time; the records listed before were replayed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "events-unavailable", ref = "events-unavailable")))
    public DeadLetters.Listing replay(
            @Parameter(description = "ISO 8601 instant: only records given up on from then on") @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.replay(instant(since), limit);
    }

    private static Instant instant(String since) {
        if (since == null || since.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw PlatformProblems.MALFORMED_REQUEST.exception(
                    "Query parameter 'since' is not an ISO 8601 instant such as 2026-12-06T10:00:00Z");
        }
    }
}
