package org.callsforinput.submission.rest;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.submission.SubmissionProblems;
import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.platform.problem.Problem;
import org.callsforinput.submission.receipt.ReceiptSigner;
import org.callsforinput.submission.receipt.Receipts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public keys and verification of receipts: anyone holding a receipt can check it. */
@Path("/")
@PermitAll
@Tag(name = "Receipts")
public class ReceiptResource {

    /** A receipt to verify, as the compact JWS the platform issued. */
    public record VerifyRequest(@NotBlank @Size(max = 100_000) @Schema(examples = "eyJraWQiOiJhNzk2ZmE0My0yOGE5LTRmNTItYmUxNS0xNTAxOGVjOWE2MjEi…")
            String jws) {
    }

    private final ReceiptSigner signer;
    private final Receipts receipts;

    public ReceiptResource(ReceiptSigner signer, Receipts receipts) {
        this.signer = signer;
        this.receipts = receipts;
    }

    @GET
    @Path(".well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify receipts (JWKS)")
    @APIResponse(responseCode = "200", description = "A JSON Web Key Set of EC P-256 keys; a receipt's kid names its key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "jwks", value = """
                    {"keys": [{"kty": "EC", "use": "sig", "crv": "P-256", "alg": "ES256",
                      "kid": "a796fa43-28a9-4f52-be15-15018ec9a621",
                      "x": "YliktdlSuHJNRnIxSleGpdEdr7U8DaB7eNAH2ad8TQw",
                      "y": "T6qPFqVsh0kUcT-rJVOzX4ORlsIPpXhvvgcqKhCQUwU"}]}""")))
    public Map<String, Object> jwks() {
        return signer.publicKeys().toJSONObject();
    }

    @POST
    @Path("receipts/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a receipt", description = "Answers with the receipt when the signature is the platform's; 422 otherwise.")
    @APIResponse(responseCode = "200", description = "The receipt: the signature is the platform's")
    @APIResponse(responseCode = "400", description = "No JWS in the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation-failed", ref = "validation-failed"),
                    @ExampleObject(name = "malformed-request", ref = "malformed-request") }))
    @APIResponse(responseCode = "422", description = "Not a receipt signed by this platform",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid-receipt", ref = "invalid-receipt")))
    public Receipts.SignedReceipt verify(@Valid @NotNull VerifyRequest request) {
        return receipts.verify(request.jws().strip()).orElseThrow(() -> SubmissionProblems.INVALID_RECEIPT.exception(
                "The receipt is malformed or not signed by this platform"));
    }
}
