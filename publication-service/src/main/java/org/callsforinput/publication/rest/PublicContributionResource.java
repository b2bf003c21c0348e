package org.callsforinput.publication.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.callsforinput.platform.problem.ApiException;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.entity.PublicCall;
import org.callsforinput.publication.service.PublicQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One published contribution as JSON. No login. */
@Path("/public/contributions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class PublicContributionResource {

    private final PublicQueries queries;

    public PublicContributionResource(PublicQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One published contribution; 410 once it was retracted")
    public PublicViews.ContributionView get(String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PublicTexts t = PublicTexts.of(Languages.choose(lang, headers));
        UUID uuid = Ids.parse(id, "contribution");
        PublicQueries.Published published = queries.contribution(uuid)
                .orElseThrow(() -> Ids.notFound("contribution", uuid));
        PublicCall call = PublicCall.findById(published.contribution().callId);
        if (published.contribution().status != Contribution.Status.PUBLISHED) {
            throw Ids.gone("contribution", uuid);
        }
        if (call == null || "DRAFT".equals(call.status)) {
            throw Ids.notFound("contribution", uuid);
        }
        return PublicViews.contribution(call, published, t);
    }
}
