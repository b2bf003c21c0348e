package org.callsforinput.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * WCAG 2.1 A and AA check of a page served on this machine: axe-core run in Debian's headless Chromium through
 * playwright-core, by the node script {@code platform-testing/a11y/axe-check.mjs}. {@code ./platform test} installs
 * Chromium and the npm packages.
 *
 * <pre>{@code
 * Accessibility.assertNoViolations("http://127.0.0.1:" + port + "/calls/demo");   // in a @QuarkusTest
 * List<Accessibility.Violation> found = Accessibility.audit(url);                  // to assert something else
 * }</pre>
 *
 * <p>Only {@code http://127.0.0.1} and {@code http://localhost} URLs are accepted; requests the page makes to any
 * other host are aborted. A page that answers 4xx/5xx is not audited (the check would pass on an error page).
 *
 * <p><b>When Chromium, node or the npm packages are missing</b>, {@link #audit} and {@link #assertNoViolations}
 * fail with a message that names what is missing and points at {@code ./platform test}: a check that does not run
 * must not look like a check that passed. Only {@code -Daccessibility.skip=true} (a Maven user property, which
 * surefire passes on to the tests) turns the checks off: they are then reported as skipped (JUnit assumption), not
 * as passed.
 *
 * <p>System properties: {@code accessibility.skip} (see above), {@code accessibility.chromium} (default
 * {@code /usr/bin/chromium}), {@code accessibility.node} (default {@code node} on the PATH),
 * {@code accessibility.dir} (the directory with {@code axe-check.mjs} and its {@code node_modules}; default
 * {@code platform-testing/a11y} found above the working directory), {@code accessibility.timeout-seconds} (whole
 * check of one page, default 90).
 */
public final class Accessibility {

    public static final String SKIP_PROPERTY = "accessibility.skip";
    static final String SCRIPT = "axe-check.mjs";
    static final String DIR_IN_REPO = "platform-testing/a11y";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One axe rule that the page breaks, with every element that breaks it. */
    public record Violation(String id, String impact, String help, String helpUrl, List<String> tags,
            List<Node> nodes) {

        /** {@code color-contrast (serious): Elements must meet ... [p.note, #search > input]} */
        @Override
        public String toString() {
            List<String> targets = nodes.stream().map(n -> String.join(" ", n.target())).toList();
            return id + " (" + impact + "): " + help + " " + targets;
        }
    }

    /** An element that breaks a rule: its CSS selector path (one entry per frame or shadow root), its HTML. */
    public record Node(List<String> target, String html, String failureSummary) {
    }

    private Accessibility() {
    }

    /** Whether the check can run here: node, Chromium, the script and its npm packages are all present. */
    public static boolean available() {
        return missingTools().isEmpty();
    }

    /**
     * Why the check cannot run here, or empty when it can: each missing tool, and how to install it.
     */
    public static Optional<String> unavailableReason() {
        List<String> missing = missingTools();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The accessibility check (axe-core in headless Chromium) cannot run: "
                + String.join("; ", missing) + ". Run ./platform test, which installs Chromium (Debian package "
                + "chromium, as root with apt-get) and the npm packages (npm ci in " + DIR_IN_REPO + "); or by "
                + "hand: apt-get install --no-install-recommends chromium; (cd " + DIR_IN_REPO + " && npm ci). "
                + "To skip the accessibility checks on purpose: -D" + SKIP_PROPERTY + "=true.");
    }

    /**
     * The WCAG 2.1 A/AA violations (axe tags wcag2a, wcag2aa, wcag21a, wcag21aa) of the page at {@code url}, empty
     * when there are none.
     *
     * @throws IllegalArgumentException the URL is not an {@code http://127.0.0.1} or {@code http://localhost} one
     * @throws IllegalStateException the tools are missing, the page answered 4xx/5xx or did not load, or the check
     *         failed or took too long
     * @throws org.opentest4j.TestAbortedException {@code -Daccessibility.skip=true}: the calling test is skipped
     */
    public static List<Violation> audit(String url) {
        requireLocal(url);
        skipIfAsked();
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        JsonNode result = run(url);
        int status = result.path("status").asInt(0);
        if (status >= 400) {
            throw new IllegalStateException("The page " + url + " answered HTTP " + status
                    + ": an error page is not audited");
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : result.path("violations")) {
            List<Node> nodes = new ArrayList<>();
            for (JsonNode n : v.path("nodes")) {
                nodes.add(new Node(strings(n.path("target")), n.path("html").asText(""),
                        n.path("failureSummary").asText("")));
            }
            violations.add(new Violation(v.path("id").asText(), v.path("impact").asText("unknown"),
                    v.path("help").asText(""), v.path("helpUrl").asText(""), strings(v.path("tags")),
                    List.copyOf(nodes)));
        }
        return List.copyOf(violations);
    }

    /**
     * Fails (AssertionError) when the page at {@code url} has WCAG 2.1 A/AA violations, with a message listing each
     * rule's id, impact, help text, help URL and the elements (selector and HTML). Also fails, with
     * {@link #unavailableReason()}'s message, when the tools are missing, and when the page cannot be audited.
     * Skipped (not passed) under {@code -Daccessibility.skip=true}.
     */
    public static void assertNoViolations(String url) {
        List<Violation> violations;
        try {
            violations = audit(url);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(describe(url, violations));
        }
    }

    /** A readable report of the violations, as {@link #assertNoViolations} fails with. */
    public static String describe(String url, List<Violation> violations) {
        StringBuilder message = new StringBuilder()
                .append(url).append(" has ").append(violations.size())
                .append(violations.size() == 1 ? " accessibility violation" : " accessibility violations")
                .append(" (WCAG 2.1 A/AA, axe-core):");
        for (Violation v : violations) {
            message.append("\n- ").append(v.id()).append(" (").append(v.impact()).append("): ").append(v.help())
                    .append(" <").append(v.helpUrl()).append('>');
            for (Node n : v.nodes()) {
                message.append("\n    ").append(String.join(" ", n.target())).append("  ").append(abbreviate(n.html()));
            }
        }
        return message.toString();
    }

    /** {@code -Daccessibility.skip} is set to anything but {@code false}. */
    public static boolean skipRequested() {
        String skip = System.getProperty(SKIP_PROPERTY, "");
        return !skip.isEmpty() && !"false".equalsIgnoreCase(skip);
    }

    private static void skipIfAsked() {
        Assumptions.assumeFalse(skipRequested(), () -> "accessibility check skipped: -D" + SKIP_PROPERTY + "="
                + System.getProperty(SKIP_PROPERTY));
    }

    static void requireLocal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Not a URL: " + url);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || !(host.equals("127.0.0.1") || host.equals("localhost"))) {
            throw new IllegalArgumentException("Only pages on http://127.0.0.1 or http://localhost are audited, not "
                    + url);
        }
    }

    private static JsonNode run(String url) {
        long timeoutSeconds = Long.getLong("accessibility.timeout-seconds", 90);
        Path dir = directory().orElseThrow();
        List<String> command = List.of(node(), dir.resolve(SCRIPT).toString(), url,
                "--chromium", chromium().toString(),
                // The script stops itself a little before this side gives up on it.
                "--timeout-ms", Long.toString(Math.max(1000, timeoutSeconds * 1000 - 5000)));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close(); // the script reads nothing
        } catch (IOException ignored) {
            // it has exited already; its exit code tells
        }
        CompletableFuture<String> stdout = readAsync(process.getInputStream());
        CompletableFuture<String> stderr = readAsync(process.getErrorStream());
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("The accessibility check of " + url + " took longer than "
                        + timeoutSeconds + " s (-Daccessibility.timeout-seconds) and was stopped");
            }
            String out = stdout.get(10, TimeUnit.SECONDS);
            String err = stderr.get(10, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("The accessibility check of " + url + " failed (exit code "
                        + process.exitValue() + "): " + err.strip());
            }
            return JSON.readTree(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while checking " + url, e);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot read the result of the accessibility check of " + url + ": " + e,
                    e);
        }
    }

    static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        Path chromium = chromium();
        if (!Files.isExecutable(chromium)) {
            missing.add("Chromium is not installed (" + chromium + ")");
        }
        if (!nodeRuns()) {
            missing.add("node (Node.js) does not run ('" + node() + "')");
        }
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            missing.add("the script " + DIR_IN_REPO + "/" + SCRIPT + " is not found above "
                    + Path.of("").toAbsolutePath() + " (-Daccessibility.dir)");
        } else {
            Path modules = dir.get().resolve("node_modules");
            if (!Files.isRegularFile(modules.resolve("axe-core/axe.min.js"))
                    || !Files.isRegularFile(modules.resolve("playwright-core/package.json"))) {
                missing.add("the npm packages axe-core and playwright-core are not installed in " + modules);
            }
        }
        return missing;
    }

    static Path chromium() {
        return Path.of(System.getProperty("accessibility.chromium", "/usr/bin/chromium"));
    }

    static String node() {
        return System.getProperty("accessibility.node", "node");
    }

    private static Boolean nodeRuns;

    private static synchronized boolean nodeRuns() {
        if (nodeRuns == null) {
            try {
                Process p = new ProcessBuilder(node(), "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                nodeRuns = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                nodeRuns = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return nodeRuns;
    }

    static Optional<Path> directory() {
        String explicit = System.getProperty("accessibility.dir");
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit).toAbsolutePath();
            return Files.isRegularFile(dir.resolve(SCRIPT)) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DIR_IN_REPO);
            if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private static String abbreviate(String html) {
        String oneLine = html.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }
}
