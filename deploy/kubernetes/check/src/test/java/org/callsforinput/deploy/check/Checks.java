package org.callsforinput.deploy.check;

import static org.callsforinput.deploy.check.Manifests.containers;
import static org.callsforinput.deploy.check.Manifests.id;
import static org.callsforinput.deploy.check.Manifests.name;
import static org.callsforinput.deploy.check.Manifests.podTemplate;
import static org.callsforinput.deploy.check.Manifests.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the schemas cannot say. Every method answers the problems it found, each naming its object; none is fine. */
final class Checks {

    /** Container images of the base that an overlay must replace (kustomize {@code images:}). */
    static final String PLACEHOLDER_REGISTRY = "images.invalid/";

    private Checks() {
    }

    static List<String> all(Manifests m, Contract c) {
        List<String> problems = new ArrayList<>();
        problems.addAll(servicesSelectPods(m));
        problems.addAll(ingressBackends(m));
        problems.addAll(references(m, c));
        problems.addAll(images(m));
        problems.addAll(containersHardened(m));
        problems.addAll(namespaces(m));
        problems.addAll(networkPolicies(m, c));
        problems.addAll(disruptionAndScaling(m));
        return problems;
    }

    // ---- Services -------------------------------------------------------------------------------------------------

    static List<String> servicesSelectPods(Manifests m) {
        List<String> problems = new ArrayList<>();
        m.kind("Service").forEach(svc -> {
            JsonNode selector = svc.path("spec").path("selector");
            if (selector.isEmpty()) {
                problems.add(id(svc) + ": no selector");
                return;
            }
            List<JsonNode> pods = m.workloads().map(w -> podTemplate(w).orElseThrow())
                    .filter(t -> matches(selector, t.path("metadata").path("labels"))).toList();
            if (pods.isEmpty()) {
                problems.add(id(svc) + ": selects no pods (" + selector + ")");
                return;
            }
            for (JsonNode port : svc.path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                boolean found = pods.stream().flatMap(t -> containers(t.path("spec")))
                        .flatMap(ctr -> stream(ctr.path("ports")))
                        .anyMatch(p -> target.isInt() ? p.path("containerPort").asInt() == target.asInt()
                                : p.path("name").asText().equals(target.asText()));
                if (!found) {
                    problems.add(id(svc) + ": targetPort " + target + " is no container port of the pods it selects");
                }
            }
        });
        return problems;
    }

    /**
     * Every Ingress backend is a Service of the manifests, or one an operator makes for an object of them: the Keycloak
     * Operator's {@code <keycloak>-service} (port 8080), the MinIO Operator's {@code minio} for a tenant (port 80).
     */
    static List<String> ingressBackends(Manifests m) {
        Map<String, Set<Integer>> operatorServices = new HashMap<>();
        m.kind("Keycloak").forEach(k -> operatorServices.put(name(k) + "-service", Set.of(8080)));
        m.kind("Tenant").forEach(t -> operatorServices.put("minio", Set.of(80)));
        List<String> problems = new ArrayList<>();
        m.kind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(r -> {
            if (r.path("http").path("paths").isEmpty()) {
                problems.add(id(i) + ": rule for " + r.path("host").asText() + " has no paths");
            }
        }));
        m.kind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(r -> r.path("http").path("paths").forEach(p -> {
            JsonNode backend = p.path("backend").path("service");
            String svc = backend.path("name").asText();
            JsonNode port = backend.path("port");
            Optional<? extends JsonNode> own = m.find("Service", svc);
            boolean portFound = own.map(o -> stream(o.path("spec").path("ports")).anyMatch(sp -> port.has("name")
                    ? sp.path("name").asText().equals(port.path("name").asText())
                    : sp.path("port").asInt() == port.path("number").asInt()))
                    .orElseGet(() -> operatorServices.getOrDefault(svc, Set.of()).contains(port.path("number").asInt()));
            if (!portFound) {
                problems.add(id(i) + ": backend " + svc + " " + port + " is no Service port of the manifests or of an operator");
            }
        })));
        return problems;
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        var it = selector.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    // ---- Secrets and ConfigMaps -----------------------------------------------------------------------------------

    record Ref(String owner, String kind, String name, String key) {
    }

    static List<String> references(Manifests m, Contract c) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> secrets = new HashMap<>();
        Map<String, Set<String>> configMaps = new HashMap<>();
        m.kind("Secret").forEach(s -> secrets.put(name(s), keys(s, "data", "stringData")));
        m.kind("ConfigMap").forEach(s -> configMaps.put(name(s), keys(s, "data", "binaryData")));
        c.secrets().values().forEach(s -> {
            if (!s.madeBy().equals("operations")) {
                String[] kn = s.madeBy().split("/", 2);
                if (m.find(kn[0], kn[1]).isEmpty()) {
                    // listed as made by an operator for an object that is not there: it will never exist
                    return;
                }
            }
            secrets.merge(s.name(), s.keys(), (a, b) -> {
                Set<String> all = new HashSet<>(a);
                all.addAll(b);
                return all;
            });
        });
        for (Ref ref : refs(m)) {
            Map<String, Set<String>> pool = ref.kind().equals("Secret") ? secrets : configMaps;
            Set<String> keys = pool.get(ref.name());
            if (keys == null) {
                problems.add(ref.owner() + ": " + ref.kind() + " " + ref.name() + " is not in the manifests"
                        + (ref.kind().equals("Secret") ? " nor in secrets.yaml" : ""));
            } else if (ref.key() != null && !keys.contains(ref.key())) {
                problems.add(ref.owner() + ": " + ref.kind() + " " + ref.name() + " has no key " + ref.key());
            }
        }
        return problems;
    }

    private static Set<String> keys(JsonNode o, String... fields) {
        Set<String> keys = new TreeSet<>();
        for (String f : fields) {
            o.path(f).fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    /** Every reference to a Secret or ConfigMap: in pod templates, Ingresses and the operators' resources used here. */
    static List<Ref> refs(Manifests m) {
        List<Ref> refs = new ArrayList<>();
        m.workloads().forEach(w -> {
            JsonNode spec = podTemplate(w).orElseThrow().path("spec");
            String owner = id(w);
            containers(spec).forEach(ctr -> {
                for (JsonNode env : ctr.path("env")) {
                    JsonNode from = env.path("valueFrom");
                    keyRef(refs, owner, "Secret", from.path("secretKeyRef"));
                    keyRef(refs, owner, "ConfigMap", from.path("configMapKeyRef"));
                }
                for (JsonNode envFrom : ctr.path("envFrom")) {
                    nameRef(refs, owner, "Secret", envFrom.path("secretRef"));
                    nameRef(refs, owner, "ConfigMap", envFrom.path("configMapRef"));
                }
            });
            for (JsonNode vol : spec.path("volumes")) {
                volumeRefs(refs, owner, vol);
                for (JsonNode source : vol.path("projected").path("sources")) {
                    volumeRefs(refs, owner, source);
                }
            }
        });
        m.kind("Ingress").forEach(i -> i.path("spec").path("tls")
                .forEach(t -> refs.add(new Ref(id(i), "Secret", t.path("secretName").asText(), null))));
        m.kind("Keycloak").forEach(k -> {
            JsonNode db = k.path("spec").path("db");
            keyRef(refs, id(k), "Secret", db.path("usernameSecret"));
            keyRef(refs, id(k), "Secret", db.path("passwordSecret"));
            for (JsonNode vol : k.path("spec").path("unsupported").path("podTemplate").path("spec").path("volumes")) {
                volumeRefs(refs, id(k), vol);
            }
            JsonNode tls = k.path("spec").path("http").path("tlsSecret");
            if (!tls.isMissingNode()) {
                refs.add(new Ref(id(k), "Secret", tls.asText(), null));
            }
        });
        m.kind("KeycloakRealmImport").forEach(r -> r.path("spec").path("placeholders")
                .forEach(p -> keyRef(refs, id(r), "Secret", p.path("secret"))));
        m.kind("Cluster").forEach(cl -> {
            for (JsonNode role : cl.path("spec").path("managed").path("roles")) {
                JsonNode secret = role.path("passwordSecret");
                if (!secret.isMissingNode()) {
                    refs.add(new Ref(id(cl), "Secret", secret.path("name").asText(), "username"));
                    refs.add(new Ref(id(cl), "Secret", secret.path("name").asText(), "password"));
                }
            }
        });
        m.kind("ObjectStore").forEach(o -> {
            JsonNode s3 = o.path("spec").path("configuration").path("s3Credentials");
            keyRef(refs, id(o), "Secret", s3.path("accessKeyId"));
            keyRef(refs, id(o), "Secret", s3.path("secretAccessKey"));
        });
        m.kind("Tenant").forEach(t -> {
            JsonNode conf = t.path("spec").path("configuration");
            if (!conf.isMissingNode()) {
                refs.add(new Ref(id(t), "Secret", conf.path("name").asText(), "config.env"));
            }
            for (JsonNode u : t.path("spec").path("users")) {
                refs.add(new Ref(id(t), "Secret", u.path("name").asText(), "CONSOLE_ACCESS_KEY"));
                refs.add(new Ref(id(t), "Secret", u.path("name").asText(), "CONSOLE_SECRET_KEY"));
            }
        });
        return refs;
    }

    private static void keyRef(List<Ref> refs, String owner, String kind, JsonNode ref) {
        if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
            refs.add(new Ref(owner, kind, ref.path("name").asText(), ref.path("key").asText()));
        }
    }

    private static void nameRef(List<Ref> refs, String owner, String kind, JsonNode ref) {
        if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
            refs.add(new Ref(owner, kind, ref.path("name").asText(), null));
        }
    }

    private static void volumeRefs(List<Ref> refs, String owner, JsonNode vol) {
        JsonNode secret = vol.path("secret");
        if (!secret.isMissingNode() && !secret.path("optional").asBoolean(false)) {
            String name = secret.has("secretName") ? secret.path("secretName").asText() : secret.path("name").asText();
            itemRefs(refs, owner, "Secret", name, secret);
        }
        JsonNode cm = vol.path("configMap");
        if (!cm.isMissingNode() && !cm.path("optional").asBoolean(false)) {
            itemRefs(refs, owner, "ConfigMap", cm.path("name").asText(), cm);
        }
    }

    private static void itemRefs(List<Ref> refs, String owner, String kind, String name, JsonNode source) {
        if (source.path("items").isEmpty()) {
            refs.add(new Ref(owner, kind, name, null));
        }
        source.path("items").forEach(i -> refs.add(new Ref(owner, kind, name, i.path("key").asText())));
    }

    // ---- Images ---------------------------------------------------------------------------------------------------

    static List<String> images(Manifests m) {
        List<String> problems = new ArrayList<>();
        m.workloads().forEach(w -> containers(podTemplate(w).orElseThrow().path("spec")).forEach(ctr -> {
            String image = ctr.path("image").asText("");
            String where = id(w) + " container " + ctr.path("name").asText();
            if (image.isEmpty()) {
                problems.add(where + ": no image");
            } else if (image.startsWith(PLACEHOLDER_REGISTRY)) {
                problems.add(where + ": image " + image + " is the base's placeholder: the overlay must set it (images:)");
            } else if (!image.contains("@sha256:") && (!lastSegment(image).contains(":") || image.endsWith(":latest"))) {
                problems.add(where + ": image " + image + " has no fixed tag or digest");
            }
        }));
        return problems;
    }

    private static String lastSegment(String image) {
        return image.substring(image.lastIndexOf('/') + 1);
    }

    // ---- Containers ----------------------------------------------------------------------------------------------

    static List<String> containersHardened(Manifests m) {
        List<String> problems = new ArrayList<>();
        m.workloads().forEach(w -> {
            JsonNode pod = podTemplate(w).orElseThrow().path("spec");
            boolean longRunning = !w.path("kind").asText().equals("Job") && !w.path("kind").asText().equals("CronJob");
            JsonNode podSc = pod.path("securityContext");
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                problems.add(id(w) + ": automountServiceAccountToken is not false");
            }
            containers(pod).forEach(ctr -> {
                String where = id(w) + " container " + ctr.path("name").asText();
                JsonNode sc = ctr.path("securityContext");
                if (!(sc.path("runAsNonRoot").asBoolean(false) || podSc.path("runAsNonRoot").asBoolean(false))) {
                    problems.add(where + ": runAsNonRoot is not true");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (stream(sc.path("capabilities").path("drop")).noneMatch(d -> d.asText().equals("ALL"))) {
                    problems.add(where + ": capabilities do not drop ALL");
                }
                String seccomp = sc.path("seccompProfile").path("type").asText(podSc.path("seccompProfile").path("type").asText(""));
                if (!seccomp.equals("RuntimeDefault")) {
                    problems.add(where + ": seccomp profile is not RuntimeDefault");
                }
                JsonNode res = ctr.path("resources");
                for (String r : List.of("requests/cpu", "requests/memory", "requests/ephemeral-storage",
                        "limits/memory", "limits/ephemeral-storage")) {
                    String[] p = r.split("/");
                    if (res.path(p[0]).path(p[1]).isMissingNode()) {
                        problems.add(where + ": no resources." + p[0] + "." + p[1]);
                    }
                }
                boolean isInit = stream(pod.path("initContainers")).anyMatch(i -> i == ctr);
                if (longRunning && !isInit) {
                    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                        if (ctr.path(probe).isMissingNode()) {
                            problems.add(where + ": no " + probe);
                        }
                    }
                    problems.addAll(probesOffPublicPort(where, ctr));
                }
                problems.addAll(jvmSized(where, ctr));
            });
            problems.addAll(tmpVolume(id(w), pod));
        });
        return problems;
    }

    /** A container with a public port named http keeps its probes on the management port. */
    private static List<String> probesOffPublicPort(String where, JsonNode ctr) {
        List<String> problems = new ArrayList<>();
        Optional<JsonNode> http = stream(ctr.path("ports")).filter(p -> p.path("name").asText().equals("http")).findFirst();
        if (http.isEmpty()) {
            return problems;
        }
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode port = ctr.path(probe).path("httpGet").path("port");
            if (!port.isMissingNode() && !port.asText().equals("management")) {
                problems.add(where + ": " + probe + " is not on the management port");
            }
        }
        return problems;
    }

    /** A JVM (JAVA_TOOL_OPTIONS set) is sized to its container: MaxRAMPercentage, and a memory limit to be sized to. */
    private static List<String> jvmSized(String where, JsonNode ctr) {
        List<String> problems = new ArrayList<>();
        for (JsonNode env : ctr.path("env")) {
            if (env.path("name").asText().equals("JAVA_TOOL_OPTIONS") && !env.path("value").asText().contains("-XX:MaxRAMPercentage=")) {
                problems.add(where + ": JAVA_TOOL_OPTIONS does not size the heap (-XX:MaxRAMPercentage)");
            }
        }
        return problems;
    }

    /** With a read-only root file system, /tmp is an emptyDir with a size limit. */
    private static List<String> tmpVolume(String owner, JsonNode pod) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        containers(pod).forEach(ctr -> ctr.path("volumeMounts").forEach(mount -> {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                JsonNode vol = volumes.get(mount.path("name").asText());
                if (vol == null || vol.path("emptyDir").path("sizeLimit").isMissingNode()) {
                    problems.add(owner + ": /tmp of " + ctr.path("name").asText() + " is not an emptyDir with a sizeLimit");
                }
            }
        }));
        return problems;
    }

    // ---- Namespaces ----------------------------------------------------------------------------------------------

    static List<String> namespaces(Manifests m) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> namespaces = m.kind("Namespace").map(n -> (JsonNode) n).toList();
        if (namespaces.isEmpty()) {
            problems.add("no Namespace");
        }
        for (JsonNode ns : namespaces) {
            JsonNode labels = ns.path("metadata").path("labels");
            for (String mode : List.of("enforce", "audit", "warn")) {
                if (!labels.path("pod-security.kubernetes.io/" + mode).asText().equals("restricted")) {
                    problems.add(id(ns) + ": pod-security.kubernetes.io/" + mode + " is not restricted");
                }
            }
        }
        return problems;
    }

    // ---- NetworkPolicies -----------------------------------------------------------------------------------------

    static List<String> networkPolicies(Manifests m, Contract c) {
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = m.kind("NetworkPolicy").anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && stream(p.path("spec").path("policyTypes")).map(JsonNode::asText).toList().containsAll(List.of("Ingress", "Egress"))
                && p.path("spec").path("ingress").isEmpty() && p.path("spec").path("egress").isEmpty());
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        Set<Contract.Flow> allowedEgress = new LinkedHashSet<>();
        Set<Contract.Flow> allowedIngress = new LinkedHashSet<>();
        m.kind("NetworkPolicy").forEach(p -> {
            JsonNode spec = p.path("spec");
            boolean everyPod = spec.path("podSelector").isEmpty();
            if (everyPod && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty()) {
                return;
            }
            Optional<String> subject = everyPod
                    ? c.endpoints().entrySet().stream().filter(e -> e.getValue().path("allPods").asBoolean(false)).map(Map.Entry::getKey).findFirst()
                    : endpointOfPods(c, spec.path("podSelector").path("matchLabels"), null);
            if (subject.isEmpty()) {
                problems.add(id(p) + ": its podSelector " + spec.path("podSelector") + " is no endpoint of flows.yaml");
                return;
            }
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : spec.path(direction)) {
                    JsonNode peers = rule.path(direction.equals("ingress") ? "from" : "to");
                    if (peers.isEmpty() || rule.path("ports").isEmpty()) {
                        problems.add(id(p) + ": a " + direction + " rule without peers or ports allows more than a flow");
                        continue;
                    }
                    for (JsonNode peer : peers) {
                        Optional<String> other = endpointOfPeer(c, peer);
                        if (other.isEmpty()) {
                            problems.add(id(p) + ": peer " + peer + " is no endpoint of flows.yaml");
                            continue;
                        }
                        for (JsonNode port : rule.path("ports")) {
                            if (!port.path("port").isInt() || port.has("endPort")) {
                                problems.add(id(p) + ": port " + port + " is not one port number");
                                continue;
                            }
                            String protocol = port.path("protocol").asText("TCP");
                            Contract.Flow flow = direction.equals("ingress")
                                    ? new Contract.Flow(other.get(), subject.get(), port.path("port").asInt(), protocol)
                                    : new Contract.Flow(subject.get(), other.get(), port.path("port").asInt(), protocol);
                            (direction.equals("ingress") ? allowedIngress : allowedEgress).add(flow);
                            if (!c.flows().contains(flow)) {
                                problems.add(id(p) + ": allows " + flow + ", which is no flow of flows.yaml");
                            }
                        }
                    }
                }
            }
        });
        for (Contract.Flow flow : c.flows()) {
            if (inNamespace(c, flow.from()) && !allowedEgress.contains(flow)) {
                problems.add("flow " + flow + ": no NetworkPolicy allows it out of " + flow.from());
            }
            String ingressBy = c.endpoints().get(flow.to()).path("ingressManagedBy").asText("");
            if (inNamespace(c, flow.to()) && ingressBy.isEmpty() && !allowedIngress.contains(flow)) {
                problems.add("flow " + flow + ": no NetworkPolicy allows it into " + flow.to());
            }
        }
        problems.addAll(kafkaListenerPeers(m, c));
        return problems;
    }

    /** Strimzi writes the ingress policy of a listener from its networkPolicyPeers: they must be the flows to it. */
    private static List<String> kafkaListenerPeers(Manifests m, Contract c) {
        List<String> problems = new ArrayList<>();
        m.kind("Kafka").forEach(k -> k.path("spec").path("kafka").path("listeners").forEach(l -> {
            int port = l.path("port").asInt();
            Set<String> peers = new TreeSet<>();
            for (JsonNode peer : l.path("networkPolicyPeers")) {
                endpointOfPeer(c, peer).ifPresentOrElse(peers::add,
                        () -> problems.add(id(k) + ": listener " + l.path("name").asText() + " peer " + peer + " is no endpoint"));
            }
            Set<String> wanted = new TreeSet<>();
            c.flows().stream().filter(f -> f.port() == port && c.endpoints().get(f.to()).path("ingressManagedBy").asText().equals("strimzi"))
                    .forEach(f -> wanted.add(f.from()));
            if (!peers.equals(wanted)) {
                problems.add(id(k) + ": listener " + l.path("name").asText() + " admits " + peers + ", the flows to port "
                        + port + " come from " + wanted);
            }
        }));
        return problems;
    }

    private static boolean inNamespace(Contract c, String endpoint) {
        JsonNode e = c.endpoints().get(endpoint);
        return e != null && (e.has("pods") && !e.has("namespace") || e.path("allPods").asBoolean(false));
    }

    /** The endpoint whose pods (and namespace: null for this one) are exactly these. */
    private static Optional<String> endpointOfPods(Contract c, JsonNode labels, String namespace) {
        return c.endpoints().entrySet().stream().filter(e -> {
            JsonNode ep = e.getValue();
            boolean sameNamespace = namespace == null ? !ep.has("namespace") : namespace.equals(ep.path("namespace").asText());
            boolean samePods = labels.isMissingNode() || labels.isEmpty() ? !ep.has("pods") : labels.equals(ep.path("pods"));
            return sameNamespace && samePods && (namespace != null || ep.has("pods"));
        }).map(Map.Entry::getKey).findFirst();
    }

    private static Optional<String> endpointOfPeer(Contract c, JsonNode peer) {
        if (peer.has("ipBlock")) {
            JsonNode block = peer.path("ipBlock");
            Set<String> except = new TreeSet<>();
            block.path("except").forEach(e -> except.add(e.asText()));
            for (var e : c.endpoints().entrySet()) {
                if (e.getValue().path("internet").asBoolean(false) && block.path("cidr").asText().equals("0.0.0.0/0")
                        && except.containsAll(c.privateRanges())) {
                    return Optional.of(e.getKey());
                }
                if (e.getValue().path("ipBlock").asBoolean(false) && except.isEmpty() && !block.path("cidr").asText().equals("0.0.0.0/0")) {
                    return Optional.of(e.getKey());
                }
            }
            return Optional.empty();
        }
        JsonNode pods = peer.path("podSelector").path("matchLabels");
        if (peer.has("namespaceSelector")) {
            String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText("");
            if (ns.isEmpty()) {
                return Optional.empty();
            }
            return endpointOfPods(c, pods, ns);
        }
        return endpointOfPods(c, pods, null);
    }

    // ---- Disruption budgets, spread, autoscaling ----------------------------------------------------------------

    static List<String> disruptionAndScaling(Manifests m) {
        List<String> problems = new ArrayList<>();
        m.kind("Deployment").forEach(d -> {
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            int replicas = d.path("spec").path("replicas").asInt(1);
            if (replicas > 1) {
                if (m.kind("PodDisruptionBudget").noneMatch(p -> matches(p.path("spec").path("selector").path("matchLabels"), labels))) {
                    problems.add(id(d) + ": " + replicas + " replicas and no PodDisruptionBudget");
                }
                if (d.path("spec").path("template").path("spec").path("topologySpreadConstraints").isEmpty()) {
                    problems.add(id(d) + ": " + replicas + " replicas and no topologySpreadConstraints");
                }
            }
        });
        m.kind("PodDisruptionBudget").forEach(p -> {
            if (m.workloads().noneMatch(w -> matches(p.path("spec").path("selector").path("matchLabels"),
                    podTemplate(w).orElseThrow().path("metadata").path("labels")))) {
                problems.add(id(p) + ": selects no pods");
            }
        });
        m.kind("HorizontalPodAutoscaler").forEach(h -> {
            JsonNode ref = h.path("spec").path("scaleTargetRef");
            Optional<? extends JsonNode> target = m.find(ref.path("kind").asText(), ref.path("name").asText());
            if (target.isEmpty()) {
                problems.add(id(h) + ": scales " + ref + ", which is not there");
            } else if (h.path("spec").path("minReplicas").asInt(1) != target.get().path("spec").path("replicas").asInt(1)) {
                problems.add(id(h) + ": minReplicas differs from the replicas of " + id(target.get()));
            }
        });
        return problems;
    }
}
