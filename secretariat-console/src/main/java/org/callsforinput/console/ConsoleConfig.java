package org.callsforinput.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The secretariat console's own settings (its sign-in, session and language cookie are web-support's {@code web.*}). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** submission-service's address (its REST client's URL is set from it). */
    String submissionUrl();

    /** review-service's address (its REST client's URL is set from it). */
    String reviewUrl();

    /** publication-service's address (its REST clients' URL is set from it). */
    String publicationUrl();

    /** The public site (publication-service's pages), for the "public page of the call" links. */
    String publicUrl();

    Queue queue();

    interface Queue {
        /**
         * How long the saved views' counts of a user are reused: the queue page is reloaded after every action. The
         * page's own list and total are always fresh.
         */
        @WithDefault("10s")
        Duration countsTtl();
    }
}
