package org.callsforinput.submission.receipt;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.submission.entity.CallForInput;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.submission.entity.Submission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;

/** Issues the signed receipt of a submission, and reads and verifies receipts. */
@ApplicationScoped
public class Receipts {

    /** A receipt with its proof: the compact JWS whose payload is the receipt. */
    public record SignedReceipt(
            Receipt receipt,
            @Schema(description = "Compact JWS (ES256, typ receipt+jws) whose payload is the receipt; verify it with the JWKS",
                    examples = "eyJraWQiOiJhNzk2ZmE0My0yOGE5LTRmNTItYmUxNS0xNTAxOGVjOWE2MjEiLCJ0eXAiOiJyZWNlaXB0K2p3cyIsImFsZyI6IkVTMjU2In0"
                            + ".eyJpc3N1ZXIiOiJzdWJtaXNzaW9uLXNlcnZpY2UiLCJyZWZlcmVuY2UiOiJFTUxFUi0yMDIzLTAwNDIiLA…"
                            + ".E1-Xbi6IzgEBKbo9HL4aJrGuBOv0P84YpuSqyDGHHiAWrvc-1eOhuEkp8qKeq1_GY7Mrm-eoKasZwl9gYBmshA")
            String jws) {
    }

    private final ReceiptSigner signer;
    private final ObjectMapper mapper;

    public Receipts(ReceiptSigner signer, ObjectMapper mapper) {
        this.signer = signer;
        this.mapper = mapper;
    }

    /** Signs the receipt of a submission that is being received. */
    public SignedReceipt issue(Submission s, CallForInput call, List<Document> documents) {
        Receipt receipt = new Receipt(signer.issuer(), s.reference, s.id, call.id, call.slug, s.organisationId,
                s.organisationName, s.title, s.receivedAt, call.deadlineLocal, call.timeZone,
                s.late ? Receipt.Timeliness.LATE : Receipt.Timeliness.ON_TIME,
                documents.stream().map(d -> new Receipt.ReceivedFile(d.id, d.role.name(), d.fileName, d.contentType,
                        d.sizeBytes, d.sha256)).toList(),
                s.links, s.consent);
        try {
            return new SignedReceipt(receipt, signer.sign(mapper.writeValueAsString(receipt)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a receipt", e);
        }
    }

    /**
     * The receipt inside a JWS that this service signed and stored itself: decoded, not verified again (verifying
     * an ES256 signature costs more than issuing one, and the stored JWS is the one handed out at submission).
     */
    public SignedReceipt read(String jws) {
        try {
            return new SignedReceipt(mapper.readValue(JWSObject.parse(jws).getPayload().toString(), Receipt.class), jws);
        } catch (ParseException | JsonProcessingException e) {
            throw new IllegalStateException("A stored receipt cannot be read", e);
        }
    }

    /**
     * The receipt if the JWS is well-formed and signed by one of this platform's keys (the current one or any earlier
     * one: keys are never dropped); empty otherwise.
     */
    public Optional<SignedReceipt> verify(String jws) {
        try {
            JWSObject parsed = JWSObject.parse(jws);
            if (!ReceiptSigner.TYPE.equals(parsed.getHeader().getType())) {
                return Optional.empty();
            }
            Optional<ECKey> key = signer.publicKey(parsed.getHeader().getKeyID());
            if (key.isEmpty() || !parsed.verify(new ECDSAVerifier(key.get()))) {
                return Optional.empty();
            }
            return Optional.of(new SignedReceipt(mapper.readValue(parsed.getPayload().toString(), Receipt.class), jws));
        } catch (ParseException | JOSEException | JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
