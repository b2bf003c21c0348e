package org.callsforinput.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.callsforinput.contracts.EventTypes;
import org.callsforinput.stack.InfrastructureProcess;
import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Kafka as the Kubernetes deployment has it: the services' listener is TLS with SCRAM-SHA-512, and every service
 * may do exactly what its KafkaUser's ACLs in deploy/kubernetes/base/kafka/users.yaml allow. submission-service runs
 * against it with the deployment's settings, as environment variables (the KAFKA_* of base/config.yaml, the
 * KafkaUser's sasl.jaas.config, the cluster CA as PEM): its outbox reaches the topic it produces, its consumers read
 * their topics in their group, a record they give up on reaches its dead-letter topic, and its admin lists it from
 * there; a topic it has no ACL for stays closed to its user.
 */
class SecuredKafkaTest {

    private static final String SERVICE = "submission-service";
    private static final String STORE_PASSWORD = UUID.randomUUID().toString();

    private final StackInfo info = StackInfo.load();
    private final Path repo = StackInfo.findRepoRoot();
    private final Path work = repo.resolve("system-tests/target/secured-kafka");
    private InfrastructureProcess kafka;
    private ServiceProcess submission;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] { submission, kafka }) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Stopping what is left.
                }
            }
        }
    }

    @Test
    void aServiceWorksOverTlsAndScramWithExactlyItsAcls() throws Exception {
        String caPem = certificates();
        int plain = Platform.freePort();
        int secured = Platform.freePort();
        while (secured == plain + 1) {
            secured = Platform.freePort();
        }
        kafka = InfrastructureProcess.securedKafka(repo, work.resolve("broker"), plain, secured,
                work.resolve("certs/broker.p12"), STORE_PASSWORD);
        String password = UUID.randomUUID().toString();
        String deadLetters = SERVICE + ".dead-letter";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.endpoint()))) {
            // What the Topic and User Operators do in the cluster.
            admin.createTopics(List.of("calls", "submissions", "reviews", "publications", deadLetters).stream()
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SERVICE,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
            admin.createAcls(acls(SERVICE)).all().get();
        }

        Map<String, String> env = new HashMap<>(deploymentKafkaSettings());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.securedEndpoint());
        env.put("KAFKA_SASL_JAAS_CONFIG", jaas(SERVICE, password));
        env.put("KAFKA_SSL_TRUSTSTORE_CERTIFICATES", caPem);
        env.put("STORAGE_BUCKET", "submissions-secured-kafka");
        // One retry instead of twelve within ten minutes: the same path to the dead-letter topic, in seconds.
        env.put("ORG_CALLSFORINPUT_SUBMISSION_MESSAGING_REVIEWEVENTSCONSUMER_CONSUME_RETRY_MAXRETRIES", "1");
        submission = ServiceProcess.start(info, repo, SERVICE, "submission_e2e", Platform.freePort(), Platform.freePort(),
                env, repo.resolve("system-tests/target/service-logs/secured-kafka"));
        String base = submission.baseUrl();

        // The outbox relay produces over TLS + SCRAM (Write on calls).
        String callId = Platform.openCall(base, "secured-kafka-" + UUID.randomUUID().toString().substring(0, 8), "data", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> read("calls").stream()
                .anyMatch(r -> callId.equals(r.key()) && EventTypes.CALL_CREATED.equals(header(r, "ce_type"))));

        // Its consumer reads reviews in its group; a record it gives up on goes to its dead-letter topic.
        String poison = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.endpoint()), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("reviews", poison, "{ not json");
            record.headers().add("ce_id", poison.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", EventTypes.REVIEW_STARTED.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> read(deadLetters).stream().anyMatch(r -> poison.equals(r.key())));
        // ... and reads it back there for the admin (Read on its dead-letter topic).
        given().auth().oauth2(Tokens.user("admin")).when().get(base + "/admin/dead-letters")
                .then().statusCode(200).body("records.eventId", hasItem(poison));

        // Nothing beyond its ACLs: submission-service only writes submissions, it cannot read them.
        Properties asService = new Properties();
        asService.putAll(clientSettings(env));
        asService.put(ConsumerConfig.GROUP_ID_CONFIG, SERVICE);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(asService, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition("submissions", 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
        // Without its password, nothing at all.
        Properties wrong = new Properties();
        wrong.putAll(clientSettings(Map.of("KAFKA_SASL_JAAS_CONFIG", jaas(SERVICE, "not-the-password"),
                "KAFKA_SSL_TRUSTSTORE_CERTIFICATES", caPem)));
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get()).hasRootCauseInstanceOf(
                    org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }
    }

    /** The deployment's KAFKA_* settings that are the same for every service (base/config.yaml, platform-config). */
    private Map<String, String> deploymentKafkaSettings() throws IOException {
        Map<String, String> settings = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^  (KAFKA_[A-Z_]+): (\\S+)$")
                .matcher(Files.readString(repo.resolve("deploy/kubernetes/base/config.yaml")));
        while (line.find()) {
            settings.put(line.group(1), line.group(2));
        }
        assertThat(settings).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512").containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        settings.remove("KAFKA_BOOTSTRAP_SERVERS");
        return settings;
    }

    /** A client configured from the same variables, as Quarkus maps KAFKA_X_Y to the Kafka property x.y. */
    private Map<String, Object> clientSettings(Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(deploymentKafkaSettings());
        all.putAll(env);
        Map<String, Object> settings = new HashMap<>();
        all.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                settings.put(name.substring(6).toLowerCase().replace('_', '.'), value);
            }
        });
        settings.put("bootstrap.servers", kafka.securedEndpoint());
        return settings;
    }

    /** The ACLs of the service's KafkaUser, as the User Operator would create them. */
    private List<AclBinding> acls(String user) throws IOException {
        List<AclBinding> bindings = new ArrayList<>();
        try (var documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(repo.resolve("deploy/kubernetes/base/kafka/users.yaml").toFile())) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (!user.equals(document.path("metadata").path("name").asText())) {
                    continue;
                }
                for (JsonNode acl : document.path("spec").path("authorization").path("acls")) {
                    ResourcePattern resource = new ResourcePattern(
                            ResourceType.fromString(acl.path("resource").path("type").asText().toUpperCase()),
                            acl.path("resource").path("name").asText(),
                            PatternType.fromString(acl.path("resource").path("patternType").asText().toUpperCase()));
                    for (JsonNode operation : acl.path("operations")) {
                        bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + user, "*",
                                AclOperation.fromString(operation.asText().toUpperCase()), AclPermissionType.ALLOW)));
                    }
                }
            }
        }
        assertThat(bindings).as("ACLs of " + user).isNotEmpty();
        return bindings;
    }

    /** Every record of the topic, read as the super user over the plain listener. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.endpoint()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long until = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** What Strimzi's KafkaUser Secret holds under sasl.jaas.config. */
    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** A CA and the broker's certificate for 127.0.0.1 signed by it, with the JDK's keytool; returns the CA as PEM. */
    private String certificates() throws Exception {
        Path certs = work.resolve("certs");
        if (Files.exists(certs)) {
            try (var old = Files.walk(certs)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(certs);
        String ca = certs.resolve("ca.p12").toString();
        String broker = certs.resolve("broker.p12").toString();
        keytool(certs, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=calls-test-ca",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca, "-storetype", "PKCS12");
        keytool(certs, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", "ca.pem");
        keytool(certs, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-validity", "2", "-keystore", broker, "-storetype", "PKCS12");
        keytool(certs, "-certreq", "-alias", "broker", "-keystore", broker, "-file", "broker.csr");
        keytool(certs, "-gencert", "-alias", "ca", "-keystore", ca, "-infile", "broker.csr", "-outfile", "broker.pem",
                "-rfc", "-ext", "san=ip:127.0.0.1", "-validity", "2");
        keytool(certs, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", broker);
        keytool(certs, "-importcert", "-alias", "broker", "-file", "broker.pem", "-keystore", broker);
        return Files.readString(certs.resolve("ca.pem"));
    }

    private static void keytool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", STORE_PASSWORD));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool " + String.join(" ", args) + ": " + output).isZero();
    }
}
