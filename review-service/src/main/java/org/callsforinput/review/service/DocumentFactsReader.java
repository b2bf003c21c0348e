package org.callsforinput.review.service;

import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.gate.clean.MetadataCleaner;
import org.callsforinput.gate.facts.DocumentFacts;
import org.callsforinput.gate.facts.FactsExtractor;
import org.callsforinput.review.config.FactsConfig;
import org.callsforinput.review.entity.CaseDocument;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The document gate's facts and metadata cleaning, configured for this service. */
@ApplicationScoped
public class DocumentFactsReader {

    private static final int ERROR_LENGTH = 500;

    private final FactsExtractor extractor;
    private final MetadataCleaner cleaner;

    public DocumentFactsReader(FactsConfig config) {
        this.extractor = new FactsExtractor(config.maxPartSize());
        this.cleaner = new MetadataCleaner(config.maxPartSize());
    }

    public DocumentFacts read(Path file) throws FactsExtractor.UnreadableException {
        return extractor.extract(file);
    }

    public MetadataCleaner cleaner() {
        return cleaner;
    }

    /**
     * Reads the facts of a checked document and records them (or why they could not be read) in a transaction of
     * its own; an unreadable document never blocks its case.
     */
    void record(UUID documentId, Path file) {
        DocumentFacts facts;
        String error;
        try {
            facts = extractor.extract(file);
            error = null;
        } catch (FactsExtractor.UnreadableException e) {
            Log.warnf("Document %s: no facts read: %s", documentId, e.getMessage());
            facts = null;
            error = e.getMessage().length() > ERROR_LENGTH ? e.getMessage().substring(0, ERROR_LENGTH) : e.getMessage();
        }
        DocumentFacts found = facts;
        String reason = error;
        QuarkusTransaction.requiringNew().run(() -> CaseDocument.<CaseDocument>findByIdOptional(documentId).ifPresent(d -> {
            d.facts = found;
            d.factsError = reason;
        }));
    }
}
