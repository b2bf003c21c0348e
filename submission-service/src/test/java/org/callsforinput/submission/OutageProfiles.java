package org.callsforinput.submission;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Test profiles in which one component is away: its address is a loopback port that nothing listens on. */
final class OutageProfiles {

    /** Kafka's port for {@link KafkaDown}; the test starts a broker there when it wants Kafka back. */
    static int kafkaPort() {
        return awayPort("kafka");
    }

    /**
     * A loopback port for {@code component}, free when first asked for and the same afterwards, where a test starts a
     * {@link org.callsforinput.testing.TcpProxy} to bring the component back. Kept in a system property: the profile
     * and the test may be loaded by different class loaders, which must agree on it.
     */
    static int awayPort(String component) {
        synchronized (System.class) {
            String key = "test.outage." + component + "-port";
            String port = System.getProperty(key);
            if (port == null) {
                port = Integer.toString(freePort());
                System.setProperty(key, port);
            }
            return Integer.parseInt(port);
        }
    }

    private OutageProfiles() {
    }

    /** Object storage unreachable. */
    public static class StorageDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storage.endpoint", "http://127.0.0.1:" + freePort());
        }
    }

    /** Kafka unreachable until the test starts a broker on {@link #kafkaPort()}. */
    public static class KafkaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + kafkaPort());
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
