package org.callsforinput.web.pages;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.web.WebConfig;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;

/** Keycloak's sign-in and registration pages in the language the user chose here ({@code ui_locales}). */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SignInLanguage implements OidcRedirectFilter {

    private final String cookie;

    public SignInLanguage(WebConfig config) {
        this.cookie = config.languageCookie();
    }

    @Override
    public void filter(OidcRedirectContext context) {
        Cookie chosen = context.routingContext().request().getCookie(cookie);
        if (chosen != null && Lang.supported(chosen.getValue())) {
            context.additionalQueryParams().add("ui_locales", chosen.getValue());
        }
    }
}
