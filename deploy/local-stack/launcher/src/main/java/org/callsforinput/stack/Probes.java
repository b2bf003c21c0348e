package org.callsforinput.stack;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Readiness checks that need nothing beyond the JDK. */
final class Probes {

    static final String HOST = "127.0.0.1";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Probes() {
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    static int httpStatus(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends clamd's {@code zPING} and checks that it answers {@code PONG} (replies to "z" commands end with NUL). */
    static boolean clamdPongs(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b > 0 && reply.size() < 64; b = in.read()) {
                reply.write(b);
            }
            return reply.toString(StandardCharsets.US_ASCII).equals("PONG");
        }
    }

    /**
     * Sends a Kafka Metadata request (v4, no topics) and checks that the answer lists a broker.
     * A KRaft broker accepts TCP connections before it serves requests; this answers only once it does.
     */
    static boolean kafkaBrokerServes(int port) throws IOException {
        final int correlationId = 7;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream request = new DataOutputStream(body);
        byte[] clientId = "platform-launcher".getBytes(StandardCharsets.UTF_8);
        request.writeShort(3);              // api key: Metadata
        request.writeShort(4);              // api version (v0-v3 were removed in Kafka 4)
        request.writeInt(correlationId);
        request.writeShort(clientId.length);
        request.write(clientId);
        request.writeInt(0);                // topics: empty array, brokers only
        request.writeBoolean(false);        // allow_auto_topic_creation
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            socket.setSoTimeout(2000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(body.size());
            body.writeTo(out);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readInt();                   // response size
            int answeredId = in.readInt();
            in.readInt();                   // throttle_time_ms
            int brokers = in.readInt();
            return answeredId == correlationId && brokers > 0;
        }
    }

    /** Connects and checks that the server's first line starts with {@code greeting} (SMTP "220", IMAP "* OK"). */
    static boolean greets(int port, String greeting) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            socket.setSoTimeout(2000);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b >= 0 && b != '\n' && line.size() < 200; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).startsWith(greeting);
        }
    }
}
