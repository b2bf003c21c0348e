package org.callsforinput.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy to a component of the test stack, for faults a test injects: started on a port the service was
 * given before (the component "comes back"), or on a free port, and frozen at will (it still accepts connections and
 * reads what it is sent, but forwards and answers nothing: a component that hangs). Closing it ends every connection.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    private TcpProxy(int listenPort, int targetPort) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 50);
        daemon(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    sockets.add(client);
                    if (frozen) {
                        daemon(() -> drain(client));
                        continue;
                    }
                    Socket target = new Socket();
                    target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                    sockets.add(target);
                    pipe(client.getInputStream(), target.getOutputStream());
                    pipe(target.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    // closed, or the target refused: the client sees its connection end
                }
            }
        });
    }

    /** A proxy on a free loopback port to {@code targetPort}. */
    public static TcpProxy to(int targetPort) throws IOException {
        return new TcpProxy(0, targetPort);
    }

    /** A proxy on {@code listenPort} (free until now: nothing answered there) to {@code targetPort}. */
    public static TcpProxy on(int listenPort, int targetPort) throws IOException {
        return new TcpProxy(listenPort, targetPort);
    }

    /** A loopback port nothing listens on now: a component that is away, until a proxy is started {@link #on} it. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on nothing is forwarded either way, on new and open connections alike. */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
    }

    private void pipe(InputStream in, OutputStream out) {
        daemon(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (in; out) {
                for (int n; (n = in.read(buffer)) != -1;) {
                    while (frozen) {
                        Thread.sleep(50); // held: the peer waits for bytes that do not come
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void drain(Socket client) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = client.getInputStream()) {
            while (in.read(buffer) != -1) {
                // read and never answer
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tcp-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
