package org.callsforinput.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code .platform/<mode>/pids}: one line per started process ({@code <pid> <component>}), written as
 * each one starts, so that a launcher killed with SIGKILL can be cleaned up after by the next one.
 */
final class PidFile {

    static final String LAUNCHER = "launcher";
    private static final String LAUNCHER_CLASS = Launcher.class.getName();

    record Entry(long pid, String component) {
    }

    private final Path file;
    private final Path stateDir;

    PidFile(Path stateDir) {
        this.stateDir = stateDir;
        this.file = stateDir.resolve("pids");
    }

    Path path() {
        return file;
    }

    synchronized void add(long pid, String component) {
        try {
            Files.createDirectories(stateDir);
            Files.writeString(file, pid + " " + component + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("cannot delete " + file + ": " + e.getMessage());
        }
    }

    List<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+", 2);
                if (parts.length == 2 && parts[0].matches("\\d+")) {
                    entries.add(new Entry(Long.parseLong(parts[0]), parts[1]));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The launcher that wrote this file, if it is still running. */
    Optional<ProcessHandle> liveLauncher() {
        return read().stream()
                .filter(e -> e.component().equals(LAUNCHER) && e.pid() != ProcessHandle.current().pid())
                .map(e -> ProcessHandle.of(e.pid()))
                .flatMap(Optional::stream)
                .filter(p -> p.isAlive() && commandLine(p).contains(LAUNCHER_CLASS))
                .findFirst();
    }

    /** Sends SIGTERM to a running launcher (its shutdown hook stops its components) and waits for it. */
    boolean stopLiveLauncher(Duration timeout) {
        Optional<ProcessHandle> launcher = liveLauncher();
        if (launcher.isEmpty()) {
            return false;
        }
        ProcessHandle p = launcher.get();
        System.out.println("Stopping the launcher (pid " + p.pid() + ") that runs " + stateDir);
        p.destroy();
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
        return true;
    }

    /**
     * Stops the processes a killed launcher left behind. Only PIDs that are alive and whose command
     * line names this state directory count: a PID may have been reused by an unrelated process.
     */
    int stopLeftovers() {
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (Entry entry : read()) {
            if (entry.component().equals(LAUNCHER)) {
                continue;
            }
            ProcessHandle.of(entry.pid())
                    .filter(p -> p.isAlive() && commandLine(p).contains(stateDir.toString()))
                    .ifPresent(p -> {
                        System.out.println("Stopping " + entry.component() + " (pid " + p.pid() + ") left by an earlier run");
                        leftovers.add(p);
                    });
        }
        ManagedProcess.stop(leftovers);
        delete();
        return leftovers.size();
    }

    static String commandLine(ProcessHandle p) {
        // /proc has the full command line; ProcessHandle.Info may cut it or miss it for other users' processes.
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }
}
