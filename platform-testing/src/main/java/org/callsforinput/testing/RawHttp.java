package org.callsforinput.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket to 127.0.0.1, for requests that ordinary clients refuse to send: a
 * Content-Length the body does not have, a NUL byte in a header. The server is expected to answer and close.
 */
public final class RawHttp {

    /** A response: status, headers (lower-case names) and the body as text. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, each line ending in CRLF, without the empty line) and reads the answer. */
    public static Response send(int port, String head) throws IOException {
        return send(port, head, "");
    }

    /** Sends {@code head}, the empty line and {@code body} (as UTF-8), and reads the answer. */
    public static Response send(int port, String head, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        int status = 0;
        for (int n; (n = in.read(buffer)) != -1;) {
            all.write(buffer, 0, n);
            byte[] bytes = all.toByteArray();
            if (headEnd < 0) {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    String[] lines = text.substring(0, headEnd).split("\r\n");
                    status = Integer.parseInt(lines[0].split(" ")[1]);
                    for (int i = 1; i < lines.length; i++) {
                        int colon = lines[i].indexOf(':');
                        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
                    }
                    contentLength = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length")) : -1;
                }
            }
            if (headEnd >= 0 && contentLength >= 0 && bytes.length - headEnd - 4 >= contentLength) {
                break;
            }
        }
        byte[] bytes = all.toByteArray();
        if (headEnd < 0) {
            throw new IOException("No complete response head: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String body = new String(bytes, headEnd + 4, bytes.length - headEnd - 4, StandardCharsets.UTF_8);
        return new Response(status, headers, body);
    }
}
