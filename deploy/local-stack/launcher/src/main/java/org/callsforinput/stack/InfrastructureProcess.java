package org.callsforinput.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka or the S3 server as a process of a fault test's own: its own free ports and data directory, started the way
 * the launcher starts the stack's, so that the test can kill it with -9, freeze it (SIGSTOP) and start it again on
 * the same data without touching the shared test stack.
 */
public final class InfrastructureProcess implements AutoCloseable {

    private enum Kind { KAFKA, S3 }

    private final Kind kind;
    private final Path repo;
    private final Path stateDir;
    private final Ports ports;
    private final RunningStack stack;
    private Kafka.Secured secured;
    private ManagedProcess process;

    private InfrastructureProcess(Kind kind, Path repo, Path stateDir, int port) {
        this.kind = kind;
        this.repo = repo;
        this.stateDir = stateDir;
        String variable = kind == Kind.KAFKA ? "PLATFORM_TEST_KAFKA_PORT" : "PLATFORM_TEST_S3_PORT";
        this.ports = Ports.of(Mode.TEST, Map.of(variable, Integer.toString(port)));
        this.stack = new RunningStack(new PidFile(stateDir));
    }

    /** A single-node KRaft broker on {@code port} (its controller on {@code port + 1}), data under {@code stateDir}. */
    public static InfrastructureProcess kafka(Path repo, Path stateDir, int port) {
        return started(new InfrastructureProcess(Kind.KAFKA, repo, stateDir, port));
    }

    /**
     * A single-node KRaft broker as the Kubernetes deployment's: the services' listener {@code SASL_SSL} on
     * {@code securedPort} (SCRAM-SHA-512, the broker's certificate from the PKCS12 {@code keystore}, ACLs enforced);
     * the plain listener on {@code port} is the super user's, for setting up users and ACLs ({@link #endpoint()}).
     */
    public static InfrastructureProcess securedKafka(Path repo, Path stateDir, int port, int securedPort, Path keystore,
            String keystorePassword) {
        InfrastructureProcess kafka = new InfrastructureProcess(Kind.KAFKA, repo, stateDir, port);
        kafka.secured = new Kafka.Secured(securedPort, keystore, keystorePassword);
        return started(kafka);
    }

    /** The secured listener of {@link #securedKafka}: {@code 127.0.0.1:<securedPort>}. */
    public String securedEndpoint() {
        return Probes.HOST + ":" + secured.port();
    }

    /** S3Proxy on {@code port} with the stack's credentials, data under {@code stateDir}. */
    public static InfrastructureProcess s3(Path repo, Path stateDir, int port) {
        return started(new InfrastructureProcess(Kind.S3, repo, stateDir, port));
    }

    /** Started on an empty data directory. */
    private static InfrastructureProcess started(InfrastructureProcess infrastructure) {
        try {
            infrastructure.start(true);
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    /** Kafka: {@code 127.0.0.1:<port>}; S3: {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return kind == Kind.KAFKA ? Probes.HOST + ":" + ports.kafka().number() : S3Proxy.endpoint(ports);
    }

    /** Starts it again on the data it had (after {@link #kill()}) and waits until it serves. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(kind + " is still running");
        }
        start(false);
    }

    /** SIGKILL, and waits until it is gone. */
    public void kill() {
        ProcessHandle handle = process.process().toHandle();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    /** SIGSTOP: its sockets stay open and it answers nothing. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    public Path log() {
        return process.log();
    }

    private void start(boolean wipe) {
        if (kind == Kind.KAFKA) {
            process = Kafka.launch(repo, stateDir, ports, wipe, stack, secured);
            Kafka.awaitReady(process, ports);
        } else {
            process = S3Proxy.launch(repo, stateDir, ports, wipe, stack);
            S3Proxy.awaitReady(process, ports);
        }
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Optional.ofNullable(process).filter(ManagedProcess::isAlive).ifPresent(p -> signal("CONT"));
        stack.stopAll();
    }
}
