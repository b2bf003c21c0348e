package org.callsforinput.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ports of one mode, each overridable by an environment variable: {@code PLATFORM_*_PORT} for
 * run/infra, {@code PLATFORM_TEST_*_PORT} for test, so that both stacks can run side by side.
 */
record Ports(
        Port sharedPostgres,
        Port postgres,
        Port kafka,
        Port kafkaController,
        Port s3,
        Port keycloak,
        Port keycloakManagement,
        Port clamav,
        Port smtp,
        Port imap,
        Port submission,
        Port review,
        Port publication,
        Port mailIntake,
        Port submissionManagement,
        Port reviewManagement,
        Port publicationManagement,
        Port mailIntakeManagement,
        Port console,
        Port consoleManagement,
        Port portal,
        Port portalManagement) {

    record Port(String component, int number, String envVar) {
    }

    static Ports of(Mode mode, Map<String, String> env) {
        String prefix = mode.isTest() ? "PLATFORM_TEST_" : "PLATFORM_";
        // A PostgreSQL already running on the machine is used in every mode; the embedded one is the fallback.
        Port shared = port(env, "PostgreSQL", "PLATFORM_PG_PORT", 5432);
        Port kafka = port(env, "Kafka", prefix + "KAFKA_PORT", mode.isTest() ? 19092 : 9092);
        return new Ports(
                shared,
                mode.isTest() ? port(env, "PostgreSQL (embedded)", prefix + "PG_PORT", 15432) : shared,
                kafka,
                new Port("Kafka controller, Kafka port + 1", kafka.number() + 1, kafka.envVar()),
                port(env, "S3Proxy", prefix + "S3_PORT", mode.isTest() ? 19000 : 9000),
                port(env, "Keycloak", prefix + "KEYCLOAK_PORT", mode.isTest() ? 18180 : 8180),
                port(env, "Keycloak management", prefix + "KEYCLOAK_MANAGEMENT_PORT", mode.isTest() ? 19191 : 9190),
                port(env, "ClamAV", prefix + "CLAMAV_PORT", mode.isTest() ? 13310 : 3310),
                port(env, "GreenMail SMTP", prefix + "SMTP_PORT", mode.isTest() ? 13025 : 3025),
                port(env, "GreenMail IMAP", prefix + "IMAP_PORT", mode.isTest() ? 13143 : 3143),
                port(env, "submission-service", "PLATFORM_SUBMISSION_PORT", 8081),
                port(env, "review-service", "PLATFORM_REVIEW_PORT", 8082),
                port(env, "publication-service", "PLATFORM_PUBLICATION_PORT", 8083),
                port(env, "mail-intake", "PLATFORM_MAIL_INTAKE_PORT", 8086),
                // Health and metrics: each service's management interface, 90xx beside its 80xx.
                port(env, "submission-service management", "PLATFORM_SUBMISSION_MANAGEMENT_PORT", 9081),
                port(env, "review-service management", "PLATFORM_REVIEW_MANAGEMENT_PORT", 9082),
                port(env, "publication-service management", "PLATFORM_PUBLICATION_MANAGEMENT_PORT", 9083),
                port(env, "mail-intake management", "PLATFORM_MAIL_INTAKE_MANAGEMENT_PORT", 9086),
                // Fixed per mode: the realm's redirect URIs name it (PLATFORM_CONSOLE_URL at import).
                port(env, "secretariat-console", prefix + "CONSOLE_PORT", mode.isTest() ? 18084 : DemoClients.SECRETARIAT_CONSOLE_PORT),
                port(env, "secretariat-console management", "PLATFORM_CONSOLE_MANAGEMENT_PORT", 9084),
                // The same for the portal (PLATFORM_PORTAL_URL at import).
                port(env, "contributor-portal", prefix + "PORTAL_PORT", mode.isTest() ? 18085 : DemoClients.CONTRIBUTOR_PORTAL_PORT),
                port(env, "contributor-portal management", "PLATFORM_PORTAL_MANAGEMENT_PORT", 9085));
    }

    /** Every port this mode binds itself; the embedded PostgreSQL's and clamd's only when they will be started. */
    List<Port> toBind(Mode mode, boolean embeddedPostgres, boolean clamd) {
        List<Port> ports = new ArrayList<>();
        if (embeddedPostgres) {
            ports.add(postgres);
        }
        ports.addAll(List.of(kafka, kafkaController, s3, keycloak, keycloakManagement, smtp, imap));
        if (clamd) {
            ports.add(clamav);
        }
        if (mode.startsServices()) {
            ports.addAll(List.of(submission, review, publication, mailIntake,
                    submissionManagement, reviewManagement, publicationManagement, mailIntakeManagement, consoleManagement,
                    portalManagement));
        }
        // Run mode starts the console and the portal; in test mode the system tests do, on these ports.
        if (mode.startsServices() || mode.isTest()) {
            ports.add(console);
            ports.add(portal);
        }
        return ports;
    }

    /** Fails with a message that says how to get out of the clash. */
    static void requireFree(List<Port> ports) {
        for (Port port : ports) {
            if (!Probes.isFree(port.number())) {
                throw new IllegalStateException("port " + port.number() + " (" + port.component()
                        + ") is already in use on " + Probes.HOST + "; stop what uses it or choose another port with "
                        + port.envVar() + "=<port>");
            }
        }
    }

    private static Port port(Map<String, String> env, String component, String envVar, int defaultPort) {
        String value = env.get(envVar);
        if (value == null || value.isBlank()) {
            return new Port(component, defaultPort, envVar);
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1 || number > 65535) {
                throw new NumberFormatException();
            }
            return new Port(component, number, envVar);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(envVar + "=" + value + " is not a port number");
        }
    }
}
