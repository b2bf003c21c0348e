package org.callsforinput.web.pages;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.callsforinput.web.WebConfig;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The language switch ({@code /language/fr?return=/here}) and the language a link asked for ({@code ?lang=fr}):
 * both are remembered in the language cookie, so the next pages stay in it.
 */
@Path("/language")
public class LanguageSwitch {

    private final String cookie;

    public LanguageSwitch(WebConfig config) {
        this.cookie = config.languageCookie();
    }

    /** Sets the language of the pages and goes back to where the user was. */
    @GET
    @Path("{lang}")
    @PermitAll
    public Response language(@PathParam("lang") String lang, @QueryParam("return") String back) {
        if (!Lang.supported(lang)) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(Pages.localPath(back))).cookie(cookie(lang)).build();
    }

    @ServerResponseFilter
    public void rememberAskedLanguage(ContainerRequestContext request, ContainerResponseContext response) {
        String asked = request.getUriInfo().getQueryParameters().getFirst(Lang.QUERY_PARAMETER);
        if (Lang.supported(asked)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(asked));
        }
    }

    private NewCookie cookie(String lang) {
        return new NewCookie.Builder(cookie).value(lang).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
    }
}
