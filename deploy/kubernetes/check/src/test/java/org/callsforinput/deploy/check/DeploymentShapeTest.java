package org.callsforinput.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callsforinput.deploy.check.OverlaysTest.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What production promises (high availability, topics, users, buckets) and what dev keeps small. */
class DeploymentShapeTest {

    private static final List<String> SERVICES = List.of("submission-service", "review-service", "publication-service",
            "mail-intake", "secretariat-console", "contributor-portal");
    private static final Path REPO = Path.of(System.getProperty("k8s.dir"), "..", "..");

    @Test
    void everyServiceModuleIsDeployed() throws IOException {
        try (var modules = Files.list(REPO)) {
            modules.filter(d -> Files.exists(d.resolve("src/main/resources/application.properties")))
                    .peek(d -> assertThat(d.resolve("src/main/docker/Dockerfile.jvm")).as("the image of " + d.getFileName()).isRegularFile())
                    .map(d -> d.getFileName().toString())
                    .forEach(module -> assertThat(SERVICES).as("a Deployment for module " + module).contains(module));
        }
        SERVICES.forEach(s -> assertThat(overlay("prod").find("Deployment", s)).as(s).isPresent());
    }

    @Test
    void productionIsHighlyAvailable() {
        Manifests prod = overlay("prod");
        for (String s : SERVICES) {
            int replicas = prod.get("Deployment", s).path("spec").path("replicas").asInt();
            // mail-intake reads one mailbox: one replica, restarted at once (docs/operations.md)
            assertThat(replicas).as(s).isGreaterThanOrEqualTo(s.equals("mail-intake") ? 1 : 2);
        }
        assertThat(prod.get("Cluster", "calls-postgres").path("spec").path("instances").asInt()).isEqualTo(3);
        prod.kind("KafkaNodePool").forEach(p -> assertThat(p.path("spec").path("replicas").asInt()).isEqualTo(3));
        prod.kind("KafkaTopic").forEach(t -> {
            assertThat(t.path("spec").path("replicas").asInt()).as(Manifests.name(t)).isEqualTo(3);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).as(Manifests.name(t)).isEqualTo(2);
            assertThat(t.path("spec").path("config").has("retention.ms")).as(Manifests.name(t)).isTrue();
        });
        assertThat(prod.get("Tenant", "calls-storage").path("spec").path("pools").get(0).path("servers").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(prod.get("Keycloak", "calls-keycloak").path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(prod.get("ScheduledBackup", "calls-postgres-nightly").path("spec").path("method").asText()).isEqualTo("plugin");
    }

    /**
     * The probes and Prometheus reach a service's management interface: the module enables it (a build-time property)
     * and keeps OpenAPI off it, and the container's port named management is the QUARKUS_MANAGEMENT_PORT it sets,
     * which the Service's port named management targets.
     */
    @Test
    void probesAndMetricsReachEachServicesManagementInterface() throws IOException {
        Manifests prod = overlay("prod");
        for (String s : SERVICES) {
            Path properties = REPO.resolve(s).resolve("src/main/resources/application.properties");
            if (!Files.exists(properties)) {
                continue; // a module still being built (the manifest comes first)
            }
            String config = Files.readString(properties);
            assertThat(config).as(s + "'s application.properties").containsPattern("(?m)^quarkus\\.management\\.enabled=true$");
            if (config.contains("quarkus.smallrye-openapi.")) {
                assertThat(config).as(s + ": OpenAPI and Swagger UI stay on the public port")
                        .containsPattern("(?m)^quarkus\\.smallrye-openapi\\.management\\.enabled=false$");
            }
            JsonNode container = prod.get("Deployment", s).path("spec").path("template").path("spec").path("containers").get(0);
            String port = Manifests.stream(container.path("ports")).filter(p -> p.path("name").asText().equals("management"))
                    .map(p -> p.path("containerPort").asText()).findFirst().orElse(null);
            String env = Manifests.stream(container.path("env")).filter(e -> e.path("name").asText().equals("QUARKUS_MANAGEMENT_PORT"))
                    .map(e -> e.path("value").asText()).findFirst().orElse(null);
            assertThat(port).as(s + ": container port management").isNotNull().isEqualTo(env);
            assertThat(Manifests.stream(prod.get("Service", s).path("spec").path("ports"))
                    .filter(p -> p.path("name").asText().equals("management")).map(p -> p.path("targetPort").asText()))
                    .as(s + ": the Service's management port").containsExactly("management");
        }
    }

    @Test
    void devRunsOneOfEverything() {
        Manifests dev = overlay("dev");
        dev.kind("Deployment").forEach(d -> assertThat(d.path("spec").path("replicas").asInt()).as(Manifests.name(d)).isEqualTo(1));
        assertThat(dev.get("Cluster", "calls-postgres").path("spec").path("instances").asInt()).isEqualTo(1);
        dev.kind("KafkaNodePool").forEach(p -> assertThat(p.path("spec").path("replicas").asInt()).isEqualTo(1));
        dev.kind("KafkaTopic").forEach(t -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(1));
    }

    /**
     * A KafkaTopic per topic of docs/events.md and one dead-letter topic per consuming service
     * ({@code <service>.dead-letter}); each service's KafkaUser may write exactly the topics it produces
     * (docs/events.md) and its dead-letter topic, read exactly the topics of its channels (its application.properties),
     * its dead-letter topic (the replay) and its consumer group.
     */
    @Test
    void topicsAndAclsFollowTheServicesChannels() throws IOException {
        Map<String, String> producers = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ([a-z-]+) \\|").matcher(Files.readString(REPO.resolve("docs/events.md")));
        while (row.find()) {
            producers.put(row.group(1), row.group(2));
        }
        assertThat(producers).containsKeys("calls", "submissions", "reviews", "publications");
        assertThat(Files.readString(REPO.resolve("platform-support/src/main/resources/META-INF/microprofile-config.properties")))
                .as("the services' dead-letter topic").contains("platform.dead-letters.topic=${quarkus.application.name}.dead-letter");
        Set<String> wantedTopics = new TreeSet<>(producers.keySet());
        Manifests prod = overlay("prod");
        for (String svc : List.of("submission-service", "review-service", "publication-service")) {
            Map<String, String> channels = new TreeMap<>();
            Matcher ch = Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.([a-z-]+)\\.topic=([a-z-]+)$")
                    .matcher(Files.readString(REPO.resolve(svc).resolve("src/main/resources/application.properties")));
            while (ch.find()) {
                channels.put(ch.group(1), ch.group(2));
            }
            assertThat(channels).as(svc).isNotEmpty();
            String deadLetters = svc + ".dead-letter";
            Set<String> read = new TreeSet<>(channels.values());
            read.add(deadLetters);
            Set<String> write = new TreeSet<>(Set.of(deadLetters));
            producers.forEach((t, p) -> {
                if (p.equals(svc)) {
                    write.add(t);
                }
            });
            wantedTopics.addAll(write);
            Set<String> aclRead = new TreeSet<>();
            Set<String> aclWrite = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : prod.get("KafkaUser", svc).path("spec").path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                String name = acl.path("resource").path("name").asText();
                assertThat(acl.path("resource").path("patternType").asText()).isEqualTo("literal");
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                if (type.equals("group")) {
                    groups.add(name);
                    continue;
                }
                if (ops.contains("Read")) {
                    aclRead.add(name);
                }
                if (ops.contains("Write")) {
                    aclWrite.add(name);
                }
                assertThat(ops).as(svc + " on " + name).isSubsetOf("Read", "Write", "Describe");
            }
            assertThat(aclRead).as(svc + " reads").isEqualTo(read);
            assertThat(aclWrite).as(svc + " writes").isEqualTo(write);
            assertThat(groups).as(svc + " groups").containsExactly(svc);
        }
        Set<String> topics = new TreeSet<>();
        prod.kind("KafkaTopic").forEach(t -> topics.add(Manifests.name(t)));
        assertThat(topics).isEqualTo(wantedTopics);
    }

    @Test
    void eachServiceHasItsOwnDatabaseRoleAndStorageUser() {
        Manifests prod = overlay("prod");
        Set<String> roles = new TreeSet<>();
        prod.get("Cluster", "calls-postgres").path("spec").path("managed").path("roles").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("submission-service", "review-service", "publication-service",
                "secretariat-console", "contributor-portal", "keycloak");
        prod.kind("Database").forEach(d -> assertThat(roles).contains(d.path("spec").path("owner").asText()));
        // no service gets the tenant's root credentials
        prod.kind("Deployment").forEach(d -> assertThat(d.toString()).as(Manifests.name(d)).doesNotContain("calls-storage-env-configuration"));
    }

    @Test
    void bucketPoliciesGiveReviewReadOnlyAccessToSubmissions() throws IOException {
        // the generated ConfigMap's name carries a content hash
        JsonNode cm = overlay("prod").kind("ConfigMap").filter(c -> Manifests.name(c).startsWith("storage-policies-"))
                .findFirst().orElseThrow();
        JsonNode review = Manifests.JSON.readTree(cm.path("data").path("review-service.json").asText());
        Map<String, Set<String>> actions = new TreeMap<>();
        for (JsonNode st : review.path("Statement")) {
            for (JsonNode res : st.path("Resource")) {
                Set<String> a = actions.computeIfAbsent(res.asText(), k -> new TreeSet<>());
                st.path("Action").forEach(x -> a.add(x.asText()));
            }
        }
        assertThat(actions.get("arn:aws:s3:::submissions/*")).containsExactly("s3:GetObject");
        assertThat(actions).doesNotContainKey("arn:aws:s3:::publication/*");
        JsonNode publication = Manifests.JSON.readTree(cm.path("data").path("publication-service.json").asText());
        assertThat(publication.toString()).contains("arn:aws:s3:::publication/*", "s3:PutObject");
    }

    /** docs/architecture.md "Network flows" and flows.yaml say the same. */
    @Test
    void architectureDocumentListsTheFlows() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/architecture.md"));
        String section = doc.substring(doc.indexOf("### Network flows"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([a-z-]+) \\| ([a-z-]+) \\| ([0-9, ]+)(/UDP)? \\|$").matcher(section);
        while (row.find()) {
            for (String port : row.group(3).split(", ")) {
                documented.add(row.group(1) + " -> " + row.group(2) + ":" + port + (row.group(4) == null ? "" : row.group(4)));
            }
        }
        Set<String> flows = new TreeSet<>();
        OverlaysTest.CONTRACT.flows().forEach(f -> flows.add(f.toString()));
        assertThat(documented).isEqualTo(flows);
    }

    /**
     * The contributor portal calls submission-service in the cluster, names the storage as browsers reach it (its
     * Content-Security-Policy's connect-src), takes the documents its application.properties allows, and its Ingress
     * lets them through. Every PORTAL_ variable is a portal.* property of the module.
     */
    @Test
    void portalReachesTheApiAndTheStorageHostBrowsersUse() throws IOException {
        Manifests prod = overlay("prod");
        JsonNode container = prod.get("Deployment", "contributor-portal").path("spec").path("template").path("spec")
                .path("containers").get(0);
        Map<String, JsonNode> env = new TreeMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        assertThat(env.get("PORTAL_SUBMISSION_URL").path("value").asText()).isEqualTo("http://submission-service.calls-for-input.svc");
        assertThat(env.get("PORTAL_PUBLIC_URL").at("/valueFrom/configMapKeyRef/key").asText()).isEqualTo("PUBLIC_BASE_URL");
        assertThat(Manifests.stream(container.path("envFrom")).map(e -> e.at("/configMapRef/name").asText())).contains("platform-config");
        JsonNode config = prod.get("ConfigMap", "platform-config").path("data");
        assertThat(config.path("STORAGE_PUBLIC_ENDPOINT").asText())
                .isEqualTo("https://" + prod.get("Ingress", "storage").at("/spec/rules/0/host").asText());
        assertThat(config.path("PUBLIC_BASE_URL").asText())
                .isEqualTo("https://" + prod.get("Ingress", "public").at("/spec/rules/0/host").asText());
        String properties = Files.readString(REPO.resolve("contributor-portal/src/main/resources/application.properties"));
        Matcher limit = Pattern.compile("(?m)^quarkus\\.http\\.limits\\.max-body-size=(\\S+)$").matcher(properties);
        assertThat(limit.find()).isTrue();
        String body = env.get("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE").path("value").asText();
        assertThat(body).isEqualTo(limit.group(1));
        String ingress = prod.get("Ingress", "portal").path("metadata").path("annotations")
                .path("nginx.ingress.kubernetes.io/proxy-body-size").asText();
        assertThat(mebibytes(ingress)).as("the Ingress lets a " + body + " document through").isGreaterThan(mebibytes(body));
        env.keySet().stream().filter(n -> n.startsWith("PORTAL_")).forEach(n -> assertThat(properties)
                .as(n).containsPattern("(?m)^" + n.toLowerCase().replace('_', '-').replaceFirst("-", ".") + "="));
    }

    private static long mebibytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([mMgG])").matcher(size);
        assertThat(m.matches()).as(size).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    }
}
