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

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.submission.receipt.ReceiptSigner;
import org.callsforinput.submission.receipt.Receipts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public keys and verification of receipts: anyone holding a receipt can check it. */
@Path("/")
@PermitAll
@Tag(name = "Receipts")
public class ReceiptResource {

    /** A receipt to verify, as the compact JWS the platform issued. */
    public record VerifyRequest(@NotBlank @Size(max = 100_000) String jws) {
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
    public Map<String, Object> jwks() {
        return signer.publicKeys().toJSONObject();
    }

    @POST
    @Path("receipts/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a receipt", description = "Answers with the receipt when the signature is the platform's; 422 otherwise.")
    public Receipts.SignedReceipt verify(@Valid @NotNull VerifyRequest request) {
        return receipts.verify(request.jws().strip()).orElseThrow(() -> new ApiException(422, "invalid-receipt",
                "Invalid receipt", "The receipt is malformed or not signed by this platform"));
    }
}
