package org.callsforinput.publication.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "oidc")
@Tag(name = "Webhooks (admin)")
public class WebhookAdminResource {

    private final WebhookSubscriptions subscriptions;
    private final SecretReEncryption reEncryption;

    public WebhookAdminResource(WebhookSubscriptions subscriptions, SecretReEncryption reEncryption) {
        this.subscriptions = subscriptions;
        this.reEncryption = reEncryption;
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to webhooks", description = "The response carries the signing secret, once.")
    @APIResponse(responseCode = "201", description = "The subscription, with its secret (shown once)", headers = @Header(name = HttpHeaders.LOCATION, description = "/admin/webhooks/subscriptions/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidSubscription")
    public Response create(@Valid @NotNull SubscriptionRequest request) {
        WebhookSubscriptions.WithSecret created = subscriptions.create(request);
        return Response.created(URI.create("/admin/webhooks/subscriptions/" + created.subscription().id))
                .entity(SubscriptionView.of(created.subscription(), Instant.now(), created.secret())).build();
    }

    @GET
    @Path("subscriptions")
    @Operation(summary = "List subscriptions, oldest first")
    @APIResponse(responseCode = "200", description = "One page of subscriptions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPage")
    public List<SubscriptionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Instant now = Instant.now();
        return subscriptions.list(page, size).stream().map(s -> SubscriptionView.of(s, now, null)).toList();
    }

    @GET
    @Path("subscriptions/{id}")
    @Operation(summary = "Read a subscription (never its secret)")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionView get(UUID id) {
        return subscriptions.find(id).map(s -> SubscriptionView.of(s, Instant.now(), null))
                .orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("subscriptions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a subscription's URL, event types, call filter; active=false disables it")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidSubscription")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionView replace(UUID id, @Valid @NotNull SubscriptionRequest request) {
        return subscriptions.replace(id, request).map(s -> SubscriptionView.of(s, Instant.now(), null))
                .orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("subscriptions/{id}")
    @Operation(summary = "Delete a subscription and its delivery log (disable it to keep the log)")
    @APIResponse(responseCode = "204", description = "Deleted, with its delivery log")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(UUID id) {
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("subscriptions/{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret",
            description = "The response carries the new secret, once. The previous one keeps signing alongside for the overlap period.")
    @APIResponse(responseCode = "200", description = "The subscription, with its new secret (shown once)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionView rotate(UUID id) {
        return subscriptions.rotate(id).map(r -> SubscriptionView.of(r.subscription(), Instant.now(), r.secret()))
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("subscriptions/{id}/deliveries")
    @Operation(summary = "The delivery log: deliveries newest first, each with its attempts")
    @APIResponse(responseCode = "200", description = "One page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPage")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<DeliveryView> deliveries(UUID id, @QueryParam("status") WebhookDelivery.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return subscriptions.deliveries(id, status, page, size).orElseThrow(() -> notFound(id)).stream()
                .map(d -> DeliveryView.of(d, subscriptions.attempts(d.id), false)).toList();
    }

    @GET
    @Path("deliveries/{id}")
    @Operation(summary = "Read a delivery: its attempts and the body sent")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeliveryView delivery(UUID id) {
        return subscriptions.delivery(id).map(d -> DeliveryView.of(d, subscriptions.attempts(d.id), true))
                .orElseThrow(() -> ApiException.notFound("Delivery " + id));
    }

    @POST
    @Path("deliveries/{id}/redeliver")
    @Operation(summary = "Send a delivery again now (same webhook-id)")
    @APIResponse(responseCode = "202", description = "Queued to be sent again now; the delivery as it stands", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The delivery is being sent right now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "delivery-in-progress", ref = "delivery-in-progress")))
    public Response redeliver(UUID id) {
        return subscriptions.redeliver(id)
                .map(d -> Response.accepted(DeliveryView.of(d, subscriptions.attempts(d.id), false)).build())
                .orElseThrow(() -> ApiException.notFound("Delivery " + id));
    }

    @POST
    @Path("re-encrypt-secrets")
    @Operation(summary = "Re-encrypt every signing secret with the current encryption key",
            description = "Key rotation (docs/operations.md): rewrites every stored signing secret not sealed with the"
                    + " current key of publication.webhooks.encryption-keys, in batches; idempotent. Call it again while"
                    + " remaining is above 0; at 0 an older key can be removed from the keyring.")
    @APIResponse(responseCode = "200", description = "What this run did, and how many are left",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SecretReEncryption.Result.class)))
    public SecretReEncryption.Result reEncryptSecrets() {
        return reEncryption.run();
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("Webhook subscription " + id);
    }
}
