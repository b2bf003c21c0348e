package org.callsforinput.publication.service;

import java.util.UUID;

/** The public paths of this service, relative to its public address; events and pages use the same. */
public final class PublicPaths {

    private PublicPaths() {
    }

    public static String calls() {
        return "/public/calls";
    }

    public static String call(String slug) {
        return "/public/calls/" + slug;
    }

    public static String page(String slug) {
        return "/calls/" + slug;
    }

    public static String callFeed(String slug) {
        return "/public/calls/" + slug + "/feed";
    }

    public static String feed() {
        return "/public/feed";
    }

    public static String contribution(UUID id) {
        return "/public/contributions/" + id;
    }

    public static String document(UUID id) {
        return "/public/documents/" + id;
    }
}
