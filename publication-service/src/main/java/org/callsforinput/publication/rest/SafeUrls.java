package org.callsforinput.publication.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Links given by contributors become hrefs only when they are plain http(s) URLs; anything else stays text. */
final class SafeUrls {

    private SafeUrls() {
    }

    static Optional<String> http(String url) {
        if (url == null || url.length() > 2000 || url.codePoints().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '"'
                || c == '<' || c == '>' || c == '\\' || Character.getType(c) == Character.FORMAT)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
