package org.callsforinput.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The accessibility check itself, on two small pages served on 127.0.0.1: one accessible, one that is not. */
class AccessibilityTest {

    static final String ACCESSIBLE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Call for input: racial justice</title></head>
            <body>
              <header><p>Calls for input</p></header>
              <main>
                <h1>Call for input: racial justice</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Emblem of the mandate">
                <p style="color:#1a1a1a;background:#ffffff">Contributions are published in full and as received.</p>
                <form action="/search">
                  <label for="q">Search contributions</label>
                  <input id="q" name="q" type="text">
                  <button type="submit">Search</button>
                </form>
                <p><a href="/calls">All calls for input</a></p>
              </main>
            </body>
            </html>
            """;

    /** Four known faults: no lang, an image without alt, an input without label, grey text on white. */
    static final String INACCESSIBLE = """
            <!DOCTYPE html>
            <html>
            <head><meta charset="utf-8"><title>Not accessible</title></head>
            <body>
              <main>
                <h1>Not accessible</h1>
                <img id="emblem" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <form action="/search"><input id="q" name="q" type="text"><button type="submit">Search</button></form>
                <p id="faint" style="color:#c0c0c0;background:#ffffff">Faint text</p>
              </main>
            </body>
            </html>
            """;

    static HttpServer server;
    static String base;

    @BeforeAll
    static void serve() throws IOException {
        Map<String, String> pages = Map.of("/accessible.html", ACCESSIBLE, "/inaccessible.html", INACCESSIBLE);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page != null ? page : "<!DOCTYPE html><html lang=\"en\"><title>Not found</title></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page != null ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void toolsAreInstalled() {
        assumeFalse(Accessibility.skipRequested(), "-Daccessibility.skip");
        // ./platform test installs them: a machine without them must fail here, loudly, not skip.
        assertTrue(Accessibility.available(), () -> Accessibility.unavailableReason().orElse(""));
    }

    @Test
    void accessiblePageHasNoViolations() {
        assertEquals(List.of(), Accessibility.audit(base + "/accessible.html"));
        Accessibility.assertNoViolations(base + "/accessible.html");
    }

    @Test
    void knownViolationsAreReported() {
        List<Accessibility.Violation> violations = Accessibility.audit(base + "/inaccessible.html");
        Set<String> ids = violations.stream().map(Accessibility.Violation::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(ids.containsAll(Set.of("image-alt", "label", "color-contrast", "html-has-lang")),
                () -> "reported: " + ids);
        Accessibility.Violation imageAlt = violations.stream().filter(v -> v.id().equals("image-alt")).findFirst()
                .orElseThrow();
        assertEquals(List.of("#emblem"), imageAlt.nodes().get(0).target());
        assertTrue(imageAlt.nodes().get(0).html().startsWith("<img id=\"emblem\""), imageAlt.nodes().get(0).html());
        assertEquals("critical", imageAlt.impact());

        AssertionError failure = assertThrows(AssertionError.class,
                () -> Accessibility.assertNoViolations(base + "/inaccessible.html"));
        String message = failure.getMessage();
        for (String expected : List.of("image-alt (critical): Images must have alternative text", "#emblem",
                "label (", "#q", "color-contrast (serious)", "#faint", "html-has-lang (serious)")) {
            assertTrue(message.contains(expected), () -> "'" + expected + "' missing from:\n" + message);
        }
    }

    @Test
    void onlyPagesOnThisMachine() {
        for (String url : List.of("https://example.org/", "http://example.org/", "http://10.0.0.1/",
                "file:///etc/passwd", "http://127.0.0.1.example.org/", "not a url")) {
            assertThrows(IllegalArgumentException.class, () -> Accessibility.audit(url), url);
        }
    }

    @Test
    void anErrorPageIsNotAudited() {
        assumeFalse(Accessibility.skipRequested(), "-Daccessibility.skip");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Accessibility.audit(base + "/missing.html"));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void missingToolsFailWithWhatToDo() {
        // Also under -Daccessibility.skip=true: nothing is launched here.
        withProperty(Accessibility.SKIP_PROPERTY, "false", () -> withProperty("accessibility.chromium",
                "/nonexistent/chromium", () -> {
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> Accessibility.assertNoViolations(base + "/accessible.html"));
            assertTrue(failure.getMessage().contains("Chromium is not installed (/nonexistent/chromium)"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("./platform test"), failure.getMessage());
        }));
    }

    @Test
    void skippedOnlyWhenAskedAndThenReportedAsSkipped() {
        withProperty(Accessibility.SKIP_PROPERTY, "true", () -> {
            assertThrows(TestAbortedException.class, () -> Accessibility.assertNoViolations(base + "/inaccessible.html"));
            assertThrows(TestAbortedException.class, () -> Accessibility.audit(base + "/inaccessible.html"));
        });
        // "false" is not a skip: the check runs (and fails fast here, on a Chromium that is not there).
        withProperty(Accessibility.SKIP_PROPERTY, "false", () -> withProperty("accessibility.chromium",
                "/nonexistent/chromium", () -> assertThrows(AssertionError.class,
                        () -> Accessibility.assertNoViolations(base + "/accessible.html"))));
    }

    private static void withProperty(String key, String value, Runnable body) {
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
