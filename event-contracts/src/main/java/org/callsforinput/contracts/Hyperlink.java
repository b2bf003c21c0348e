package org.callsforinput.contracts;

/** A hyperlink given with a contribution; kind is one of legislation, statistics, report, website, other. */
public record Hyperlink(String url, String label, String kind) {
}
