package org.callsforinput.console.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Renders a page in the user's language with what every page's frame needs: who is signed in, what they may do (the
 * navigation), the current path (for the language switch) and the languages.
 */
@RequestScoped
public class Pages {

    /** One entry of the language switch. */
    public record Language(String code, String name, boolean current) {
    }

    private final SecurityIdentity identity;
    private final Lang lang;
    private final UriInfo uri;

    public Pages(SecurityIdentity identity, Lang lang, UriInfo uri) {
        this.identity = identity;
        this.lang = lang;
        this.uri = uri;
    }

    public TemplateInstance render(Template template) {
        TemplateInstance page = template.instance();
        page.setLocale(lang.locale());
        return page.data("lang", lang.code())
                .data("languages", List.of(new Language("en", "English", lang.code().equals("en")),
                        new Language("fr", "Français", lang.code().equals("fr")),
                        new Language("es", "Español", lang.code().equals("es"))))
                .data("here", here())
                .data("user", identity.isAnonymous() ? null : identity.getPrincipal().getName())
                .data("reviewer", is(Roles.REVIEWER))
                .data("coordinator", is(Roles.COORDINATOR))
                .data("callManager", is(Roles.CALL_MANAGER))
                .data("admin", is(Roles.ADMIN))
                .data("internal", is(Roles.REVIEWER) || is(Roles.COORDINATOR) || is(Roles.CALL_MANAGER) || is(Roles.ADMIN));
    }

    public boolean is(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    public String userName() {
        return identity.getPrincipal().getName();
    }

    /** The path and query of this request, for links that come back here. */
    public String here() {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    /** A local path to return to: anything that could leave the console becomes {@code /}. */
    static String localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return path;
    }
}
