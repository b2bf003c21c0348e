package org.callsforinput.publication.rest;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.callsforinput.contracts.SubmitterCategory;

/**
 * The fixed texts of the public outputs in English, French and Spanish: one source for the page, the JSON labels
 * and the feeds.
 */
public record PublicTexts(
        String lang,
        Locale locale,
        String languageName,
        String skipToContent,
        String siteName,
        String languageNavigation,
        String mandate,
        String deadline,
        String status,
        String statusOpen,
        String statusClosed,
        String statusDraft,
        String previewNotice,
        String contribute,
        String aboutTheCall,
        String themes,
        String contributions,
        String noContributions,
        String contributionsIn,
        String anonymous,
        String country,
        String language,
        String jointWith,
        String redacted,
        String links,
        String documents,
        String documentColumn,
        String languageColumn,
        String sizeColumn,
        String sha256Column,
        String documentsOf,
        String noDocument,
        String asReceived,
        String metadataRemoved,
        String redactedCopy,
        String publishedOn,
        String feedLink,
        String jsonLink,
        String latestContributions,
        String publicCalls,
        String noCalls,
        String bytes,
        String kilobytes,
        String megabytes,
        String gigabytes,
        Map<SubmitterCategory, String> categories) {

    public static final List<String> SUPPORTED = List.of("en", "fr", "es");
    public static final String DEFAULT = "en";

    private static final PublicTexts EN = new PublicTexts("en", Locale.UK, "English",
            "Skip to main content", "Calls for input", "Language", "Mandate", "Deadline", "Status",
            "Open for contributions", "Closed", "Draft",
            "Preview for the secretariat: this page is not public. It shows what the public page will show.",
            "Contribute to this call", "About the call", "Thematic areas", "Contributions received",
            "No contribution has been published yet.", "Contributions from this group", "Anonymous contribution",
            "Country", "Language", "Joint submission with", "Published with redactions", "Links", "Documents",
            "Document", "Language", "Size", "SHA-256", "Documents of", "No document",
            "As received", "Metadata removed by the platform", "Redacted copy", "Published on",
            "Atom feed of this call", "This call as JSON", "Latest contributions to calls for input", "Public calls for input",
            "No call for input is public yet.", "bytes", "KB", "MB", "GB",
            Map.of(SubmitterCategory.STATE, "States",
                    SubmitterCategory.NHRI, "National human rights institutions",
                    SubmitterCategory.INTERGOVERNMENTAL_OR_UN, "Intergovernmental organisations and UN entities",
                    SubmitterCategory.CIVIL_SOCIETY, "Civil society organisations",
                    SubmitterCategory.ACADEMIA, "Academia",
                    SubmitterCategory.INDIVIDUAL, "Individuals",
                    SubmitterCategory.OTHER, "Others"));

    private static final PublicTexts FR = new PublicTexts("fr", Locale.FRANCE, "Français",
            "Aller au contenu principal", "Appels à contributions", "Langue", "Mandat", "Date limite", "Statut",
            "Ouvert aux contributions", "Clos", "Brouillon",
            "Aperçu pour le secrétariat : cette page n’est pas publique. Elle montre ce que la page publique montrera.",
            "Contribuer à cet appel", "À propos de l’appel", "Domaines thématiques", "Contributions reçues",
            "Aucune contribution n’a encore été publiée.", "Contributions de ce groupe", "Contribution anonyme",
            "Pays", "Langue", "Contribution conjointe avec", "Publiée avec des passages masqués", "Liens", "Documents",
            "Document", "Langue", "Taille", "SHA-256", "Documents de", "Aucun document",
            "Tel que reçu", "Métadonnées supprimées par la plateforme", "Copie expurgée", "Publiée le",
            "Flux Atom de cet appel", "Cet appel en JSON", "Dernières contributions aux appels à contributions",
            "Appels à contributions publics", "Aucun appel à contributions n’est encore public.", "octets", "Ko", "Mo", "Go",
            Map.of(SubmitterCategory.STATE, "États",
                    SubmitterCategory.NHRI, "Institutions nationales des droits de l’homme",
                    SubmitterCategory.INTERGOVERNMENTAL_OR_UN, "Organisations intergouvernementales et entités des Nations Unies",
                    SubmitterCategory.CIVIL_SOCIETY, "Organisations de la société civile",
                    SubmitterCategory.ACADEMIA, "Milieux universitaires",
                    SubmitterCategory.INDIVIDUAL, "Particuliers",
                    SubmitterCategory.OTHER, "Autres"));

    private static final PublicTexts ES = new PublicTexts("es", Locale.forLanguageTag("es-ES"), "Español",
            "Ir al contenido principal", "Convocatorias de contribuciones", "Idioma", "Mandato", "Plazo", "Estado",
            "Abierta a contribuciones", "Cerrada", "Borrador",
            "Vista previa para la secretaría: esta página no es pública. Muestra lo que mostrará la página pública.",
            "Contribuir a esta convocatoria", "Acerca de la convocatoria", "Áreas temáticas", "Contribuciones recibidas",
            "Todavía no se ha publicado ninguna contribución.", "Contribuciones de este grupo", "Contribución anónima",
            "País", "Idioma", "Contribución conjunta con", "Publicada con partes suprimidas", "Enlaces", "Documentos",
            "Documento", "Idioma", "Tamaño", "SHA-256", "Documentos de", "Ningún documento",
            "Tal como se recibió", "Metadatos eliminados por la plataforma", "Copia con partes suprimidas", "Publicada el",
            "Canal Atom de esta convocatoria", "Esta convocatoria en JSON", "Últimas contribuciones a las convocatorias",
            "Convocatorias de contribuciones públicas", "Todavía no hay ninguna convocatoria pública.", "bytes", "KB", "MB", "GB",
            Map.of(SubmitterCategory.STATE, "Estados",
                    SubmitterCategory.NHRI, "Instituciones nacionales de derechos humanos",
                    SubmitterCategory.INTERGOVERNMENTAL_OR_UN, "Organizaciones intergubernamentales y entidades de las Naciones Unidas",
                    SubmitterCategory.CIVIL_SOCIETY, "Organizaciones de la sociedad civil",
                    SubmitterCategory.ACADEMIA, "Mundo académico",
                    SubmitterCategory.INDIVIDUAL, "Particulares",
                    SubmitterCategory.OTHER, "Otros"));

    public static PublicTexts of(String lang) {
        return switch (lang) {
            case "fr" -> FR;
            case "es" -> ES;
            default -> EN;
        };
    }

    public String category(SubmitterCategory category) {
        return categories.get(category == null ? SubmitterCategory.OTHER : category);
    }

    /** Which form of the contributor's document is published, in words. */
    public String variant(String variant) {
        return switch (variant == null ? "" : variant) {
            case "METADATA_REMOVED" -> metadataRemoved;
            case "REDACTED" -> redactedCopy;
            default -> asReceived;
        };
    }

    public String statusText(String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> statusOpen;
            case "CLOSED" -> statusClosed;
            case "DRAFT" -> statusDraft;
            default -> status;
        };
    }

    /** A size as people read it: "48.2 KB", "47,1 Ko". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + "\u00a0" + this.bytes;
        }
        double value = bytes;
        String[] units = { kilobytes, megabytes, gigabytes };
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(locale)).format(value) + "\u00a0" + units[unit];
    }

    /** The name of a language (ISO 639-1 code) in this language: "French", "français". */
    public String languageName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() ? code : name;
    }

    /** The name of a country (ISO 3166 alpha-2) in this language. */
    public String countryName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
        return name.isEmpty() ? code : name;
    }
}
