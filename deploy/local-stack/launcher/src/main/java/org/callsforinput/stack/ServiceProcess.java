package org.callsforinput.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the services ({@code <repo>/<service>/target/quarkus-app/quarkus-run.jar}) run as its own
 * JVM against a running stack. Used by the launcher in run mode and by system-tests against the test
 * stack. Closing it stops the JVM (SIGTERM, then SIGKILL after 15 s).
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final ManagedProcess process;
    private final String service;
    private final int port;
    private final int managementPort;

    private ServiceProcess(ManagedProcess process, String service, int port, int managementPort) {
        this.process = process;
        this.service = service;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts the service and waits until {@code /q/health/ready} on its management port answers 200.
     *
     * @param service        module directory, e.g. {@code submission-service}
     * @param database       database name on the stack's PostgreSQL, e.g. {@code submission_e2e}
     * @param port           HTTP port on 127.0.0.1: the API, OpenAPI and Swagger UI
     * @param managementPort management port on 127.0.0.1: health and metrics ({@code /q/health}, {@code /q/metrics})
     * @param extraEnv       more environment variables; they win over the ones derived from {@code info}
     * @param logDir         where {@code <service>.log} is written (replaced at each start)
     * @throws StartupFailure when the service exits early or is not ready within {@link #READY_TIMEOUT};
     *                        the process is stopped by then
     */
    public static ServiceProcess start(StackInfo info, Path repoRoot, String service, String database, int port,
                                       int managementPort, Map<String, String> extraEnv, Path logDir) {
        ServiceProcess process = launch(info, repoRoot, service, database, port, managementPort, extraEnv, logDir);
        try {
            process.awaitReady(READY_TIMEOUT);
            return process;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Starts the service without waiting; call {@link #awaitReady(Duration)} next. */
    public static ServiceProcess launch(StackInfo info, Path repoRoot, String service, String database, int port,
                                        int managementPort, Map<String, String> extraEnv, Path logDir) {
        Path jar = repoRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = logDir.resolve(service + ".log");
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailure(service, null, jar + " does not exist; build the services first"
                    + " (mvn -B install -DskipTests, which ./platform run does)");
        }
        try {
            Files.createDirectories(logDir);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new StartupFailure(service, log, "cannot prepare the log: " + e.getMessage());
        }
        Map<String, String> env = new HashMap<>(environment(info, database, port, managementPort));
        // One process per service and database at a time here, so this names the same Kafka static member across a
        // restart (it takes its partitions back at once, see platform-support's StaticMembership).
        env.put("PLATFORM_KAFKA_INSTANCE_ID", service + "-" + database);
        env.putAll(extraEnv);
        // The log directory on the command line lets the next launcher recognise a leftover of this one.
        // On 2 cores the common pool has parallelism 1 and CompletableFuture.supplyAsync (used inside the MinIO SDK)
        // then starts a thread per task; a larger common pool measured 20 % more intake (docs/benchmarks.md).
        List<String> command = List.of(ManagedProcess.javaExecutable(), "-Xmx384m",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=8",
                "-Dplatform.logdir=" + logDir.toAbsolutePath(), "-jar", jar.toString());
        return new ServiceProcess(ManagedProcess.start(service, command, env, repoRoot, log), service, port,
                managementPort);
    }

    /** The configuration a service gets from the stack, as environment variables. */
    public static Map<String, String> environment(StackInfo info, String database, int port, int managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", Probes.HOST);
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", Probes.HOST);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", info.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", info.pgUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", info.pgPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", info.kafkaBootstrap());
        env.put("STORAGE_ENDPOINT", info.s3Endpoint());
        env.put("STORAGE_ACCESS_KEY", info.s3AccessKey());
        env.put("STORAGE_SECRET_KEY", info.s3SecretKey());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", info.issuer());
        // Virus scanning (the document gate: submission-service's uploads, review-service's redacted copies) is
        // required when the stack runs clamd and explicitly off when it does not (a required scanning without clamd's
        // host does not start); services that accept no documents ignore these.
        info.clamavHost().ifPresent(host -> env.put("DOCUMENTS_CLAMAV_HOST", host));
        info.clamavPort().ifPresent(clamd -> env.put("DOCUMENTS_CLAMAV_PORT", Integer.toString(clamd)));
        env.put("DOCUMENTS_CLAMAV_SCANNING", scanning(info));
        return env;
    }

    /** {@code DOCUMENTS_CLAMAV_SCANNING} for the services: {@code required} when the stack runs clamd, else {@code off}. */
    public static String scanning(StackInfo info) {
        return info.clamavHost().isPresent() ? "required" : "off";
    }

    /** What secretariat-console needs besides {@link #environment}: the services' addresses and its client secret. */
    public static Map<String, String> consoleEnvironment(String submissionUrl, String reviewUrl, String publicationUrl,
            String clientSecret) {
        // Locally the public pages are publication-service's own address.
        return Map.of("CONSOLE_SUBMISSION_URL", submissionUrl, "CONSOLE_REVIEW_URL", reviewUrl,
                "CONSOLE_PUBLICATION_URL", publicationUrl, "CONSOLE_PUBLIC_URL", publicationUrl,
                "QUARKUS_OIDC_CREDENTIALS_SECRET", clientSecret);
    }

    /**
     * What contributor-portal needs besides {@link #environment}: submission-service (as the signed-in contributor),
     * publication-service and its public pages, and its client secret.
     */
    public static Map<String, String> portalEnvironment(String submissionUrl, String publicationUrl, String clientSecret) {
        // Locally the public pages are publication-service's own address.
        return Map.of("PORTAL_SUBMISSION_URL", submissionUrl, "PORTAL_PUBLICATION_URL", publicationUrl,
                "PORTAL_PUBLIC_URL", publicationUrl, "QUARKUS_OIDC_CREDENTIALS_SECRET", clientSecret);
    }

    /** Waits until {@code GET /q/health/ready} on the management port answers 200; fails early if the JVM exits. */
    public void awaitReady(Duration timeout) {
        process.awaitReady(timeout, () -> Probes.httpStatus(managementUrl() + "/q/health/ready") == 200);
    }

    public String service() {
        return service;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: the API, OpenAPI and Swagger UI */
    public String baseUrl() {
        return "http://" + Probes.HOST + ":" + port;
    }

    /** {@code http://127.0.0.1:<management port>}: health and metrics */
    public String managementUrl() {
        return "http://" + Probes.HOST + ":" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return process.log();
    }

    ManagedProcess managedProcess() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
