package org.callsforinput.contracts;

import java.util.List;

/**
 * What the public side may show of a contribution: never a contact detail. When the contributor asked to be
 * published without being named ({@link Consent#PUBLISH_WITHOUT_NAME}), {@code anonymised} is true and
 * {@code organisationName} is null and {@code coSubmitters} empty.
 */
public record PublicContribution(
        boolean anonymised,
        String organisationName,
        SubmitterCategory submitterCategory,
        String country,
        String language,
        List<String> themes,
        String title,
        String summary,
        List<Hyperlink> links,
        List<String> coSubmitters) {
}
