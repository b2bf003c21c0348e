package org.callsforinput.publication.service;

import java.util.Locale;
import java.util.regex.Pattern;

/** Content types from outside are kept only when they are a plain {@code type/subtype}. */
final class MediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private MediaTypes() {
    }

    static String safe(String contentType) {
        if (contentType == null) {
            return OCTET_STREAM;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return TYPE.matcher(type).matches() ? type : OCTET_STREAM;
    }
}
