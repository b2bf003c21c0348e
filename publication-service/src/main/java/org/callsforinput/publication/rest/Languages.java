package org.callsforinput.publication.rest;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import org.callsforinput.publication.PublicationProblems;
import org.callsforinput.platform.problem.ApiException;

/** The language of a public output: an explicit {@code ?lang=} wins, then Accept-Language, then English. */
final class Languages {

    private Languages() {
    }

    static String choose(String lang, HttpHeaders headers) {
        if (lang != null) {
            if (!PublicTexts.SUPPORTED.contains(lang)) {
                throw PublicationProblems.UNSUPPORTED_LANGUAGE.exception(
                        "Parameter lang must be one of " + PublicTexts.SUPPORTED);
            }
            return lang;
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept == null || accept.isBlank()) {
            return PublicTexts.DEFAULT;
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(accept), PublicTexts.SUPPORTED);
            return match == null ? PublicTexts.DEFAULT : match;
        } catch (IllegalArgumentException e) {
            // An unreadable header is no reason to refuse a public page: the default language serves.
            return PublicTexts.DEFAULT;
        }
    }

    /** A text in the wanted language, else English, else any. */
    static String pick(java.util.Map<String, String> texts, String lang) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        for (String candidate : List.of(lang, PublicTexts.DEFAULT)) {
            String text = texts.get(candidate);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return texts.values().stream().filter(t -> t != null && !t.isBlank()).findFirst().orElse("");
    }
}
