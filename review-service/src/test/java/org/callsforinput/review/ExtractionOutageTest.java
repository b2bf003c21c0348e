package org.callsforinput.review;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.TcpProxy;
import org.callsforinput.testing.TestDocuments;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Object storage down while documents wait for their check and extraction: retried later, nothing lost. */
@QuarkusTest
@TestProfile(ExtractionOutageTest.StorageAway.class)
class ExtractionOutageTest {

    /** The service reaches object storage through a loopback port where nothing listens until the test says so. */
    public static class StorageAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storage.endpoint", "http://127.0.0.1:" + storagePort());
        }
    }

    /** Shared through a system property: the profile and the test may be loaded by different class loaders. */
    static int storagePort() {
        synchronized (System.class) {
            String port = System.getProperty("test.outage.storage-port");
            if (port == null) {
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = Integer.toString(socket.getLocalPort());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                System.setProperty("test.outage.storage-port", port);
            }
            return Integer.parseInt(port);
        }
    }

    @Test
    void documentsWaitForStorageAndAreCheckedAndExtractedWhenItIsBack() throws Exception {
        Fixtures.Submission submission = new Fixtures.Submission(Fixtures.call("accountability"))
                .document(DocumentRef.ROLE_MAIN, "c.docx", TestDocuments.docx("Written while the storage was away"));
        String caseId = submission.send();
        // The case is there at once; its document waits.
        Fixtures.get("reviewer1", caseId).then().statusCode(200).body("documents[0].integrity", equalTo("PENDING"));
        Thread.sleep(4000); // at least two failed attempts (every 2 s, then backing off)
        Fixtures.get("reviewer1", caseId).then().body("documents[0].integrity", equalTo("PENDING"))
                .body("documents[0].textState", equalTo("PENDING"));

        try (TcpProxy storageBack = TcpProxy.on(storagePort(), URI.create(Stack.get("s3.endpoint")).getPort())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Fixtures.get("reviewer1", caseId).then()
                    .body("documents[0].integrity", equalTo("VERIFIED"))
                    .body("documents[0].textState", equalTo("EXTRACTED")));
        }
    }
}
