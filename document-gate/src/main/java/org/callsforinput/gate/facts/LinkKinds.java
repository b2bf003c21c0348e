package org.callsforinput.gate.facts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A guess at the kind of a hyperlink found in a document, from its target alone, in the kinds contributors choose
 * from (legislation, statistics, report, website, other). A guess for sorting and reading, never a verdict.
 */
public final class LinkKinds {

    private static final Pattern LEGISLATION = Pattern.compile(
            "legisla|/laws?/|laws?\\.|/lex/|eur-lex|legifrance|boe\\.es|gesetz|/statutes?/|/acts?[-/_]|decree|decret|/ley|/loi");
    private static final Pattern STATISTICS = Pattern.compile("statisti|estadist|/stats?/|stats\\.|/data/|data\\.|census|\\.csv$|\\.xlsx?$");
    private static final Pattern REPORT = Pattern.compile("report|rapport|informe|\\.pdf$|\\.docx?$|\\.odt$");

    private LinkKinds() {
    }

    public static String guess(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        int query = u.indexOf('?');
        String path = query < 0 ? u : u.substring(0, query);
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            return "other";
        }
        if (LEGISLATION.matcher(path).find()) {
            return "legislation";
        }
        if (STATISTICS.matcher(path).find()) {
            return "statistics";
        }
        if (REPORT.matcher(path).find()) {
            return "report";
        }
        return "website";
    }
}
