package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IdempotencyTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    EntityManager em;

    String keyState(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<?> states = em.createNativeQuery("select state from idempotency_key where idempotency_key = ?1")
                    .setParameter(1, key).getResultList();
            return states.isEmpty() ? null : states.get(0).toString();
        });
    }

    @Test
    void retryWithSameIdempotencyKeyReturnsFirstReceipt() {
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, TestDocuments.docx("x"), "x.docx").then().statusCode(201);
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).extract().path("jws");
        given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .when().post("/submissions/" + id + "/submit")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("jws", equalTo(first));
    }

    @Test
    void retriedDraftCreationCreatesOneDraft() {
        String callId = TestCalls.openCall();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TestCalls.draftBody(callId);
        String first = given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/submissions")
                .then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/submissions")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/submissions/" + first))
                .extract().path("id");
        assertThat(second).isEqualTo(first);
        long drafts = given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions?size=200")
                .then().extract().jsonPath().getList("findAll { it.callId == '" + callId + "' }").size();
        assertThat(drafts).isEqualTo(1);
    }

    @Test
    void sameKeyForADifferentRequestIsRefused() {
        String callId = TestCalls.openCall();
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(TestCalls.draftBody(callId)).when().post("/submissions")
                .then().statusCode(201);
        Map<String, Object> other = new HashMap<>(TestCalls.draftBody(callId));
        other.put("title", "Another title");
        given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(other).when().post("/submissions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:idempotency-key-reused"));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String odh = given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(TestCalls.draftBody(TestCalls.openCall())).when().post("/submissions")
                .then().statusCode(201).extract().path("id");
        String crln = given().auth().oauth2(Tokens.client("partner-crln")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(TestCalls.draftBody(TestCalls.openCall())).when().post("/submissions")
                .then().statusCode(201).extract().path("id");
        assertThat(crln).isNotEqualTo(odh);
    }

    @Test
    void sameKeyWhileTheFirstRequestRunsIsAConflict() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        String key = UUID.randomUUID().toString();
        // Larger than the server's input buffer (10 KiB), so the request is dispatched while its body still streams.
        byte[] noise = new byte[200 * 1024];
        new java.util.Random(7).nextBytes(noise);
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "slow upload", Map.of("word/media/image1.bin", noise));
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(feed, 64 * 1024);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest slow = HttpRequest.newBuilder(base.resolve("/submissions/" + id + "/documents?role=MAIN&fileName=slow.docx"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), docx.length))
                .build();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        feed.write(docx, 0, 64 * 1024);
        feed.flush();

        // Once the first request holds the key, a second one with the same key is refused while it runs.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> keyState(key), state -> "IN_PROGRESS".equals(state));
        given().auth().oauth2(Tokens.client("partner-odh")).header("Idempotency-Key", key)
                .contentType("application/octet-stream").body(docx)
                .queryParam("role", "MAIN").queryParam("fileName", "slow.docx")
                .when().post("/submissions/" + id + "/documents")
                .then().statusCode(409).body("type", equalTo("urn:calls-for-input:problem:idempotency-key-in-progress"));

        feed.write(docx, 64 * 1024, docx.length - 64 * 1024);
        feed.close();
        assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents.size()", equalTo(1));
    }

    @Test
    void submitOfAClientThatLeftBeforeTheAnswerIsDoneOnceAndItsRetryGetsTheReceipt() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, TestDocuments.docx("left early"), "left.docx").then().statusCode(201);
        String key = UUID.randomUUID().toString();
        String head = "POST /submissions/" + id + "/submit HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.client("partner-odh") + "\r\nIdempotency-Key: " + key + "\r\n"
                + "Content-Length: 0\r\n";
        // The whole request, then the connection closed at once: the client never reads an answer.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            socket.getOutputStream().write((head + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }
        // Either the service had taken the request up (it finishes without the client: the key completes) or the
        // connection was gone before it was dispatched (it never happened: the claim lapses within the lease).
        // Either way the retry gets a receipt, never "already submitted", and only once a 409 while it still runs.
        org.callsforinput.testing.RawHttp.Response retry = org.awaitility.Awaitility.await()
                .atMost(store.lease().plusSeconds(10)).pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> org.callsforinput.testing.RawHttp.send(base.getPort(), head), r -> r.status() != 409);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(keyState(key)).isEqualTo("COMPLETE");
        String jws = io.restassured.path.json.JsonPath.from(retry.body()).getString("jws");
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id + "/receipt")
                .then().statusCode(200).body("jws", equalTo(jws));
    }

    @Inject
    org.callsforinput.submission.idempotency.IdempotencyStore store;

    @Test
    void claimThatNobodyRenewsIsFreeAfterItsLease() {
        String key = UUID.randomUUID().toString();
        var first = store.claim("test-principal", key, "f".repeat(64));
        assertThat(first.outcome()).isEqualTo(org.callsforinput.submission.idempotency.IdempotencyStore.Outcome.CLAIMED);
        // Its process "dies": nobody renews the claim any more.
        store.forget(first.token());
        assertThat(store.claim("test-principal", key, "f".repeat(64)).outcome())
                .isEqualTo(org.callsforinput.submission.idempotency.IdempotencyStore.Outcome.IN_PROGRESS);
        long start = System.nanoTime();
        var second = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> store.claim("test-principal", key, "f".repeat(64)),
                        c -> c.outcome() == org.callsforinput.submission.idempotency.IdempotencyStore.Outcome.CLAIMED);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(store.lease().plusSeconds(2));
        store.forget(second.token());
        // The dead claim can no longer complete the key; the living one can.
        var answer = new org.callsforinput.submission.idempotency.IdempotencyStore.StoredResponse(201, null, null, null);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.complete(first.token(), answer))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.complete(second.token(), answer))).isTrue();
        assertThat(keyState(key)).isEqualTo("COMPLETE");
    }

    @Test
    void requestThatLostItsClaimLeavesNoEffect() throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        String key = UUID.randomUUID().toString();
        byte[] noise = new byte[200 * 1024];
        new java.util.Random(11).nextBytes(noise);
        byte[] docx = TestDocuments.wordPackage(TestDocuments.DOCX_MAIN, "claim lost", Map.of("word/media/image1.bin", noise));
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(feed, 64 * 1024);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(HttpRequest.newBuilder(
                base.resolve("/submissions/" + id + "/documents?role=MAIN&fileName=lost.docx"))
                .header("Authorization", "Bearer " + Tokens.client("partner-odh"))
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), docx.length))
                .build(), HttpResponse.BodyHandlers.ofString());
        feed.write(docx, 0, 64 * 1024);
        feed.flush();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> keyState(key), state -> "IN_PROGRESS".equals(state));
        // Another process took the key over meanwhile (as after a lease that was not renewed in time).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update idempotency_key set claim_token = gen_random_uuid() where idempotency_key = ?1")
                .setParameter(1, key).executeUpdate());
        feed.write(docx, 64 * 1024, docx.length - 64 * 1024);
        feed.close();
        HttpResponse<String> answer = first.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("idempotency-key-in-progress");
        // The upload's effect rolled back with its lost claim: no document, and the key is not completed by it.
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents.size()", equalTo(0));
        assertThat(keyState(key)).isEqualTo("IN_PROGRESS");
    }
}
