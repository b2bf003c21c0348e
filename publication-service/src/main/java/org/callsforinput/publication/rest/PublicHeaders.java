package org.callsforinput.publication.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every public answer (JSON, problems, feeds, pages) is taken for what its Content-Type says, never sniffed. */
public class PublicHeaders {

    @ServerResponseFilter
    public void noSniffing(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/public") || path.startsWith("/calls")) {
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        }
    }
}
