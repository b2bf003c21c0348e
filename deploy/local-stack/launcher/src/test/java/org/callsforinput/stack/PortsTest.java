package org.callsforinput.stack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void testModeUsesItsOwnPortsAndVariables() {
        Ports ports = Ports.of(Mode.TEST, Map.of("PLATFORM_KAFKA_PORT", "7000", "PLATFORM_TEST_KAFKA_PORT", "29092"));

        assertEquals(29092, ports.kafka().number());
        assertEquals(29093, ports.kafkaController().number());
        assertEquals(15432, ports.postgres().number());
        assertEquals(5432, ports.sharedPostgres().number());
        assertEquals(19000, ports.s3().number());
        assertEquals(18180, ports.keycloak().number());
        assertEquals(19191, ports.keycloakManagement().number());
        assertEquals(13310, ports.clamav().number());
        assertEquals("PLATFORM_TEST_CLAMAV_PORT", ports.clamav().envVar());
        assertEquals(18084, ports.console().number());
        assertEquals(18085, ports.portal().number());
        assertEquals("PLATFORM_TEST_PORTAL_PORT", ports.portal().envVar());
    }

    @Test
    void thePortalHasItsPortsInEveryModeAndTheTestStackKeepsItFreeForTheSystemTests() {
        Ports run = Ports.of(Mode.RUN, Map.of());
        Ports test = Ports.of(Mode.TEST, Map.of("PLATFORM_TEST_PORTAL_PORT", "28085"));

        assertEquals(8085, run.portal().number());
        assertEquals("PLATFORM_PORTAL_PORT", run.portal().envVar());
        assertEquals(9085, run.portalManagement().number());
        assertEquals("PLATFORM_PORTAL_MANAGEMENT_PORT", run.portalManagement().envVar());
        assertTrue(run.toBind(Mode.RUN, false, false).containsAll(List.of(run.portal(), run.portalManagement())));
        assertEquals(28085, test.portal().number());
        assertTrue(test.toBind(Mode.TEST, false, false).contains(test.portal()));
        assertTrue(!run.toBind(Mode.INFRA, false, false).contains(run.portal()));
    }

    @Test
    void infraBindsNoServicePortsButRunDoes() {
        Ports ports = Ports.of(Mode.RUN, Map.of());

        assertEquals(List.of(9092, 9093, 9000, 8180, 9190, 3025, 3143),
                ports.toBind(Mode.INFRA, false, false).stream().map(Ports.Port::number).toList());
        assertTrue(ports.toBind(Mode.RUN, true, false).stream().map(Ports.Port::number).toList()
                .containsAll(List.of(5432, 8081, 8082, 8083, 8086, 9081, 9082, 9083, 9086)));
    }

    @Test
    void everyServiceHasAManagementPortOfItsOwnThatAVariableMoves() {
        Ports ports = Ports.of(Mode.RUN, Map.of("PLATFORM_REVIEW_MANAGEMENT_PORT", "29082"));

        assertEquals(9081, ports.submissionManagement().number());
        assertEquals(29082, ports.reviewManagement().number());
        assertEquals("PLATFORM_REVIEW_MANAGEMENT_PORT", ports.reviewManagement().envVar());
        assertEquals(9083, ports.publicationManagement().number());
        assertEquals(9086, ports.mailIntakeManagement().number());
        // No port is used twice, in either mode (the management ports are the same in both, like the services' ports).
        for (Mode mode : List.of(Mode.RUN, Mode.TEST)) {
            List<Integer> bound = Ports.of(mode, Map.of()).toBind(Mode.RUN, true, true).stream()
                    .map(Ports.Port::number).toList();
            assertEquals(bound.size(), bound.stream().distinct().count(), mode + ": " + bound);
        }
    }

    @Test
    void clamdPortIsBoundOnlyWhenClamdIsStarted() {
        Ports ports = Ports.of(Mode.RUN, Map.of("PLATFORM_CLAMAV_PORT", "23310"));

        assertEquals(23310, ports.clamav().number());
        assertTrue(ports.toBind(Mode.RUN, false, true).contains(ports.clamav()));
        assertTrue(!ports.toBind(Mode.RUN, false, false).contains(ports.clamav()));
    }

    @Test
    void clamdConfigurationListensOnLoopbackWithTheTestDatabase() {
        String config = Clamd.config(Ports.of(Mode.TEST, Map.of()), Path.of("/state/clamav/db"), Path.of("/state/clamav/tmp"),
                Path.of("/state/logs/clamd.log"));

        assertTrue(config.contains("\nTCPSocket 13310\n"), config);
        assertTrue(config.contains("\nTCPAddr 127.0.0.1\n"), config);
        assertTrue(config.contains("\nForeground yes\n"), config);
        assertTrue(config.contains("\nDatabaseDirectory /state/clamav/db\n"), config);
        assertTrue(!config.contains("LocalSocket"), config);
    }

    @Test
    void clamdTestDatabaseIsTheHashSignatureOfTheEicarFileOnly() {
        // md5 and size of the standard EICAR test file, as `sigtool --md5` prints them.
        assertEquals("44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature\n", Clamd.testDatabase());
    }

    @Test
    void takenPortNamesTheComponentAndTheVariableToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            Ports ports = Ports.of(Mode.RUN, Map.of("PLATFORM_KAFKA_PORT", Integer.toString(port)));

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Ports.requireFree(List.of(ports.kafka())));

            assertEquals("port " + port + " (Kafka) is already in use on 127.0.0.1; stop what uses it or choose"
                    + " another port with PLATFORM_KAFKA_PORT=<port>", e.getMessage());
        }
    }

    @Test
    void rejectsAValueThatIsNotAPort() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Ports.of(Mode.RUN, Map.of("PLATFORM_S3_PORT", "nine")));

        assertEquals("PLATFORM_S3_PORT=nine is not a port number", e.getMessage());
    }

    @Test
    void kafkaConfigurationIsASingleNodeKraftClusterOnLoopback() {
        String config = Kafka.serverProperties(Ports.of(Mode.RUN, Map.of()), Path.of("/data"));

        assertTrue(config.contains("controller.quorum.voters=1@127.0.0.1:9093\n"), config);
        assertTrue(config.contains("listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093\n"), config);
        assertTrue(config.contains("group.initial.rebalance.delay.ms=0\n"), config);
        assertTrue(config.contains("log.dirs=/data\n"), config);
    }
}
