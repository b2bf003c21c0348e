package org.callsforinput.web.pages;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.web.api.ServiceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;

/**
 * What a user sees when something is refused or away: a page in their language that says so, never a stack trace.
 * A service's 403 is the application's "not allowed" page too, so the API's rules decide, and nothing of the data shows.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Pages pages;
    private final Template error;
    private final ProblemTexts problems;

    public ErrorPages(Pages pages, @Location("error.html") Template error, ProblemTexts problems) {
        this.pages = pages;
        this.error = error;
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "notAllowed", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "notFound", null);
    }

    @ServerExceptionMapper
    public Response service(ServiceException e) {
        return switch (e.status()) {
            case 401, 403 -> page(403, "notAllowed", null);
            case 404 -> page(404, "notFound", null);
            default -> {
                if (e.isClientError()) {
                    yield page(e.status(), "refused", problems.describe(e));
                }
                LOG.warnf("%s failed: %s", e.service(), e.getMessage());
                yield unavailable(e.service());
            }
        };
    }

    /** A service that is down or does not answer in time. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service is unreachable: %s", e.getMessage());
        return unavailable(null);
    }

    /** Anything else: logged with its stack trace, shown to the user as a plain page without it. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response failed(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() < 500) {
            return w.getResponse();
        }
        LOG.error("page failed", e);
        return page(500, "failed", null);
    }

    private Response unavailable(String service) {
        Response page = page(503, "unavailable", service);
        return Response.fromResponse(page).header("Retry-After", "30").build();
    }

    private Response page(int status, String kind, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(error).data("kind", kind).data("status", status).data("detail", detail).render())
                .build();
    }
}
