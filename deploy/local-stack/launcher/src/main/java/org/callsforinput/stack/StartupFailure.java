package org.callsforinput.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A component did not come up: it exited early, was not ready in time, or is not built. */
public class StartupFailure extends RuntimeException {

    private final String component;
    private final Path log;
    private final String reason;

    public StartupFailure(String component, Path log, String reason) {
        super(log != null
                ? component + " failed to start; see its log: " + log + " (" + reason + ")"
                : component + " failed to start: " + reason);
        this.component = component;
        this.log = log;
        this.reason = reason;
    }

    public String component() {
        return component;
    }

    /** The component's log file, or null when it never ran. */
    public Path log() {
        return log;
    }

    public String reason() {
        return reason;
    }

    /** The last lines of the log, which usually name the cause. */
    public List<String> logTail(int lines) {
        if (log == null || !Files.isRegularFile(log)) {
            return List.of();
        }
        try {
            // Lenient decoding: a log cut in the middle of a character must still be shown.
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
