package org.callsforinput.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.console.api.ReviewApi;
import org.callsforinput.console.api.SubmissionApi;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/** A call's statistics as charts (each with its numbers as a table), and its export as a download. */
@Path("/calls/{id}")
@RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
public class StatisticsPage {

    /** One bar: a value of the dimension (an enum constant or a code), its count, its length in the chart. */
    @TemplateData
    public record Bar(String key, long count, int width) {
    }

    /** One chart: which dimension ({@code byStatus}, ...), and its bars, largest first. */
    @TemplateData
    public record Chart(String dimension, List<Bar> bars) {
    }

    static final List<String> DIMENSIONS = List.of("byStatus", "byDecision", "bySubmitterCategory", "byCountry", "byTheme",
            "byLanguage", "byConsent");
    /** The longest bar, in SVG user units. */
    static final int MAX_WIDTH = 300;

    private final ReviewApi review;
    private final SubmissionApi submission;
    private final Pages pages;
    private final Template statistics;

    public StatisticsPage(@RestClient ReviewApi review, @RestClient SubmissionApi submission, Pages pages,
            @Location("calls/statistics.html") Template statistics) {
        this.review = review;
        this.submission = submission;
        this.pages = pages;
        this.statistics = statistics;
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance statistics(@PathParam("id") UUID id) {
        JsonNode call = submission.call(id);
        JsonNode numbers = review.statistics(id);
        List<Chart> charts = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            charts.add(chart(dimension, numbers.path(dimension)));
        }
        long late = numbers.path("late").asLong();
        long total = numbers.path("total").asLong();
        charts.add(1, new Chart("late", List.of(bar("late", late, total), bar("onTime", total - late, total))));
        return pages.render(statistics).data("call", call).data("numbers", numbers).data("charts", charts);
    }

    /** The call's cases as CSV or JSON (review-service's export: no contact details, no comments). */
    @GET
    @Path("export.{format:csv|json}")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    public Response export(@PathParam("id") UUID id, @PathParam("format") String format) {
        return Downloads.of(review.export(id, format), "csv".equals(format) ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON,
                "attachment; filename=\"cases-" + id + "." + format + "\"");
    }

    static Chart chart(String dimension, JsonNode counts) {
        long max = 0;
        List<Bar> bars = new ArrayList<>();
        var fields = counts.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            max = Math.max(max, e.getValue().asLong());
        }
        fields = counts.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            bars.add(bar(e.getKey(), e.getValue().asLong(), max));
        }
        bars.sort((a, b) -> Long.compare(b.count(), a.count()));
        return new Chart(dimension, List.copyOf(bars));
    }

    private static Bar bar(String key, long count, long max) {
        return new Bar(key, count, max == 0 ? 0 : (int) Math.max(count == 0 ? 0 : 2, count * MAX_WIDTH / max));
    }
}
