package org.callsforinput.review.rest;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.validation.constraints.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.platform.http.ContentDisposition;
import org.callsforinput.platform.security.Roles;
import org.callsforinput.review.entity.ReviewCase;
import org.callsforinput.review.entity.ScreeningReason;
import org.callsforinput.review.service.CaseQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** A call's cases as a whole: statistics and the export for drafting the report. */
@Path("/calls/{callId}")
@RolesAllowed({ Roles.REVIEWER, Roles.COORDINATOR })
@SecurityRequirement(name = "oidc")
@Tag(name = "Calls")
public class CallCasesResource {

    /**
     * One case in an export: what a report needs, without contact details or internal comments (the case itself
     * keeps those).
     */
    public record ExportRow(String reference, Instant receivedAt, boolean late, ReviewCase.Status status, String organisationName,
            SubmitterCategory submitterCategory, String country, String language, List<String> themes, String title, String summary,
            List<Hyperlink> links, List<String> coSubmitters, Consent consent, Boolean withinMandate, ScreeningReason screeningReason,
            List<String> tags, boolean personalData, boolean sensitiveData, Decision decision, Instant decidedAt, String assignee) {

        static ExportRow of(ReviewCase c) {
            return new ExportRow(c.reference, c.receivedAt, c.late, c.status, c.organisationName, c.submitterCategory, c.country,
                    c.language, c.themes, c.title, c.summary, c.links, c.coSubmitters, c.consent, c.inMandate, c.screeningReason,
                    c.tags, c.personalData, c.sensitiveData, c.decision, c.decidedAt, c.assignee);
        }
    }

    static final String[] CSV_HEADER = { "reference", "received_at", "late", "status", "organisation", "submitter_category",
            "country", "language", "themes", "title", "summary", "links", "co_submitters", "consent", "within_mandate",
            "screening_reason", "tags", "personal_data", "sensitive_data", "decision", "decided_at", "assignee" };

    private final CaseQueries cases;

    public CallCasesResource(CaseQueries cases) {
        this.cases = cases;
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A call's cases counted by status, decision, submitter category, country, theme, language, consent; and late ones")
    public CaseQueries.Statistics statistics(UUID callId) {
        return cases.statistics(callId);
    }

    @GET
    @Path("export")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @Operation(summary = "Export a call's cases (CSV or JSON) for drafting the report",
            description = "`format=csv` (UTF-8 with a header row) or `format=json`. No contact details, no internal comments.")
    public Response export(UUID callId,
            @RestQuery @DefaultValue("csv") @Pattern(regexp = "csv|json", message = "csv or json") String format) {
        List<ExportRow> rows = cases.ofCall(callId).stream().map(ExportRow::of).toList();
        String fileName = "cases-" + callId + "." + format;
        Response.ResponseBuilder response = "json".equals(format)
                ? Response.ok(rows, MediaType.APPLICATION_JSON_TYPE)
                : Response.ok(csv(rows), new MediaType("text", "csv", StandardCharsets.UTF_8.name()));
        return response.header("Content-Disposition", ContentDisposition.attachment(fileName))
                .header("Cache-Control", "private, no-store").build();
    }

    private static StreamingOutput csv(List<ExportRow> rows) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
                for (ExportRow r : rows) {
                    csv.printRecord(r.reference(), r.receivedAt(), r.late(), r.status(), safe(r.organisationName()), r.submitterCategory(),
                            r.country(), r.language(), join(r.themes()), safe(r.title()), safe(r.summary()),
                            r.links() == null ? "" : r.links().stream().map(Hyperlink::url).collect(Collectors.joining(" ")),
                            safe(join(r.coSubmitters())), r.consent(), r.withinMandate(), r.screeningReason(), join(r.tags()),
                            r.personalData(), r.sensitiveData(), r.decision(), r.decidedAt(), r.assignee());
                }
            }
        };
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("; ", values);
    }

    /** Contributors' text must not become a formula in a spreadsheet (CSV injection). */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
