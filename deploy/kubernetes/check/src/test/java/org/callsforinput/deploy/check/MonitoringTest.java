package org.callsforinput.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callsforinput.deploy.check.Manifests.containers;
import static org.callsforinput.deploy.check.Manifests.id;
import static org.callsforinput.deploy.check.Manifests.name;
import static org.callsforinput.deploy.check.Manifests.podTemplate;
import static org.callsforinput.deploy.check.Manifests.stream;
import static org.callsforinput.deploy.check.OverlaysTest.CONTRACT;
import static org.callsforinput.deploy.check.OverlaysTest.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Prometheus sees everything the alerts need (base/monitoring): every workload's management port, Strimzi's Kafka
 * Exporter and CloudNativePG's exporter are scraped, on flows of flows.yaml; every alert reads only metrics that are
 * exported (the services' below, each found in their code; the exporters' and Prometheus' own), and has a duration,
 * a severity, a summary and a runbook in docs/operations.md "Alerts".
 */
class MonitoringTest {

    private static final Path REPO = Path.of(System.getProperty("k8s.dir"), "..", "..");

    /** What the services export on /q/metrics (Micrometer: dots become underscores, counters end in _total). */
    static final Set<String> SERVICE_METRICS = Set.of("platform_outbox_pending", "platform_outbox_oldest_age_seconds",
            "platform_storage_unavailable_total", "platform_scanner_unavailable_total",
            "platform_receipt_signing_failures_total", "platform_webhook_deliveries_retrying",
            "platform_webhook_attempts_failed_total", "platform_publication_alerts_total");
    /** Strimzi's Kafka Exporter (kafka_exporter's names). */
    static final Set<String> KAFKA_EXPORTER_METRICS = Set.of("kafka_consumergroup_lag",
            "kafka_topic_partition_current_offset", "kafka_topic_partition_oldest_offset");
    /** CloudNativePG's exporter: its own collector and its default queries (default-monitoring.yaml). */
    static final Set<String> CNPG_METRICS = Set.of("cnpg_collector_up", "cnpg_pg_replication_lag",
            "cnpg_pg_stat_archiver_failed_count");
    /** Prometheus' own, per target. */
    static final Set<String> PROMETHEUS_METRICS = Set.of("up");
    /** The metrics ports of operator-made pods (by the port's name in the PodMonitor). */
    private static final Map<String, Integer> OPERATOR_PORTS = Map.of("tcp-prometheus", 9404, "metrics", 9187);
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    private static final Set<String> PROMQL_KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadAndExporterIsScrapedOnAFlow(String name) {
        Manifests m = overlay(name);
        assertThat(m.kind("PodMonitor").count()).isGreaterThanOrEqualTo(3);
        assertThat(scraped(m, CONTRACT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertReadsExportedMetricsAndHasItsRunbook(String name) {
        Manifests m = overlay(name);
        assertThat(alerts(m)).hasSizeGreaterThan(10);
        assertThat(alertProblems(m, operationsAlerts())).isEmpty();
    }

    /** The list above is the code's: each service metric is a meter named in some module's main sources. */
    @Test
    void theServiceMetricsAreTheCodes() throws IOException {
        String sources;
        try (Stream<Path> files = Files.walk(REPO, 12)) {
            sources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .map(MonitoringTest::read).collect(Collectors.joining("\n"));
        }
        for (String metric : SERVICE_METRICS) {
            String meter = metric.replaceAll("_(total|seconds)$", "").replace('_', '.');
            assertThat(sources).as("a meter %s for %s", meter, metric).contains("\"" + meter + "\"");
        }
    }

    @Test
    void anUnscrapedWorkloadAndAnAlertOnAnUnknownMetricAreReported() {
        Manifests m = overlay("prod").copy();
        ObjectNode services = m.get("PodMonitor", "calls-services");
        ((ObjectNode) services.at("/spec/selector/matchLabels")).put("app.kubernetes.io/component", "services");
        ObjectNode rule = (ObjectNode) alerts(m).get(0);
        rule.put("expr", "max by (service) (platform_outbox_pendng) > 1000");
        ((ObjectNode) rule.path("annotations")).remove("runbook_url");
        ((ObjectNode) alerts(m).get(1)).remove("for");
        assertThat(scraped(m, CONTRACT)).hasSize(6).allSatisfy(p -> assertThat(p).contains("management port is scraped by no PodMonitor"))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment/mail-intake"));
        assertThat(alertProblems(m, operationsAlerts())).containsExactlyInAnyOrder(
                "alert CallsOutboxBacklog: platform_outbox_pendng is exported by nothing scraped",
                "alert CallsOutboxBacklog: no runbook_url in docs/operations.md",
                "alert CallsOutboxStuck: no for");
    }

    @Test
    void unknownFieldsOfThePrometheusOperatorsResourcesAreReported() {
        Manifests m = overlay("prod").copy();
        ((ObjectNode) m.get("PodMonitor", "calls-services").at("/spec/podMetricsEndpoints/0")).put("ports", "management");
        ((ObjectNode) alerts(m).get(0)).put("severity", "warning");
        List<String> problems = new ArrayList<>();
        m.objects().forEach(o -> problems.addAll(OverlaysTest.SCHEMAS.validate(o)));
        assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).contains("PodMonitor/calls-services", "ports"))
                .anySatisfy(p -> assertThat(p).contains("PrometheusRule/calls-for-input", "severity"));
    }

    @Test
    void aScrapeWithoutItsFlowIsReported() {
        Manifests m = overlay("prod").copy();
        Contract withoutExporterScrape = new Contract(CONTRACT.endpoints(), CONTRACT.flows().stream()
                .filter(f -> !(f.from().equals("monitoring") && f.to().equals("kafka-exporter"))).toList(),
                CONTRACT.privateRanges(), CONTRACT.secrets());
        assertThat(scraped(m, withoutExporterScrape)).containsExactly(
                "PodMonitor/calls-kafka-exporter: scrapes kafka-exporter:9404, which is no flow from monitoring in flows.yaml");
    }

    // ---- the checks ------------------------------------------------------------------------------------------------

    /**
     * Every workload with a management port is scraped there; the Kafka Exporter of each Kafka that has one and each
     * PostgreSQL cluster are scraped; every scrape is a flow from monitoring.
     */
    static List<String> scraped(Manifests m, Contract c) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> monitors = m.kind("PodMonitor").toList();
        m.workloads().forEach(w -> {
            JsonNode template = podTemplate(w).orElseThrow();
            Optional<JsonNode> management = containers(template.path("spec")).flatMap(ctr -> stream(ctr.path("ports")))
                    .filter(p -> p.path("name").asText().equals("management")).findFirst();
            if (management.isEmpty()) {
                return;
            }
            JsonNode labels = template.path("metadata").path("labels");
            boolean found = monitors.stream().anyMatch(pm -> Checks.matches(pm.at("/spec/selector/matchLabels"), labels)
                    && stream(pm.at("/spec/podMetricsEndpoints")).anyMatch(e -> e.path("port").asText().equals("management")));
            if (!found) {
                problems.add(id(w) + ": its management port is scraped by no PodMonitor");
                return;
            }
            endpointOf(c, labels).ifPresentOrElse(endpoint -> {
                int port = management.get().path("containerPort").asInt();
                if (!c.flows().contains(new Contract.Flow("monitoring", endpoint, port, "TCP"))) {
                    problems.add(id(w) + ": scraped on " + endpoint + ":" + port + ", which is no flow from monitoring in flows.yaml");
                }
            }, () -> problems.add(id(w) + ": its pods are no endpoint of flows.yaml"));
        });
        List<Map<String, String>> operatorPods = new ArrayList<>();
        m.kind("Kafka").filter(k -> k.path("spec").has("kafkaExporter"))
                .forEach(k -> operatorPods.add(Map.of("strimzi.io/name", name(k) + "-kafka-exporter")));
        m.kind("Cluster").forEach(cl -> operatorPods.add(Map.of("cnpg.io/cluster", name(cl))));
        for (Map<String, String> pods : operatorPods) {
            if (monitors.stream().noneMatch(pm -> selects(pm, pods))) {
                problems.add("the pods " + pods + " are scraped by no PodMonitor");
            }
        }
        for (ObjectNode pm : monitors) {
            for (JsonNode e : pm.at("/spec/podMetricsEndpoints")) {
                Integer port = OPERATOR_PORTS.get(e.path("port").asText());
                if (port == null) {
                    continue; // a workload's port: checked above
                }
                Optional<String> endpoint = c.endpoints().entrySet().stream()
                        .filter(ep -> !ep.getValue().has("namespace") && ep.getValue().has("pods")
                                && Checks.matches(ep.getValue().path("pods"), pm.at("/spec/selector/matchLabels")))
                        .map(Map.Entry::getKey).findFirst();
                if (endpoint.isEmpty()) {
                    problems.add(id(pm) + ": its pods are no endpoint of flows.yaml");
                } else if (!c.flows().contains(new Contract.Flow("monitoring", endpoint.get(), port, "TCP"))) {
                    problems.add(id(pm) + ": scrapes " + endpoint.get() + ":" + port + ", which is no flow from monitoring in flows.yaml");
                }
            }
        }
        return problems;
    }

    private static boolean selects(JsonNode podMonitor, Map<String, String> pods) {
        var it = podMonitor.at("/spec/selector/matchLabels").fields();
        boolean any = false;
        while (it.hasNext()) {
            var e = it.next();
            if (pods.containsKey(e.getKey()) && !pods.get(e.getKey()).equals(e.getValue().asText())) {
                return false;
            }
            any |= pods.containsKey(e.getKey());
        }
        return any;
    }

    /** The endpoint of flows.yaml in the namespace whose pod labels these pods carry. */
    private static Optional<String> endpointOf(Contract c, JsonNode labels) {
        return c.endpoints().entrySet().stream()
                .filter(e -> !e.getValue().has("namespace") && e.getValue().has("pods")
                        && Checks.matches(e.getValue().path("pods"), labels))
                .map(Map.Entry::getKey).findFirst();
    }

    static List<JsonNode> alerts(Manifests m) {
        List<JsonNode> rules = new ArrayList<>();
        m.kind("PrometheusRule").forEach(r -> r.at("/spec/groups").forEach(g -> g.path("rules").forEach(rule -> {
            if (rule.has("alert")) {
                rules.add(rule);
            }
        })));
        return rules;
    }

    /** Every alert: exported metrics only, a for, a severity, a summary, a runbook, and its row in docs/operations.md. */
    static List<String> alertProblems(Manifests m, String operationsAlerts) {
        Set<String> exported = new TreeSet<>(SERVICE_METRICS);
        exported.addAll(KAFKA_EXPORTER_METRICS);
        exported.addAll(CNPG_METRICS);
        exported.addAll(PROMETHEUS_METRICS);
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : alerts(m)) {
            String where = "alert " + rule.path("alert").asText();
            for (String metric : metricsOf(rule.path("expr").asText())) {
                if (!exported.contains(metric)) {
                    problems.add(where + ": " + metric + " is exported by nothing scraped");
                }
            }
            if (!rule.has("for")) {
                problems.add(where + ": no for");
            }
            if (!SEVERITIES.contains(rule.at("/labels/severity").asText())) {
                problems.add(where + ": severity is not one of " + SEVERITIES);
            }
            if (rule.at("/annotations/summary").asText().isBlank()) {
                problems.add(where + ": no summary");
            }
            if (!rule.at("/annotations/runbook_url").asText().equals("docs/operations.md#alerts")) {
                problems.add(where + ": no runbook_url in docs/operations.md");
            }
            if (!operationsAlerts.contains("`" + rule.path("alert").asText() + "`")) {
                problems.add(where + ": not in docs/operations.md \"Alerts\"");
            }
        }
        return problems;
    }

    /** The metric names an expression reads: what is left without strings, matchers, ranges, groupings and calls. */
    static Set<String> metricsOf(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*\\]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher token = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?").matcher(bare);
        while (token.find()) {
            if (token.group(2) == null && !PROMQL_KEYWORDS.contains(token.group(1))) {
                metrics.add(token.group(1));
            }
        }
        return metrics;
    }

    @Test
    void metricNamesAreFoundInExpressions() {
        assertThat(metricsOf("sum by (topic) (increase(kafka_topic_partition_current_offset{topic=~\".*\\\\.dead-letter\"}[15m])) > 0"))
                .containsExactly("kafka_topic_partition_current_offset");
        assertThat(metricsOf("up{namespace=\"calls-for-input\"} == 0 and on (pod) cnpg_collector_up"))
                .containsExactly("cnpg_collector_up", "up");
    }

    /** docs/operations.md's section "Alerts". */
    private static String operationsAlerts() {
        String doc = read(REPO.resolve("docs/operations.md"));
        int start = doc.indexOf("\n## Alerts");
        assertThat(start).as("docs/operations.md has a section Alerts").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
