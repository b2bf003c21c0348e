package org.callsforinput.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders with kustomize, every object is valid against its schema, and the checks find nothing. */
class OverlaysTest {

    static final Schemas SCHEMAS = new Schemas();
    static final Contract CONTRACT = Contract.load();
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests overlay(String name) {
        return RENDERED.computeIfAbsent(name, Manifests::render);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidAgainstItsSchemaStrictly(String name) {
        Manifests m = overlay(name);
        assertThat(m.objects()).hasSizeGreaterThan(50);
        List<String> problems = new ArrayList<>();
        m.objects().forEach(o -> problems.addAll(SCHEMAS.validate(o)));
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsPodsAndAPortOfThem(String name) {
        assertThat(Checks.servicesSelectPods(overlay(name))).isEmpty();
        assertThat(Checks.ingressBackends(overlay(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferencedSecretAndConfigMapKeyExists(String name) {
        assertThat(Checks.refs(overlay(name))).hasSizeGreaterThan(40);
        assertThat(Checks.references(overlay(name), CONTRACT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsSetWithAFixedTag(String name) {
        assertThat(Checks.images(overlay(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesLimitsAndARestrictedSecurityContext(String name) {
        assertThat(Checks.containersHardened(overlay(name))).isEmpty();
        assertThat(Checks.namespaces(overlay(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowExactlyTheFlows(String name) {
        assertThat(overlay(name).kind("NetworkPolicy").count()).isGreaterThan(10);
        assertThat(Checks.networkPolicies(overlay(name), CONTRACT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void disruptionBudgetsSpreadAndAutoscalersFitTheDeployments(String name) {
        assertThat(Checks.disruptionAndScaling(overlay(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOverlaySetsEveryAddressOfTheBase(String name) {
        String text = overlay(name).objects().toString();
        assertThat(text).doesNotContain(".invalid").doesNotContain("127.0.0.1").doesNotContain("localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void storageLetsOnlyThePortalsPagesPutDocuments(String name) {
        var env = overlay(name).get("Tenant", "calls-storage").path("spec").path("env");
        String portal = overlay(name).get("Ingress", "portal").path("spec").path("rules").get(0).path("host").asText();
        assertThat(env.get(0).path("name").asText()).isEqualTo("MINIO_API_CORS_ALLOW_ORIGIN");
        assertThat(env.get(0).path("value").asText()).isEqualTo("https://" + portal);
    }
}
