package org.callsforinput.review.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.callsforinput.review.config.DocumentsConfig;

import com.google.common.base.Optional;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The text and language of a document (Apache Tika, any format it knows; the language with the Optimaize
 * detector). Text beyond the configured limit is cut off and the result says so.
 */
@ApplicationScoped
public class TextExtractor {

    /** The extracted text; {@code language} is an ISO 639-1 code or null when it could not be told. */
    public record Extraction(String text, String language, boolean truncated) {
    }

    /** The document could not be parsed: it stays readable, just not searchable. */
    public static class UnparsableException extends Exception {
        UnparsableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int LANGUAGE_SAMPLE = 20_000;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int limit;
    private final LanguageDetector detector;
    private final TextObjectFactory textObjects = CommonTextObjectFactories.forDetectingOnLargeText();

    public TextExtractor(DocumentsConfig config) {
        this.limit = config.documents().textLimit();
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the language profiles", e);
        }
    }

    public Extraction extract(Path file) throws UnparsableException {
        BodyContentHandler handler = new BodyContentHandler(limit);
        ParseContext context = new ParseContext();
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true); // streams .docx instead of building the whole document in memory
        context.set(OfficeParserConfig.class, office);
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            parser.parse(in, handler, new Metadata(), context);
        } catch (Exception | StackOverflowError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                throw new UnparsableException(reason(e), e);
            }
        }
        String text = handler.toString().strip();
        return new Extraction(text, language(text), truncated);
    }

    /**
     * What reviewers are told: a short neutral sentence. The parser's exception (class, message, stack) names library
     * internals and goes to the log only.
     */
    static String reason(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "The document is nested too deeply to be read";
        }
        if (failure instanceof EncryptedDocumentException) {
            return "The document is encrypted";
        }
        if (failure instanceof ZeroByteFileException) {
            return "The document is empty";
        }
        return "The document's text could not be extracted";
    }

    private String language(String text) {
        if (text.isBlank()) {
            return null;
        }
        Optional<LdLocale> locale = detector.detect(textObjects.forText(text.length() > LANGUAGE_SAMPLE ? text.substring(0, LANGUAGE_SAMPLE) : text));
        return locale.isPresent() ? locale.get().getLanguage() : null;
    }
}
