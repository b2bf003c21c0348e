package org.callsforinput.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callsforinput.deploy.check.OverlaysTest.CONTRACT;
import static org.callsforinput.deploy.check.OverlaysTest.SCHEMAS;
import static org.callsforinput.deploy.check.OverlaysTest.overlay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks report what is broken: each test breaks one thing of the rendered production overlay. */
class BrokenManifestsTest {

    private static Manifests prod() {
        return overlay("prod").copy();
    }

    private static ObjectNode container(Manifests m, String deployment) {
        return (ObjectNode) m.get("Deployment", deployment).path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static List<String> schemaProblems(Manifests m) {
        List<String> problems = new ArrayList<>();
        m.objects().forEach(o -> problems.addAll(SCHEMAS.validate(o)));
        return problems;
    }

    @Test
    void unknownFieldOfADeploymentIsReported() {
        Manifests m = prod();
        container(m, "review-service").put("livenessProbes", "typo");
        assertThat(schemaProblems(m)).singleElement().asString().contains("Deployment/review-service", "livenessProbes");
    }

    @Test
    void unknownFieldOfAnOperatorResourceIsReported() {
        Manifests m = prod();
        ((ObjectNode) m.get("KafkaTopic", "reviews").path("spec")).put("replicationFactor", 3);
        ((ObjectNode) m.get("Cluster", "calls-postgres").path("spec")).put("replicas", 3);
        ((ObjectNode) m.get("Tenant", "calls-storage").path("spec").path("pools").get(0)).put("server", 4);
        ((ObjectNode) m.get("Keycloak", "calls-keycloak").path("spec")).put("replicas", 2);
        assertThat(schemaProblems(m)).hasSize(4).anySatisfy(p -> assertThat(p).contains("KafkaTopic/reviews", "replicationFactor"))
                .anySatisfy(p -> assertThat(p).contains("Cluster/calls-postgres", "replicas"))
                .anySatisfy(p -> assertThat(p).contains("Tenant/calls-storage", "server"))
                .anySatisfy(p -> assertThat(p).contains("Keycloak/calls-keycloak", "replicas"));
    }

    @Test
    void wrongTypeAndUnknownKindAreReported() {
        Manifests m = prod();
        ((ObjectNode) m.get("Deployment", "publication-service").path("spec")).put("replicas", "two");
        ((ObjectNode) m.get("Service", "clamav")).put("apiVersion", "v2");
        assertThat(schemaProblems(m)).anySatisfy(p -> assertThat(p).contains("Deployment/publication-service", "replicas"))
                .anySatisfy(p -> assertThat(p).contains("Service/clamav", "no schema for v2/Service"));
    }

    @Test
    void missingProbeLimitAndSecurityContextAreReported() {
        Manifests m = prod();
        container(m, "submission-service").remove("readinessProbe");
        ((ObjectNode) container(m, "review-service").path("resources").path("limits")).remove("memory");
        ((ObjectNode) container(m, "mail-intake").path("securityContext")).put("readOnlyRootFilesystem", false);
        ((ObjectNode) container(m, "secretariat-console").path("livenessProbe").path("httpGet")).put("port", "http");
        assertThat(Checks.containersHardened(m)).containsExactlyInAnyOrder(
                "Deployment/submission-service container submission-service: no readinessProbe",
                "Deployment/review-service container review-service: no resources.limits.memory",
                "Deployment/mail-intake container mail-intake: readOnlyRootFilesystem is not true",
                "Deployment/secretariat-console container secretariat-console: livenessProbe is not on the management port");
    }

    @Test
    void danglingSecretAndMissingKeyAreReported() {
        Manifests m = prod();
        ObjectNode env = (ObjectNode) container(m, "publication-service").path("env").get(0);
        env.remove("value");
        env.putObject("valueFrom").putObject("secretKeyRef").put("name", "no-such-secret").put("key", "x");
        ObjectNode cmRef = (ObjectNode) container(m, "mail-intake").withArray("env").addObject();
        cmRef.put("name", "X").putObject("valueFrom").putObject("configMapKeyRef").put("name", "mail-intake-config").put("key", "NO_KEY");
        assertThat(Checks.references(m, CONTRACT)).containsExactlyInAnyOrder(
                "Deployment/publication-service: Secret no-such-secret is not in the manifests nor in secrets.yaml",
                "Deployment/mail-intake: ConfigMap mail-intake-config has no key NO_KEY");
    }

    @Test
    void operatorSecretWithoutItsProducerIsReported() {
        Manifests m = new Manifests("prod-without-users", prod().objects().stream()
                .filter(o -> !Manifests.id(o).equals("KafkaUser/review-service")).toList());
        assertThat(Checks.references(m, CONTRACT)).containsExactly(
                "Deployment/review-service: Secret review-service is not in the manifests nor in secrets.yaml");
    }

    @Test
    void serviceSelectingNothingAndUnsetImageAreReported() {
        Manifests m = prod();
        ((ObjectNode) m.get("Service", "review-service").path("spec").path("selector")).put("app.kubernetes.io/name", "reviews");
        container(m, "mail-intake").put("image", "images.invalid/mail-intake:unset");
        container(m, "publication-service").put("image", "registry.example.org/publication-service");
        assertThat(Checks.servicesSelectPods(m)).singleElement().asString().startsWith("Service/review-service: selects no pods");
        assertThat(Checks.images(m)).hasSize(2).anySatisfy(p -> assertThat(p).contains("placeholder"))
                .anySatisfy(p -> assertThat(p).contains("no fixed tag"));
    }

    @Test
    void networkPolicyBeyondTheFlowsAndFlowWithoutPolicyAreReported() {
        Manifests m = prod();
        // review-service may now reach the internet on 443, and no longer clamd
        ObjectNode policy = m.get("NetworkPolicy", "review-service");
        var egress = policy.withArray("/spec/egress");
        for (int i = 0; i < egress.size(); i++) {
            if (egress.get(i).toString().contains("clamav")) {
                egress.remove(i);
                break;
            }
        }
        ObjectNode rule = egress.addObject();
        rule.putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0").putArray("except")
                .add("10.0.0.0/8").add("172.16.0.0/12").add("192.168.0.0/16").add("100.64.0.0/10").add("169.254.0.0/16")
                .add("127.0.0.0/8").add("0.0.0.0/8");
        rule.putArray("ports").addObject().put("protocol", "TCP").put("port", 443);
        assertThat(Checks.networkPolicies(m, CONTRACT)).containsExactlyInAnyOrder(
                "NetworkPolicy/review-service: allows review-service -> internet:443, which is no flow of flows.yaml",
                "flow review-service -> clamav:3310: no NetworkPolicy allows it out of review-service");
    }

    @Test
    void portalReachingTheStorageItselfIsReported() {
        // the browser PUTs documents to the storage; the portal never talks to it
        Manifests m = prod();
        ObjectNode rule = m.get("NetworkPolicy", "contributor-portal").withArray("/spec/egress").addObject();
        ((ObjectNode) rule.putArray("to").addObject().putObject("podSelector").putObject("matchLabels"))
                .put("v1.min.io/tenant", "calls-storage");
        rule.putArray("ports").addObject().put("protocol", "TCP").put("port", 9000);
        ((ObjectNode) container(m, "contributor-portal").path("startupProbe").path("httpGet")).put("port", "http");
        assertThat(Checks.networkPolicies(m, CONTRACT)).containsExactly(
                "NetworkPolicy/contributor-portal: allows contributor-portal -> minio:9000, which is no flow of flows.yaml");
        assertThat(Checks.containersHardened(m)).containsExactly(
                "Deployment/contributor-portal container contributor-portal: startupProbe is not on the management port");
    }

    @Test
    void kafkaListenerAdmittingAnotherPodIsReported() {
        Manifests m = prod();
        var peers = ((ObjectNode) m.get("Kafka", "calls-kafka").withArray("/spec/kafka/listeners").get(0)).withArray("networkPolicyPeers");
        ((ObjectNode) peers.addObject().putObject("podSelector").putObject("matchLabels")).put("app.kubernetes.io/name", "mail-intake");
        assertThat(Checks.networkPolicies(m, CONTRACT)).singleElement().asString().contains("listener tls admits");
    }

    @Test
    void ingressToAMissingServiceOrPortIsReported() {
        Manifests m = prod();
        ((ObjectNode) m.get("Ingress", "api").at("/spec/rules/0/http/paths/0/backend/service")).put("name", "submissions");
        ((ObjectNode) m.get("Ingress", "auth").at("/spec/rules/0/http/paths/0/backend/service/port")).put("number", 8443);
        assertThat(Checks.ingressBackends(m)).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("Ingress/api: backend submissions"))
                .anySatisfy(p -> assertThat(p).startsWith("Ingress/auth: backend calls-keycloak-service"));
    }

    @Test
    void namespaceWithoutRestrictedPodSecurityIsReported() {
        Manifests m = prod();
        ((ObjectNode) m.get("Namespace", "calls-for-input").path("metadata").path("labels"))
                .put("pod-security.kubernetes.io/enforce", "baseline");
        assertThat(Checks.namespaces(m)).containsExactly("Namespace/calls-for-input: pod-security.kubernetes.io/enforce is not restricted");
    }

    /** The whole way, through kustomize: an overlay whose patch adds an unknown field renders, and is refused. */
    @Test
    void brokenOverlayIsRefusedEndToEnd(@TempDir Path dir) throws IOException {
        Path overlay = dir.resolve("broken");
        Files.createDirectories(overlay);
        // kustomize takes only relative paths to other kustomizations
        Path prod = overlay.relativize(Path.of(System.getProperty("k8s.dir"), "overlays", "prod").toAbsolutePath().normalize());
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - target: {kind: Deployment, name: submission-service}
                    patch: |-
                      - {op: add, path: /spec/template/spec/containers/0/readinessProbe/httpGet/portt, value: 9000}
                """.formatted(prod));
        Manifests m = Manifests.parse("broken", Kustomize.render(overlay));
        assertThat(schemaProblems(m)).singleElement().asString().contains("Deployment/submission-service", "portt");
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                  - missing.yaml
                """.formatted(prod));
        assertThatThrownBy(() -> Kustomize.render(overlay)).isInstanceOf(Kustomize.KustomizeFailure.class)
                .hasMessageContaining("missing.yaml");
    }
}
