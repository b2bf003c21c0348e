package org.callsforinput.stack;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the launcher has started, in order, so that it can be stopped in reverse order by the
 * shutdown hook or after a failure, whichever comes first.
 */
final class RunningStack {

    private record Started(String component, AutoCloseable handle) {
    }

    private final PidFile pids;
    private final Deque<Started> started = new ArrayDeque<>();
    private boolean stopping;
    private boolean ownsPidFile;
    private boolean up;
    private final java.util.List<Runnable> afterStop = new java.util.ArrayList<>();

    RunningStack(PidFile pids) {
        this.pids = pids;
    }

    /**
     * Makes this launcher the owner of the state directory's pid file. Until then stopAll leaves the
     * file alone: a launcher refused because another one runs must not erase that one's record.
     */
    synchronized void claimPidFile() {
        pids.add(ProcessHandle.current().pid(), PidFile.LAUNCHER);
        ownsPidFile = true;
    }

    /** Runs once everything is stopped (removes files that describe a running stack). */
    synchronized void afterStop(Runnable action) {
        afterStop.add(action);
    }

    PidFile pids() {
        return pids;
    }

    /** Records a process in the pid file and for stopping; stops it at once if a stop already began. */
    ManagedProcess track(ManagedProcess process) {
        synchronized (this) {
            pids.add(process.pid(), process.component());
            if (!stopping) {
                started.push(new Started(process.component(), process));
                process.process().onExit().thenAccept(p -> {
                    // Before the stack is up, awaitReady reports the exit itself.
                    if (isUpAndRunning()) {
                        System.err.println(process.component() + " stopped unexpectedly (exit code " + p.exitValue()
                                + "); see its log: " + process.log());
                    }
                });
                return process;
            }
        }
        process.close();
        throw new IllegalStateException("stopping");
    }

    /** Adds the children a process has spawned by now (kc.sh runs Keycloak's JVM as a child). */
    void recordDescendants(ManagedProcess process) {
        process.descendants().forEach(child -> pids.add(child.pid(), process.component() + "-child"));
    }

    /** Registers something stopped by closing it (embedded PostgreSQL, the Maven build of "test"). */
    synchronized void track(String component, AutoCloseable handle) {
        if (stopping) {
            closeQuietly(component, handle);
            throw new IllegalStateException("stopping");
        }
        started.push(new Started(component, handle));
    }

    /** Forgets a process that has finished its job (a one-off tool). */
    synchronized void untrack(AutoCloseable handle) {
        started.removeIf(s -> s.handle() == handle);
    }

    /** From now on a component that exits is reported at once. */
    synchronized void markUp() {
        up = true;
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    private synchronized boolean isUpAndRunning() {
        return up && !stopping;
    }

    /** Synchronized as a whole: a second caller (the shutdown hook during a failed start) waits until all is stopped. */
    synchronized void stopAll() {
        stopping = true;
        while (!started.isEmpty()) {
            Started next = started.pop();
            System.out.println("Stopping " + next.component());
            closeQuietly(next.component(), next.handle());
        }
        afterStop.forEach(Runnable::run);
        afterStop.clear();
        if (ownsPidFile) {
            pids.delete();
        }
    }

    private static void closeQuietly(String component, AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            System.err.println("Stopping " + component + " failed: " + e);
        }
    }
}
