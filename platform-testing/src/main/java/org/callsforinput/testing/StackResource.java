package org.callsforinput.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real test stack. Init args: {@code database} (the service's test
 * database, created fresh by the launcher) and {@code bucket} (none for a module that stores no documents).
 */
public class StackResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String bucket;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        bucket = initArgs.get("bucket");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", Stack.jdbcUrl(database),
                "quarkus.datasource.username", Stack.get("pg.user"),
                "quarkus.datasource.password", Stack.get("pg.password"),
                "kafka.bootstrap.servers", Stack.get("kafka.bootstrap"),
                "storage.endpoint", Stack.get("s3.endpoint"),
                "storage.access-key", Stack.get("s3.access-key"),
                "storage.secret-key", Stack.get("s3.secret-key"),
                "quarkus.oidc.auth-server-url", Stack.issuer()));
        // A module without storage of its own (secretariat-console) names no bucket.
        if (bucket != null) {
            config.put("storage.bucket", bucket);
        }
        // Virus scanning (the document gate, in every service that accepts documents): required when the stack runs
        // clamd, explicitly off when it does not (a required scanning without clamd's host does not start).
        Stack.find("clamav.host").ifPresent(host -> config.put("documents.clamav.host", host));
        Stack.find("clamav.port").ifPresent(port -> config.put("documents.clamav.port", port));
        config.put("documents.clamav.scanning", Stack.find("clamav.host").isPresent() ? "required" : "off");
        return config;
    }

    @Override
    public void stop() {
        // The stack belongs to ./platform test, which stops it after the whole suite.
    }
}
