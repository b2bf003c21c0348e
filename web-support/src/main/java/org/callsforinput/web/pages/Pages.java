package org.callsforinput.web.pages;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Renders a page in the user's language with what every page's frame needs: who is signed in, the current path (for
 * the language switch), the languages, and what the application adds ({@link PageFrame}: its navigation by role).
 */
@RequestScoped
public class Pages {

    /** One entry of the language switch. */
    public record Language(String code, String name, boolean current) {
    }

    private final SecurityIdentity identity;
    private final Lang lang;
    private final UriInfo uri;
    private final Instance<PageFrame> frames;

    public Pages(SecurityIdentity identity, Lang lang, UriInfo uri, @Any Instance<PageFrame> frames) {
        this.identity = identity;
        this.lang = lang;
        this.uri = uri;
        this.frames = frames;
    }

    public TemplateInstance render(Template template) {
        TemplateInstance page = template.instance();
        page.setLocale(lang.locale());
        page.data("lang", lang.code())
                .data("languages", List.of(new Language("en", "English", lang.code().equals("en")),
                        new Language("fr", "Français", lang.code().equals("fr")),
                        new Language("es", "Español", lang.code().equals("es"))))
                .data("here", here())
                .data("user", identity.isAnonymous() ? null : identity.getPrincipal().getName());
        frames.forEach(frame -> frame.addTo(page));
        return page;
    }

    public String lang() {
        return lang.code();
    }

    public boolean is(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    public String userName() {
        return identity.getPrincipal().getName();
    }

    /**
     * The path and query of this request, for links that come back here; without a {@code lang} parameter, which would
     * outweigh the language switch that the link is for.
     */
    public String here() {
        String query = uri.getRequestUri().getRawQuery();
        String kept = query == null ? "" : java.util.Arrays.stream(query.split("&"))
                .filter(part -> !part.equals(Lang.QUERY_PARAMETER) && !part.startsWith(Lang.QUERY_PARAMETER + "="))
                .collect(java.util.stream.Collectors.joining("&"));
        return uri.getRequestUri().getRawPath() + (kept.isEmpty() ? "" : "?" + kept);
    }

    /** A local path to return to: anything that could leave the application becomes {@code /}. */
    public static String localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return path;
    }
}
