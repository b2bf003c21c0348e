package org.callsforinput.gate.facts;

import java.util.List;

/**
 * What a document says about itself, for reviewers: the hyperlinks found in it and its embedded metadata. Every
 * list and every value is bounded ({@link FactsExtractor#MAX_VALUES}, {@link FactsExtractor#MAX_VALUE_LENGTH});
 * {@code truncated} says that something was left out. {@code format} is {@code docx}, {@code odt} or {@code doc}
 * (the formats whose facts are read); {@code notes} say what could not be read in this format.
 */
public record DocumentFacts(String format, List<FoundLink> hyperlinks, Metadata metadata, boolean truncated, List<String> notes) {

    /** A hyperlink found in the document: its target, its display text when known, and the part it is in. */
    public record FoundLink(String url, String text, String part) {
    }

    /** A custom (user-defined) document property. */
    public record Property(String name, String value) {
    }

    /**
     * The embedded metadata: core properties, application properties, the people named by comments and tracked
     * changes (and Word's people part), custom properties.
     */
    public record Metadata(String title, String subject, String keywords, String description, String author,
            String lastModifiedBy, String company, String manager, List<String> commentAuthors, List<String> revisionAuthors,
            List<String> people, List<Property> customProperties) {

        public static final Metadata NONE = new Metadata(null, null, null, null, null, null, null, null, List.of(), List.of(),
                List.of(), List.of());

        /**
         * The values that can name a person or an organisation: every property with a value, and every comment or
         * revision author other than the platform's neutral one ({@link #NEUTRAL_AUTHOR}). Empty for a document
         * that may be published without naming its submitter.
         */
        public List<String> identifying() {
            java.util.List<String> found = new java.util.ArrayList<>();
            named(found, "title", title);
            named(found, "subject", subject);
            named(found, "keywords", keywords);
            named(found, "description", description);
            named(found, "author", author);
            named(found, "lastModifiedBy", lastModifiedBy);
            named(found, "company", company);
            named(found, "manager", manager);
            if (commentAuthors.stream().anyMatch(a -> !NEUTRAL_AUTHOR.equals(a))) {
                found.add("commentAuthors");
            }
            if (revisionAuthors.stream().anyMatch(a -> !NEUTRAL_AUTHOR.equals(a))) {
                found.add("revisionAuthors");
            }
            if (!people.isEmpty()) {
                found.add("people");
            }
            if (!customProperties.isEmpty()) {
                found.add("customProperties");
            }
            return List.copyOf(found);
        }

        private static void named(List<String> found, String name, String value) {
            if (value != null && !value.isBlank()) {
                found.add(name);
            }
        }
    }

    /** The name that a metadata-cleaned copy gives every comment and tracked change. */
    public static final String NEUTRAL_AUTHOR = "Anonymous";
}
