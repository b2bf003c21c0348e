package org.callsforinput.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class S3ProxyTest {

    @Test
    void corsAllowsThePortalsOriginOnlyAsS3ProxyReadsIt() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(S3Proxy.properties(Ports.of(Mode.TEST, Map.of("PLATFORM_TEST_PORTAL_PORT", "28085")),
                Path.of("/data"))));

        // S3Proxy splits on spaces and matches each origin as a whole, case-insensitive regular expression.
        List<Pattern> origins = List.of(p.getProperty("s3proxy.cors-allow-origins").split(" ")).stream()
                .map(o -> Pattern.compile(o, Pattern.CASE_INSENSITIVE)).toList();
        assertTrue(origins.stream().anyMatch(o -> o.matcher("http://127.0.0.1:28085").matches()));
        assertTrue(origins.stream().anyMatch(o -> o.matcher("http://localhost:28085").matches()));
        assertFalse(origins.stream().anyMatch(o -> o.matcher("http://127.0.0.1:18084").matches()));
        assertFalse(origins.stream().anyMatch(o -> o.matcher("http://127a0b0c1:28085").matches()));
        assertEquals("GET HEAD PUT", p.getProperty("s3proxy.cors-allow-methods"));
        assertEquals("ETag", p.getProperty("s3proxy.cors-exposed-headers"));
        assertEquals("/data", p.getProperty("jclouds.filesystem.basedir"));
    }
}
