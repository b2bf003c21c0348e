package org.callsforinput.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** PostgreSQL: the machine's server when it lets user postgres in without a password, else an embedded one. */
final class Postgres implements AutoCloseable {

    static final String USER = "postgres";

    private final int port;
    private final EmbeddedPostgres embedded;

    private Postgres(int port, EmbeddedPostgres embedded) {
        this.port = port;
        this.embedded = embedded;
    }

    /** True when 127.0.0.1:port is a PostgreSQL that accepts user postgres without a password (trust). */
    static boolean acceptsTrustLogin(int port) {
        try (Connection ignored = connect(port, "postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static Postgres useExisting(int port) {
        return new Postgres(port, null);
    }

    /** Starts PostgreSQL 15 from the zonky binaries, data kept under the state directory between runs. */
    static Postgres startEmbedded(int port, Path dataDir, Path log, RunningStack stack) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            // Left by a killed server; PostgreSQL refuses to start if its PID now belongs to another process.
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", Probes.HOST)
                    // No Unix socket: it could clash with the machine's server in /tmp or /var/run.
                    .setServerConfig("unix_socket_directories", "")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Postgres postgres = new Postgres(port, pg);
            stack.track("PostgreSQL", postgres);
            postmasterPid(dataDir).ifPresent(pid -> stack.pids().add(pid, "postgres"));
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("PostgreSQL", log, String.valueOf(e.getMessage()));
        }
    }

    int port() {
        return port;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** Creates the databases that are missing; existing ones keep their data. */
    void ensureDatabases(List<String> names) {
        try (Connection c = connect(port, "postgres")) {
            for (String name : names) {
                try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (!rs.next()) {
                            execute(c, "CREATE DATABASE " + quote(name));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StartupFailure("PostgreSQL", null, "cannot create databases: " + e.getMessage());
        }
    }

    /** Drops (closing open connections) and creates each database, so every test run starts empty. */
    void recreateDatabases(List<String> names) {
        try (Connection c = connect(port, "postgres")) {
            for (String name : names) {
                execute(c, "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
                execute(c, "CREATE DATABASE " + quote(name));
            }
        } catch (SQLException e) {
            throw new StartupFailure("PostgreSQL", null, "cannot recreate databases: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static java.util.Optional<Long> postmasterPid(Path dataDir) {
        try {
            return Files.readAllLines(dataDir.resolve("postmaster.pid")).stream().findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "30");
        return DriverManager.getConnection("jdbc:postgresql://" + Probes.HOST + ":" + port + "/" + database, props);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
