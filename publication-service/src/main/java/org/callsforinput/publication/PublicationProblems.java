package org.callsforinput.publication;

import java.util.List;

import org.callsforinput.platform.problem.ProblemCatalogue;
import org.callsforinput.platform.problem.ProblemType;

/** The problem types of publication-service's own refusals (the platform's come on top). */
public enum PublicationProblems implements ProblemType {

    MALFORMED_ID("malformed-id", 400, "Malformed id",
            "A contribution or document id in the path is not a UUID",
            "A contribution id is a UUID"),
    MALFORMED_SLUG("malformed-slug", 400, "Malformed slug",
            "A call slug in the path is not lower-case letters, digits and dashes",
            "A call is named by its slug: lower-case letters, digits and dashes"),
    UNSUPPORTED_LANGUAGE("unsupported-language", 400, "Unsupported language",
            "The lang parameter is not a language of the public pages",
            "Parameter lang must be one of [en, fr, es]"),
    INVALID_WEBHOOK_URL("invalid-webhook-url", 400, "Invalid webhook URL",
            "A subscription's URL is not an absolute https URL without credentials",
            "The webhook URL must be an absolute https URL"),
    WEBHOOK_TARGET_REFUSED("webhook-target-refused", 400, "Webhook target refused",
            "A subscription's host resolves to a loopback, private or link-local address",
            "The webhook host 127.0.0.1 is a loopback address"),
    RETRACTED("retracted", 410, "Retracted",
            "The contribution or document was published and has been retracted",
            "The contribution 0bf49d07-74cd-4f84-b57c-b1d8b8f664d6 was published and has been retracted"),
    DELIVERY_IN_PROGRESS("delivery-in-progress", 409, "Delivery in progress",
            "A redelivery asked for while the delivery is being sent",
            "Delivery 0bf49d07-74cd-4f84-b57c-b1d8b8f664d6 is being sent right now; its result will be in the log shortly");

    private final Definition definition;

    PublicationProblems(String slug, int status, String title, String when, String example) {
        this.definition = new Definition(slug, status, title, when, example);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** Lists this catalogue for {@link ProblemCatalogue#all()}. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<PublicationProblems> types() {
            return List.of(values());
        }
    }
}
