package org.callsforinput.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the local stack on 127.0.0.1 and stops it on Ctrl-C or SIGTERM.
 * <pre>
 *   run              infrastructure and the three services, until Ctrl-C
 *   infra            the same infrastructure (ports, data) without the services
 *   test [mvn args]  test infrastructure, then mvn -B verify [args]; exits with Maven's exit code
 *   stop             stops what a killed launcher left running
 * </pre>
 */
public final class Launcher {

    private record Service(String name, String database, Ports.Port port, Ports.Port managementPort) {
    }

    static final List<String> RUN_DATABASES = List.of("submission", "review", "publication", "console", "portal");
    static final List<String> TEST_DATABASES = List.of(
            "submission_test", "review_test", "publication_test", "console_test", "portal_test", "submission_e2e", "review_e2e",
            "publication_e2e", "console_e2e", "portal_e2e");
    static final List<String> DEMO_USERS = List.of(
            "contributor.odh", "contributor.crln", "reviewer1", "reviewer2", "coordinator1", "coordinator2", "callmanager", "admin");

    private final Path repo;
    private final Mode mode;
    private final Map<String, String> env;
    private Secrets secrets;
    private final Path stateDir;
    private final PidFile pids;
    private final RunningStack stack;
    private final long startedAt = System.nanoTime();

    private Ports ports;
    private StackInfo info;
    private MailStack mail;
    private final List<ServiceProcess> services = new ArrayList<>();

    Launcher(Path repo, Mode mode, Map<String, String> env) {
        this.repo = repo;
        this.mode = mode;
        this.env = env;
        this.stateDir = repo.resolve(".platform").resolve(mode.stateDirName());
        this.pids = new PidFile(stateDir);
        this.stack = new RunningStack(pids);
    }

    public static void main(String[] args) {
        // Quiet the embedded PostgreSQL's INFO logging; its server output goes to logs/postgres.log.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String command = args.length > 0 ? args[0] : "";
        try {
            Path repo = StackInfo.findRepoRoot();
            Map<String, String> env = System.getenv();
            switch (command) {
                case "run" -> new Launcher(repo, Mode.RUN, env).runUntilStopped();
                case "infra" -> new Launcher(repo, Mode.INFRA, env).runUntilStopped();
                case "test" -> System.exit(new Launcher(repo, Mode.TEST, env).test(List.of(args).subList(1, args.length)));
                case "stop" -> stop(repo);
                default -> {
                    System.err.println("usage: Launcher run | infra | test [mvn args] | stop");
                    System.exit(2);
                }
            }
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private void runUntilStopped() {
        startOrExit();
        printSummary();
        if (sigintIgnored()) {
            System.out.println("Stop with: kill " + ProcessHandle.current().pid() + "  or  ./platform stop"
                    + "  (Ctrl-C/SIGINT is ignored: the shell started this in the background without job control)");
        } else {
            System.out.println("Press Ctrl-C to stop");
        }
        try {
            // The shutdown hook stops everything; until then there is nothing to do.
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs Maven against the test stack and returns its exit code. */
    private int test(List<String> mavenArgs) {
        startOrExit();
        Path stackFile = stateDir.resolve("stack.properties");
        System.out.printf("Test infrastructure ready in %s; %s=%s%n", elapsed(), StackInfo.STACK_FILE_ENV, stackFile);
        List<String> command = new ArrayList<>();
        Path wrapper = repo.resolve("mvnw");
        command.add(Files.isExecutable(wrapper) ? wrapper.toString() : "mvn");
        command.add("-B");
        command.add("verify");
        command.addAll(mavenArgs);
        System.out.println("Running " + String.join(" ", command));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).inheritIO();
            builder.environment().put(StackInfo.STACK_FILE_ENV, stackFile.toString());
            Process maven = builder.start();
            AutoCloseable stopMaven = () -> ManagedProcess.stop(List.of(maven.toHandle()));
            stack.track("Maven build", stopMaven);
            int exitCode = maven.waitFor();
            stack.untrack(stopMaven);
            System.out.println("Maven exited with code " + exitCode);
            stack.stopAll();
            return exitCode;
        } catch (IOException e) {
            System.err.println("cannot run Maven: " + e.getMessage());
            stack.stopAll();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.stopAll();
            return 1;
        }
    }

    /** Stops the launchers still running and whatever killed launchers left behind, in every state directory. */
    private static void stop(Path repo) {
        for (String dir : List.of("run", "test")) {
            PidFile pidFile = new PidFile(repo.resolve(".platform").resolve(dir));
            pidFile.stopLiveLauncher(Duration.ofSeconds(60));
            int stopped = pidFile.stopLeftovers();
            deleteQuietly(repo.resolve(".platform").resolve(dir).resolve("stack.properties"));
            System.out.println(".platform/" + dir + ": " + (stopped == 0 ? "nothing left running" : "stopped " + stopped + " leftover process(es)"));
        }
    }

    private void startOrExit() {
        try {
            start();
            stack.markUp();
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                // Ctrl-C during the start: the shutdown hook is stopping everything, components exit on purpose.
                return;
            }
            report(e);
            stack.stopAll();
            System.exit(1);
        }
    }

    private void start() {
        prepareStateDir();
        ports = Ports.of(mode, env);
        boolean sharedPostgres = Postgres.acceptsTrustLogin(ports.sharedPostgres().number());
        if (!sharedPostgres && !Probes.isFree(ports.postgres().number())) {
            throw new IllegalStateException("port " + ports.postgres().number() + " (PostgreSQL) is already in use on "
                    + Probes.HOST + " by a server that does not let user postgres in without a password; stop what uses it"
                    + " or choose another port with " + ports.postgres().envVar() + "=<port>");
        }
        Optional<Path> clamdBinary = Clamd.binary(env);
        Ports.requireFree(ports.toBind(mode, !sharedPostgres, clamdBinary.isPresent()));
        Path realm = Keycloak.realmFile(repo, env);
        if (!Files.isRegularFile(realm)) {
            throw new IllegalStateException("Keycloak realm file " + realm + " not found (PLATFORM_REALM_FILE overrides it)");
        }
        secrets = Secrets.loadOrCreate(repo.resolve(".platform/secrets.properties"));

        stack.claimPidFile();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "stop-local-stack"));
        System.out.printf("Starting the %s stack (state in %s)%n", mode.id(), stateDir);

        Postgres postgres = sharedPostgres
                ? Postgres.useExisting(ports.sharedPostgres().number())
                : Postgres.startEmbedded(ports.postgres().number(), stateDir.resolve("postgres"),
                        stateDir.resolve("logs/postgres.log"), stack);
        if (mode.isTest()) {
            postgres.recreateDatabases(TEST_DATABASES);
        } else {
            postgres.ensureDatabases(RUN_DATABASES);
        }
        System.out.printf("  PostgreSQL ready on %s:%d (%s) after %s%n", Probes.HOST, postgres.port(),
                postgres.isEmbedded() ? "embedded" : "the machine's server", elapsed());

        // Launched together, awaited one by one: Keycloak alone takes longer than the other two.
        ManagedProcess keycloak = Keycloak.launch(repo, stateDir, ports, realm, secrets, stack);
        ManagedProcess s3 = S3Proxy.launch(repo, stateDir, ports, mode.isTest(), stack);
        ManagedProcess kafka = Kafka.launch(repo, stateDir, ports, mode.isTest(), stack);
        ManagedProcess greenMail = GreenMail.launch(repo, stateDir, ports, secrets, stack);
        ManagedProcess clamd = clamdBinary.map(binary -> Clamd.launch(binary, stateDir, ports, stack)).orElse(null);
        if (clamd == null) {
            System.out.println("  ClamAV not installed: virus scanning off (the services get DOCUMENTS_CLAMAV_SCANNING=off)");
        }
        Kafka.awaitReady(kafka, ports);
        System.out.printf("  Kafka ready on %s:%d after %s%n", Probes.HOST, ports.kafka().number(), elapsed());
        S3Proxy.awaitReady(s3, ports);
        System.out.printf("  S3Proxy ready on %s after %s%n", S3Proxy.endpoint(ports), elapsed());
        GreenMail.awaitReady(greenMail, ports);
        mail = GreenMail.info(ports, secrets);
        System.out.printf("  GreenMail ready on %s: SMTP %d, IMAP %d after %s%n", Probes.HOST, ports.smtp().number(),
                ports.imap().number(), elapsed());
        if (clamd != null) {
            Clamd.awaitReady(clamd, ports);
            System.out.printf("  ClamAV (clamd) ready on %s:%d after %s%n", Probes.HOST, ports.clamav().number(), elapsed());
        }
        Keycloak.awaitReady(keycloak, ports, stack);
        System.out.printf("  Keycloak ready on %s after %s%n", Keycloak.url(ports), elapsed());

        info = new StackInfo(mode.id(), Probes.HOST, postgres.port(), Postgres.USER, "", postgres.isEmbedded(),
                Probes.HOST + ":" + ports.kafka().number(), S3Proxy.endpoint(ports), S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY,
                Keycloak.url(ports), Keycloak.REALM, secrets.keycloakAdminPassword(),
                secrets.partnerOdhSecret(), secrets.partnerCrlnSecret(), secrets.demoPassword());
        if (clamd != null) {
            info = info.withClamav(Probes.HOST, ports.clamav().number());
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("state.dir", stateDir.toString());
        extra.putAll(mail.properties());
        extra.put("console.url", Keycloak.consoleUrl(ports));
        extra.put("client.secretariat-console.secret", secrets.secretariatConsoleSecret());
        extra.put("portal.url", Keycloak.portalUrl(ports));
        extra.put("client.contributor-portal.secret", secrets.contributorPortalSecret());
        if (mode.startsServices()) {
            for (Service s : serviceList()) {
                extra.put(s.name() + ".url", "http://" + Probes.HOST + ":" + s.port().number());
                extra.put(s.name() + ".management-url", "http://" + Probes.HOST + ":" + s.managementPort().number());
            }
        }
        Path stackFile = stateDir.resolve("stack.properties");
        info.write(stackFile, extra);
        stack.afterStop(() -> deleteQuietly(stackFile));

        if (mode.startsServices()) {
            for (Service s : serviceList()) {
                Map<String, String> serviceEnv = switch (s.name()) {
                    case "publication-service" -> publicationEnvironment();
                    case "mail-intake" -> mailIntakeEnvironment();
                    case "secretariat-console" -> consoleEnvironment();
                    case "contributor-portal" -> portalEnvironment();
                    default -> Map.of();
                };
                ServiceProcess process = ServiceProcess.launch(info, repo, s.name(), s.database(), s.port().number(),
                        s.managementPort().number(), serviceEnv, stateDir.resolve("logs"));
                stack.track(process.managedProcess());
                services.add(process);
            }
            for (ServiceProcess process : services) {
                process.awaitReady(ServiceProcess.READY_TIMEOUT);
                System.out.printf("  %s ready on %s after %s%n", process.service(), process.baseUrl(), elapsed());
            }
            System.out.println("  " + new DemoData(info, services.get(0).baseUrl(), mail.callAddress(DemoData.SLUG)).ensure());
        }
    }

    /** Clears what a launcher killed with SIGKILL left behind, or refuses if one is still running here. */
    private void prepareStateDir() {
        try {
            Files.createDirectories(stateDir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pids.liveLauncher().ifPresent(p -> {
            throw new IllegalStateException("another launcher (pid " + p.pid() + ") is running with " + stateDir
                    + "; stop it with Ctrl-C in its terminal or with ./platform stop");
        });
        pids.stopLeftovers();
        // Describes a stack that is gone; it is written again once this one is up.
        deleteQuietly(stateDir.resolve("stack.properties"));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("cannot delete " + file + ": " + e.getMessage());
        }
    }

    private List<Service> serviceList() {
        return List.of(
                new Service("submission-service", "submission", ports.submission(), ports.submissionManagement()),
                new Service("review-service", "review", ports.review(), ports.reviewManagement()),
                new Service("publication-service", "publication", ports.publication(), ports.publicationManagement()),
                // No database: its state is the mailbox's folders and submission-service's Idempotency-Keys.
                new Service("mail-intake", null, ports.mailIntake(), ports.mailIntakeManagement()),
                new Service("secretariat-console", "console", ports.console(), ports.consoleManagement()),
                new Service("contributor-portal", "portal", ports.portal(), ports.portalManagement()));
    }

    /** publication-service links open calls to the portal ("Contribute"), and may allow loopback webhook receivers. */
    private Map<String, String> publicationEnvironment() {
        Map<String, String> serviceEnv = new LinkedHashMap<>(DemoClients.publicationEnvironment(env));
        serviceEnv.put("PUBLICATION_PORTAL_URL", Keycloak.portalUrl(ports));
        return serviceEnv;
    }

    /** The portal calls submission-service as the signed-in contributor and signs in with its confidential client. */
    private Map<String, String> portalEnvironment() {
        return ServiceProcess.portalEnvironment("http://" + Probes.HOST + ":" + ports.submission().number(),
                "http://" + Probes.HOST + ":" + ports.publication().number(), secrets.contributorPortalSecret());
    }

    /** The console calls the three services as the signed-in user and signs in with its confidential client. */
    private Map<String, String> consoleEnvironment() {
        return ServiceProcess.consoleEnvironment("http://" + Probes.HOST + ":" + ports.submission().number(),
                "http://" + Probes.HOST + ":" + ports.review().number(),
                "http://" + Probes.HOST + ":" + ports.publication().number(), secrets.secretariatConsoleSecret());
    }

    /** mail-intake reads the stack's intake mailbox and submits through submission-service. */
    private Map<String, String> mailIntakeEnvironment() {
        Map<String, String> serviceEnv = new LinkedHashMap<>(mail.mailIntakeEnvironment());
        serviceEnv.put("MAIL_INTAKE_SUBMISSION_URL", "http://" + Probes.HOST + ":" + ports.submission().number());
        return serviceEnv;
    }

    private void report(RuntimeException e) {
        System.err.println();
        if (e instanceof StartupFailure failure) {
            if (failure.log() != null) {
                System.err.println(failure.component() + " failed to start; see its log: " + failure.log());
                System.err.println("  (" + failure.reason() + ")");
                List<String> tail = failure.logTail(20);
                if (!tail.isEmpty()) {
                    System.err.println("---- last lines of " + failure.log().getFileName() + " ----");
                    tail.forEach(line -> System.err.println("  " + line));
                    System.err.println("----");
                }
            } else {
                System.err.println(failure.getMessage());
            }
        } else if (e instanceof IllegalStateException) {
            System.err.println(e.getMessage());
        } else {
            System.err.println("The " + mode.id() + " stack failed to start: " + e);
        }
    }

    private void printSummary() {
        String kc = info.keycloakUrl();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nLocal %s stack up after %s (state, logs and stack.properties in %s)%n%n",
                mode.id(), elapsed(), stateDir));
        for (ServiceProcess s : services) {
            String base = s.baseUrl();
            String health = s.managementUrl() + "/q/health";
            if (s.service().equals("secretariat-console")) {
                out.append(String.format("  %-20s %s   health %s%n", s.service(), base, health));
                out.append(String.format("  %-20s sign in as callmanager, reviewer1, reviewer2, coordinator1, coordinator2 or admin%n", ""));
                continue;
            }
            if (s.service().equals("contributor-portal")) {
                out.append(String.format("  %-20s %s   health %s%n", s.service(), base, health));
                out.append(String.format("  %-20s sign in as contributor.odh or contributor.crln, or register (the verification"
                        + " mail arrives in GreenMail, see Mail below)%n", ""));
                continue;
            }
            if (s.service().equals("mail-intake")) {
                // No API of its own: it reads the intake mailbox and submits through submission-service.
                out.append(String.format("  %-20s health %s   (reads %s over IMAP)%n", s.service(), health,
                        mail.intakeAddress()));
                continue;
            }
            out.append(String.format("  %-20s %s%n", s.service(), base));
            out.append(String.format("  %-20s Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi%n", "", base, base));
            out.append(String.format("  %-20s health %s   metrics %s/q/metrics%n", "", health, s.managementUrl()));
        }
        out.append(String.format("  %-20s %s   admin console %s/admin/  user %s  password %s%n",
                "Keycloak", kc, kc, Keycloak.ADMIN_USER, info.keycloakAdminPassword()));
        out.append(String.format("  %-20s realm issuer %s%n", "", info.issuer()));
        out.append(String.format("  %-20s %s   access key %s  secret key %s%n",
                "S3 (S3Proxy)", info.s3Endpoint(), info.s3AccessKey(), info.s3SecretKey()));
        out.append(String.format("  %-20s bootstrap %s%n", "Kafka", info.kafkaBootstrap()));
        out.append(String.format("  %-20s SMTP %s:%d, IMAP %s:%d (GreenMail, mailboxes in memory)%n", "Mail",
                mail.host(), mail.smtpPort(), mail.host(), mail.imapPort()));
        out.append(String.format("  %-20s intake mailbox %s (IMAP password %s); demo call's address %s%n", "",
                mail.intakeAddress(), mail.intakePassword(), mail.callAddress(DemoData.SLUG)));
        out.append(String.format("  %-20s any other address gets a mailbox on first mail: IMAP login and password are"
                + " the address itself (read the replies there)%n", ""));
        if (info.clamavHost().isPresent()) {
            out.append(String.format("  %-20s %s:%d (INSTREAM, PING)   TEST signature database: it flags only the EICAR test"
                            + " file (alone or inside an archive such as a .docx); production uses freshclam's database%n",
                    "ClamAV (clamd)", info.clamavHost().get(), info.clamavPort().orElseThrow()));
        } else {
            out.append(String.format("  %-20s not installed: virus scanning off, DOCUMENTS_CLAMAV_SCANNING=off (Debian:"
                    + " apt-get install clamav-daemon)%n", "ClamAV"));
        }
        out.append(String.format("  %-20s %s:%d (%s), user %s, no password, databases %s%n", "PostgreSQL",
                info.pgHost(), info.pgPort(), info.pgEmbedded() ? "embedded" : "the machine's server", info.pgUser(),
                String.join(", ", mode.isTest() ? TEST_DATABASES : RUN_DATABASES)));
        out.append(String.format("%nDemo accounts of realm %s (password %s): %s%n",
                info.keycloakRealm(), info.demoPassword(), String.join(", ", DEMO_USERS)));
        List<String> clients = DemoClients.lines(secrets);
        for (int i = 0; i < clients.size(); i++) {
            out.append(i == 0 ? "Clients: " : "         ").append(clients.get(i)).append(System.lineSeparator());
        }
        out.append(String.format("Token:   curl -s -d grant_type=client_credentials -d client_id=partner-odh -d client_secret=%s %s%n",
                info.partnerOdhSecret(), info.tokenEndpoint()));
        if (mode.startsServices() && DemoClients.loopbackWebhooks(env)) {
            out.append(String.format("Webhooks: receivers on this machine allowed (%s=1: publication-service may deliver to %s)%n",
                    DemoClients.ALLOW_LOOPBACK_WEBHOOKS, DemoClients.LOOPBACK_NETWORKS));
        }
        out.append(String.format("Secrets are generated once per checkout in %s%n",
                repo.resolve(".platform/secrets.properties")));
        System.out.print(out);
    }

    /** A non-interactive shell starts background jobs with SIGINT ignored, and the JVM cannot undo that. */
    private static boolean sigintIgnored() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("SigIgn:"))
                    .map(line -> Long.parseUnsignedLong(line.substring(7).trim(), 16))
                    .anyMatch(mask -> (mask & (1L << 1)) != 0); // bit n-1 stands for signal n; SIGINT is 2
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String elapsed() {
        return String.format("%.1f s", (System.nanoTime() - startedAt) / 1e9);
    }
}
