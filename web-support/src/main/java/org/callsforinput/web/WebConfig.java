package org.callsforinput.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a web application built on web-support (the console, the portal) sets for its pages and sessions. */
@ConfigMapping(prefix = "web")
public interface WebConfig {

    /**
     * The name of the cookie that keeps the language the user chose with the language switch; each application has
     * its own, as the console and the portal may share a host name.
     */
    String languageCookie();

    Session session();

    interface Session {
        /**
         * The longest a sign-in session lasts, whatever its tokens say (Keycloak's SSO maximum); its stored tokens are
         * removed after that.
         */
        @WithDefault("10h")
        Duration maxAge();
    }
}
