package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.callsforinput.testing.OtlpReceiver;
import org.callsforinput.testing.OtlpReceiver.Span;
import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three service jars with tracing on, as in Kubernetes (OTLP/HTTP to a collector, JSON logs), the collector being
 * a small OTLP receiver on loopback: one submission's trace goes from the HTTP request through the outbox and Kafka
 * into review-service, whose consumer span continues it.
 */
class TracingTest {

    static OtlpReceiver collector;
    static Platform platform;

    @BeforeAll
    static void start() {
        collector = OtlpReceiver.start();
        platform = Platform.start(Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void oneTraceFromTheRequestThroughKafkaIntoReviewService() throws Exception {
        String submission = platform.submission.baseUrl();
        String call = Platform.openCall(submission, "trace-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of());
        String draft = Platform.draft(submission, call);
        given().auth().oauth2(Tokens.client("partner-odh")).contentType("application/octet-stream")
                .body(TestDocuments.docx("Traced contribution")).queryParam("fileName", "traced.docx")
                .when().post(submission + "/submissions/" + draft + "/documents").then().statusCode(201);

        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(random(16));
        String callerSpan = hex.formatHex(random(8));
        given().auth().oauth2(Tokens.client("partner-odh")).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().post(submission + "/submissions/" + draft + "/submit").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Platform.caseOf(platform.review.baseUrl(), draft), c -> c != null);

        // submission-service answered the request as a child of the caller's span, and its outbox event went out in
        // that trace: the relay's producer span is a child of the request's span, not of the relay loop.
        Span request = await().atMost(Duration.ofSeconds(30)).until(
                () -> find(traceId, "submission-service", Span.SERVER, callerSpan), s -> s != null);
        Span publish = await().atMost(Duration.ofSeconds(30)).until(
                () -> find(traceId, "submission-service", Span.PRODUCER, request.spanId()), s -> s != null);
        assertThat(publish.name()).contains("submissions");

        // review-service's consumer continued the trace from the record's traceparent header.
        Span consume = await().atMost(Duration.ofSeconds(30)).until(
                () -> find(traceId, "review-service", Span.CONSUMER, publish.spanId()), s -> s != null);
        assertThat(consume.name()).contains("submissions");

        // JSON log lines carry the trace id (the MDC's traceId) where a span is current: submission-service's
        // "received" line, and review-service's "Case ... opened" line written while it handled the event.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(logLine(platform.submission, "received for call")).contains("\"traceId\":\"" + traceId + "\"");
            assertThat(logLine(platform.review, "opened for submission")).contains("\"traceId\":\"" + traceId + "\"");
        });
    }

    /** The last JSON log line of the service containing {@code text}. */
    private static String logLine(org.callsforinput.stack.ServiceProcess service, String text) throws java.io.IOException {
        List<String> lines = Files.readAllLines(service.log()).stream().filter(l -> l.contains(text)).toList();
        assertThat(lines).isNotEmpty();
        String line = lines.get(lines.size() - 1);
        assertThat(line).startsWith("{");
        return line;
    }

    private static Span find(String traceId, String service, int kind, String parentSpanId) {
        List<Span> trace = collector.trace(traceId);
        return trace.stream().filter(s -> s.service().equals(service) && s.kind() == kind && s.parentSpanId().equals(parentSpanId))
                .findFirst().orElse(null);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
