package org.callsforinput.portal.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The lists a contributor chooses from, named in the page's language: countries (ISO 3166-1) and languages (ISO 639-1). */
final class Choices {

    /** One option of a list: the code the API takes and its name. */
    record Option(String code, String name) {
    }

    static final List<String> CATEGORIES = List.of("STATE", "NHRI", "INTERGOVERNMENTAL_OR_UN", "CIVIL_SOCIETY", "ACADEMIA",
            "INDIVIDUAL", "OTHER");
    static final List<String> CONSENTS = List.of("PUBLISH_IN_FULL", "PUBLISH_WITHOUT_NAME", "DO_NOT_PUBLISH");
    static final List<String> LINK_KINDS = List.of("legislation", "statistics", "report", "website", "other");

    private Choices() {
    }

    static List<Option> countries(String lang) {
        Locale in = Locale.forLanguageTag(lang);
        return sorted(Arrays.stream(Locale.getISOCountries())
                .map(code -> new Option(code, new Locale("", code).getDisplayCountry(in))), in);
    }

    static List<Option> languages(String lang) {
        Locale in = Locale.forLanguageTag(lang);
        return sorted(Arrays.stream(Locale.getISOLanguages()).filter(code -> code.length() == 2)
                .map(code -> new Option(code, Locale.forLanguageTag(code).getDisplayLanguage(in))), in);
    }

    private static List<Option> sorted(java.util.stream.Stream<Option> options, Locale in) {
        Collator collator = Collator.getInstance(in);
        return options.sorted(Comparator.comparing(Option::name, collator)).toList();
    }
}
