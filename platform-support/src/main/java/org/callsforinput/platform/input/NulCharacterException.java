package org.callsforinput.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON string with U+0000 in it; ProblemMapper answers it as the {@code nul-character} problem naming the field. */
public class NulCharacterException extends InvalidFormatException {

    public NulCharacterException(JsonParser parser, String value) {
        super(parser, "Text must not contain the NUL character (U+0000)", value.replace('\0', '\uFFFD'), String.class);
    }
}
