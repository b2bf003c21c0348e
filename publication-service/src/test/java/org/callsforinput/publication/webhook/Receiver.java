package org.callsforinput.publication.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request and answers from a script (then with the
 * default answer). Only loopback: tests never send anything anywhere else.
 */
final class Receiver implements AutoCloseable {

    /** A request as received, with the receiver's clock. */
    record Received(String path, Map<String, List<String>> headers, String body, long receivedNanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status, headers, and how long to wait before answering. */
    record Answer(int status, Map<String, String> headers, long delayMillis) {
        static Answer of(int status) {
            return new Answer(status, Map.of(), 0);
        }

        static Answer of(int status, Map<String, String> headers) {
            return new Answer(status, headers, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Answer fallback = Answer.of(200);

    private Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver on a free port. */
    static Receiver start() throws IOException {
        return new Receiver(0);
    }

    /** A receiver on this port (one that was down before). */
    static Receiver startOn(int port) throws IOException {
        return new Receiver(port);
    }

    /** A loopback port nobody listens on (for a receiver that is down). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Receiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    Receiver otherwise(Answer answer) {
        fallback = answer;
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body, System.nanoTime()));
            Answer answer = script.pollFirst();
            if (answer == null) {
                answer = fallback;
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis()); // a slow receiver, bounded by the test's answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (IOException e) {
            // The sender gave up (timeout): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
