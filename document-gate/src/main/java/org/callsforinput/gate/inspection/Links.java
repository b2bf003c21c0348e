package org.callsforinput.gate.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callsforinput.platform.problem.ApiException;

/**
 * Which links a document that may be published can carry. A hyperlink opens only when a reader clicks it, in their
 * browser or mail program: web (http, https) and e-mail (mailto) links are fine. Anything else is refused: {@code file:}
 * and UNC paths ({@code \\host\share}) make Windows connect to a server and hand it the reader's credentials,
 * {@code javascript:}, {@code vbscript:}, {@code data:} and program schemes ({@code ms-word:}, {@code search-ms:}) run
 * or open something, and a relative target names a file beside the document on the uploader's machine.
 * <p>
 * Content that a reader fetches or runs by itself when the document opens (remote templates, linked OLE objects,
 * frames, sub-documents, linked images, INCLUDETEXT/INCLUDEPICTURE/LINK/DDE fields) is refused whatever its scheme.
 */
final class Links {

    static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    /** Fields that fetch content from, or run, something outside the document when it is opened or updated. */
    static final Set<String> FETCHING_FIELDS = Set.of("INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "LINK", "DDE", "DDEAUTO",
            "IMPORT");

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    // A field instruction: quoted arguments (with \" inside) or bare words.
    private static final Pattern FIELD_TOKEN = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");
    // HYPERLINK switches that take an argument (\l bookmark, \o tooltip, \t target frame); \m and \n take none.
    private static final Set<String> HYPERLINK_SWITCHES_WITH_ARGUMENT = Set.of("\\l", "\\o", "\\t");

    private Links() {
    }

    /** Refuses {@code target} unless it is a web or e-mail link, or (when {@code anchors}) a link inside the document. */
    static void requireSafeHyperlink(String target, String part, boolean anchors) {
        String link = target == null ? "" : target.strip();
        if (anchors && link.startsWith("#")) {
            return;
        }
        Optional<String> scheme = scheme(link);
        if (scheme.isEmpty() || !SAFE_SCHEMES.contains(scheme.get())) {
            throw Refusals.unsafeHyperlink(scheme.orElse(null), part);
        }
    }

    /** The lower-case scheme of a link, if it has one; a Windows drive letter ("C:\") is a path, not a scheme. */
    static Optional<String> scheme(String link) {
        Matcher m = SCHEME.matcher(link);
        if (!m.find() || m.group(1).length() == 1) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * Checks one complete field instruction (the text of its w:instrText runs, or a w:fldSimple's w:instr): a field that
     * fetches is refused, a HYPERLINK field's target must be a safe hyperlink.
     */
    static void requireSafeField(String instruction, String part) {
        List<String> tokens = tokens(instruction);
        if (tokens.isEmpty()) {
            return;
        }
        String field = tokens.get(0).toUpperCase(Locale.ROOT);
        if (FETCHING_FIELDS.contains(field)) {
            throw Refusals.externalReference("content through a " + field + " field", part);
        }
        if (field.equals("HYPERLINK")) {
            for (int i = 1; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (HYPERLINK_SWITCHES_WITH_ARGUMENT.contains(token.toLowerCase(Locale.ROOT))) {
                    i++; // \l "bookmark": a place in this document, not a target
                } else if (!token.startsWith("\\")) {
                    requireSafeHyperlink(token, part, false);
                    return;
                }
            }
        }
    }

    private static List<String> tokens(String instruction) {
        List<String> tokens = new ArrayList<>();
        Matcher m = FIELD_TOKEN.matcher(instruction);
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1).replace("\\\\", "\\").replace("\\\"", "\"") : m.group(2));
        }
        return tokens;
    }

    /** Whether an ODF {@code xlink:href} names a part inside the package ("Pictures/1.png", "./Object 1"). */
    static boolean internalPackagePath(String href) {
        String path = href == null ? "" : href.strip();
        if (path.isEmpty() || scheme(path).isPresent() || path.startsWith("/") || path.startsWith("\\") || path.contains(":")) {
            return false;
        }
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        return !path.startsWith("../") && !path.contains("/../") && !path.contains("\\");
    }

    /** The refusal of an ODF element that points outside the package, naming what a reader would fetch. */
    static ApiException odfExternal(String element, String part) {
        return Refusals.externalReference(switch (element) {
        case "image", "fill-image", "background-image" -> "an image";
        case "object", "object-ole" -> "an embedded object (OLE)";
        case "plugin", "applet" -> "a plug-in";
        case "floating-frame" -> "a frame";
        case "section-source" -> "a section of another document";
        case "event-listener", "script" -> "a script";
        default -> "content (" + element + ")";
        }, part);
    }
}
