package org.callsforinput.publication.rest;

import java.util.List;

/** The public index page: the public calls and links to their pages. */
public record CallsPage(PublicTexts t, List<CallPage.LanguageLink> languages, List<Item> calls) {

    public record Item(String title, String mandate, String href, String status, String deadline, long contributions) {
    }
}
