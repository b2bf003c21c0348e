package org.callsforinput.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A user's steps through a web application in Debian's headless Chromium (playwright-core), with axe-core over every
 * page the steps audit: the scenario is a node module ({@code export default async (s, input) => ...}, see
 * {@code platform-testing/a11y/run-scenario.mjs} for what {@code s} offers), its input a map that becomes JSON.
 *
 * <pre>{@code
 * Result r = BrowserScenario.run(Path.of("src/test/browser/sign-in.mjs"), Map.of("baseUrl", url), screenshots);
 * r.assertPassed();                       // every step passed and no page had a WCAG 2.1 A/AA violation
 * String seen = r.value("reference");     // what the scenario recorded
 * }</pre>
 *
 * Needs the same tools as {@link Accessibility} ({@code ./platform test} installs them) and fails, naming them, when
 * they are missing; {@code -Daccessibility.skip=true} skips (JUnit assumption) instead.
 */
public final class BrowserScenario {

    static final String RUNNER = "run-scenario.mjs";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the scenario did: its steps, the audits of its pages, what it recorded. */
    public record Result(JsonNode json, String stderr) {

        public List<String> failedSteps() {
            List<String> failed = new ArrayList<>();
            json.path("steps").forEach(s -> {
                if (!s.path("ok").asBoolean()) {
                    failed.add(s.path("name").asText() + " at " + s.path("url").asText() + ": " + s.path("error").asText());
                }
            });
            return failed;
        }

        /** Audit name to its violations, only the audits that found some. */
        public Map<String, List<Accessibility.Violation>> violations() {
            Map<String, List<Accessibility.Violation>> all = new LinkedHashMap<>();
            json.path("audits").forEach(a -> {
                List<Accessibility.Violation> found = new ArrayList<>();
                a.path("violations").forEach(v -> {
                    List<Accessibility.Node> nodes = new ArrayList<>();
                    v.path("nodes").forEach(n -> {
                        List<String> target = new ArrayList<>();
                        n.path("target").forEach(t -> target.add(t.asText()));
                        nodes.add(new Accessibility.Node(target, n.path("html").asText(""), ""));
                    });
                    found.add(new Accessibility.Violation(v.path("id").asText(), v.path("impact").asText(""),
                            v.path("help").asText(""), v.path("helpUrl").asText(""), List.of(), nodes));
                });
                if (!found.isEmpty()) {
                    all.put(a.path("name").asText() + " (" + a.path("url").asText() + ")", found);
                }
            });
            return all;
        }

        public int audits() {
            return json.path("audits").size();
        }

        public String value(String key) {
            return json.path("values").path(key).asText(null);
        }

        public List<String> dialogs() {
            List<String> dialogs = new ArrayList<>();
            json.path("dialogs").forEach(d -> dialogs.add(d.asText()));
            return dialogs;
        }

        /** Fails with every failed step, the scenario's error and every page's violations. */
        public void assertPassed() {
            StringBuilder problems = new StringBuilder();
            failedSteps().forEach(f -> problems.append("\n- step failed: ").append(f));
            if (!json.path("error").isNull() && failedSteps().isEmpty()) {
                problems.append("\n- scenario failed: ").append(json.path("error").asText()).append("\n").append(stderr);
            }
            violations().forEach((page, found) -> problems.append("\n- ").append(Accessibility.describe(page, found)));
            if (!problems.isEmpty()) {
                throw new AssertionError("browser scenario:" + problems);
            }
        }
    }

    private BrowserScenario() {
    }

    /**
     * Runs the scenario with {@code input} (plus {@code chromium} and {@code outDir}, where its screenshots go) and
     * returns what it did; a scenario that could not run at all (tools missing, timeout) fails here.
     */
    public static Result run(Path scenario, Map<String, ?> input, Path outDir) {
        org.junit.jupiter.api.Assumptions.assumeFalse(Accessibility.skipRequested(),
                "browser scenario skipped: -D" + Accessibility.SKIP_PROPERTY);
        Accessibility.unavailableReason().ifPresent(reason -> {
            throw new AssertionError(reason);
        });
        long timeoutSeconds = Long.getLong("browser.timeout-seconds", 300);
        Path dir = Accessibility.directory().orElseThrow();
        try {
            Files.createDirectories(outDir);
            Map<String, Object> full = new LinkedHashMap<>(input);
            full.put("chromium", Accessibility.chromium().toString());
            full.put("outDir", outDir.toAbsolutePath().toString());
            full.put("timeoutMs", (timeoutSeconds - 10) * 1000);
            Path inputFile = Files.createTempFile("scenario-input", ".json");
            Files.write(inputFile, JSON.writeValueAsBytes(full));
            Process process = new ProcessBuilder(Accessibility.node(), dir.resolve(RUNNER).toString(),
                    scenario.toAbsolutePath().toString(), inputFile.toString()).directory(dir.toFile()).start();
            process.getOutputStream().close();
            var stdout = Accessibility.readAsync(process.getInputStream());
            var stderr = Accessibility.readAsync(process.getErrorStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("browser scenario " + scenario + " took longer than " + timeoutSeconds + " s");
            }
            String out = stdout.get(10, TimeUnit.SECONDS);
            Files.deleteIfExists(inputFile);
            if (out.isBlank()) {
                throw new AssertionError("browser scenario " + scenario + " printed nothing (exit code "
                        + process.exitValue() + "): " + stderr.get(10, TimeUnit.SECONDS));
            }
            return new Result(JSON.readTree(out), stderr.get(10, TimeUnit.SECONDS));
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("browser scenario " + scenario + " could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
