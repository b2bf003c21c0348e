package org.callsforinput.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A child process writing to a log file, which can wait until it is ready and stops with all its descendants. */
final class ManagedProcess implements AutoCloseable {

    /** Checks readiness; throwing counts as "not ready yet". */
    @FunctionalInterface
    interface Check {
        boolean ready() throws Exception;
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final String component;
    private final Process process;
    private final Path log;

    private ManagedProcess(String component, Process process, Path log) {
        this.component = component;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}; its stdout and stderr are appended to {@code log}. */
    static ManagedProcess start(String component, List<String> command, Map<String, String> env, Path workDir, Path log) {
        return start(component, command, env, Set.of(), workDir, log);
    }

    /** As above, also removing the inherited environment variables named in {@code unset}. */
    static ManagedProcess start(String component, List<String> command, Map<String, String> env, Set<String> unset,
                                Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(env);
            return new ManagedProcess(component, builder.start(), log);
        } catch (IOException e) {
            throw new StartupFailure(component, log, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
    }

    /** The JVM that runs the launcher also runs every Java component, so they all get the same Java 17. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String component() {
        return component;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** Polls {@code check} until it answers true; fails fast when the process exits first. */
    void awaitReady(Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new StartupFailure(component, log, "exited with code " + process.exitValue());
            }
            if (passes(check)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StartupFailure(component, log, "not ready after " + timeout.toSeconds() + " s");
            }
            sleep(250);
        }
    }

    /** Waits for a process that is meant to finish (a one-off tool) and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new StartupFailure(component, log, "did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new StartupFailure(component, log, "interrupted");
        }
    }

    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    @Override
    public void close() {
        stop(List.of(process.toHandle()));
    }

    /**
     * Asks each process and its descendants to terminate (SIGTERM), waits, then kills what is left.
     * Descendants are collected first: once a parent is gone its children are re-parented and
     * can no longer be found from it.
     */
    static void stop(Collection<ProcessHandle> roots) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            all.add(root);
            root.descendants().forEach(all::add);
        }
        all.removeIf(p -> !p.isAlive());
        if (all.isEmpty()) {
            return;
        }
        all.forEach(ProcessHandle::destroy);
        awaitExit(all, STOP_GRACE);
        List<ProcessHandle> stubborn = new ArrayList<>();
        for (ProcessHandle p : all) {
            if (p.isAlive()) {
                p.destroyForcibly();
                stubborn.add(p);
            }
        }
        awaitExit(stubborn, KILL_WAIT);
    }

    private static void awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // Timed out or interrupted: the caller kills what is still alive.
            }
        }
    }

    private static boolean passes(Check check) {
        try {
            return check.ready();
        } catch (Exception e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
