package org.callsforinput.web.api;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of field message the services send in a problem's {@code errors} (Bean Validation's default English texts
 * and the platform's own constraint messages), so that each application can say them in its user's language.
 */
public enum ValidationMessage {
    REQUIRED("must not be blank", "must not be null", "must not be empty"),
    EMAIL("must be a well-formed email address"),
    SIZE("size must be between"),
    RANGE("must be less than or equal to", "must be greater than or equal to"),
    COUNTRY("ISO 3166-1"),
    LANGUAGE("ISO 639-1"),
    LANGUAGE_KEY("en, fr or es"),
    SLUG("lower-case letters, digits and dashes"),
    CODE("upper-case letters, digits and dashes"),
    CONTROL("control characters");

    private final List<String> marks;

    ValidationMessage(String... marks) {
        this.marks = List.of(marks);
    }

    /** The kind of a service's field message, if it is one of these. */
    public static Optional<ValidationMessage> of(String message) {
        for (ValidationMessage kind : values()) {
            if (kind.marks.stream().anyMatch(message::contains)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
