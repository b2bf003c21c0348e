package org.callsforinput.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The realm's clients as a demo user needs them: each one, how it signs in, and the secret of the confidential ones
 * (generated per checkout, see {@link Secrets}). Printed by {@code ./platform run}; every client of
 * deploy/keycloak/calls-realm.json is here (the launcher's test checks it).
 */
final class DemoClients {

    /** A web application's port on 127.0.0.1 (its redirect URIs in the realm). */
    static final int SECRETARIAT_CONSOLE_PORT = 8084;
    static final int CONTRIBUTOR_PORTAL_PORT = 8085;

    /** The environment variable that lets publication-service deliver webhooks to a receiver on this machine. */
    static final String ALLOW_LOOPBACK_WEBHOOKS = "PLATFORM_ALLOW_LOOPBACK_WEBHOOKS";
    static final String LOOPBACK_NETWORKS = "127.0.0.0/8,::1/128";

    private DemoClients() {
    }

    /** Client id to a one-line description, in the order printed. */
    static Map<String, String> describe(Secrets secrets) {
        Map<String, String> clients = new java.util.LinkedHashMap<>();
        clients.put("partner-odh", "partner API, client credentials, secret " + secrets.partnerOdhSecret());
        clients.put("partner-crln", "partner API, client credentials, secret " + secrets.partnerCrlnSecret());
        clients.put("secretariat-console", "secretariat console (confidential, authorization code + PKCE S256, http://127.0.0.1:"
                + SECRETARIAT_CONSOLE_PORT + "), secret " + secrets.secretariatConsoleSecret());
        clients.put("contributor-portal", "contributor portal (confidential, authorization code + PKCE S256, http://127.0.0.1:"
                + CONTRIBUTOR_PORTAL_PORT + "), secret " + secrets.contributorPortalSecret());
        clients.put("mail-intake", "mail-intake's service account (role mail-intake, client credentials), secret "
                + secrets.mailIntakeSecret());
        clients.put("review-ui", "review front-ends (public, authorization code + PKCE S256; password grant for local tries)");
        clients.put("partner-portal", "contributors as people (public, authorization code + PKCE S256; password grant for local tries)");
        return clients;
    }

    static List<String> lines(Secrets secrets) {
        List<String> lines = new ArrayList<>();
        describe(secrets).forEach((id, what) -> lines.add(String.format("%-20s %s", id, what)));
        return lines;
    }

    /** Whether the environment asks for loopback webhook receivers ({@code PLATFORM_ALLOW_LOOPBACK_WEBHOOKS=1}). */
    static boolean loopbackWebhooks(Map<String, String> env) {
        String value = env.getOrDefault(ALLOW_LOOPBACK_WEBHOOKS, "").strip();
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    /** What publication-service gets in its environment for that: its existing allowance of networks. */
    static Map<String, String> publicationEnvironment(Map<String, String> env) {
        return loopbackWebhooks(env) ? Map.of("PUBLICATION_WEBHOOKS_ALLOWED_NETWORKS", LOOPBACK_NETWORKS) : Map.of();
    }
}
