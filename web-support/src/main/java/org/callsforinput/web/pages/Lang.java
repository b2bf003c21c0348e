package org.callsforinput.web.pages;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.callsforinput.web.WebConfig;

/**
 * The language of the pages: the one a link asks for ({@code ?lang=fr}, as the public call page's "Contribute" link
 * does), else the one the user chose with the language switch (a cookie, {@code web.language-cookie}), else the best
 * match of the browser's Accept-Language, else English.
 */
@RequestScoped
public class Lang {

    public static final List<String> SUPPORTED = List.of("en", "fr", "es");
    public static final String QUERY_PARAMETER = "lang";

    private final String code;

    public Lang(HttpHeaders headers, UriInfo uri, WebConfig config) {
        String query = uri.getQueryParameters().getFirst(QUERY_PARAMETER);
        this.code = supported(query) ? query : choose(headers, config.languageCookie());
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    static boolean supported(String lang) {
        return lang != null && SUPPORTED.contains(lang);
    }

    private static String choose(HttpHeaders headers, String cookie) {
        Cookie chosen = headers.getCookies().get(cookie);
        if (chosen != null && supported(chosen.getValue())) {
            return chosen.getValue();
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept != null && !accept.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(accept), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException e) {
                // An unreadable header: the default serves.
            }
        }
        return "en";
    }
}
