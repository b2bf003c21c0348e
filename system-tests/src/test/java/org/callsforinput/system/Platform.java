package org.callsforinput.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.TcpProxy;

/**
 * The three service jars running as processes against the real test stack, each with its own database and bucket, and
 * its own free ports: the API's and the management interface's (health and metrics).
 */
final class Platform implements AutoCloseable {

    static final String SUBMISSION_BUCKET = "submissions-e2e";

    final ServiceProcess submission;
    final ServiceProcess review;
    final ServiceProcess publication;
    private final List<ServiceProcess> all = new ArrayList<>();

    private Platform(StackInfo info, Path repo, Path logs) {
        submission = start(info, repo, logs, "submission-service", "submission_e2e", SUBMISSION_BUCKET);
        review = start(info, repo, logs, "review-service", "review_e2e", "review-e2e");
        publication = start(info, repo, logs, "publication-service", "publication_e2e", "publication-e2e");
    }

    static Platform start() {
        StackInfo info = StackInfo.load();
        Path repo = StackInfo.findRepoRoot();
        Platform platform = null;
        try {
            platform = new Platform(info, repo, repo.resolve("system-tests/target/service-logs"));
            return platform;
        } catch (RuntimeException e) {
            if (platform != null) {
                platform.close();
            }
            throw e;
        }
    }

    static java.sql.Connection connect(String database) throws java.sql.SQLException {
        StackInfo info = StackInfo.load();
        return java.sql.DriverManager.getConnection(info.jdbcUrl(database), info.pgUser(), info.pgPassword());
    }

    private ServiceProcess start(StackInfo info, Path repo, Path logs, String service, String database, String bucket) {
        try {
            Map<String, String> env = new java.util.HashMap<>(Map.of("STORAGE_BUCKET", bucket, "REVIEW_DOCUMENTS_INTERVAL", "1s"));
            if (service.equals("publication-service")) {
                // Webhook receivers in these tests listen on loopback, which the default SSRF policy refuses.
                env.put("PUBLICATION_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
            }
            ServiceProcess process = ServiceProcess.start(info, repo, service, database, freePort(), freePort(), env, logs);
            all.add(process);
            return process;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * secretariat-console against these services, on the test stack's console port (the realm's redirect URIs name
     * it), with its own database; {@code reviewUrl} lets a test put a proxy between the console and review-service.
     */
    ServiceProcess startConsole(String reviewUrl) {
        StackInfo info = StackInfo.load();
        Path repo = StackInfo.findRepoRoot();
        int port = java.net.URI.create(org.callsforinput.testing.Stack.get("console.url")).getPort();
        Map<String, String> env = ServiceProcess.consoleEnvironment(submission.baseUrl(), reviewUrl, publication.baseUrl(),
                org.callsforinput.testing.Stack.get("client.secretariat-console.secret"));
        ServiceProcess console = ServiceProcess.start(info, repo, "secretariat-console", "console_e2e", port, freePort(), env,
                repo.resolve("system-tests/target/service-logs"));
        all.add(console);
        return console;
    }

    static int freePort() {
        return TcpProxy.freePort();
    }

    @Override
    public void close() {
        all.forEach(ServiceProcess::close);
    }
}
