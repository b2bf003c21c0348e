package org.callsforinput.platform.eventing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.logging.Log;

/**
 * The outbox's backlog, read at each scrape of {@code /q/metrics}: {@code platform_outbox_pending} (events committed
 * but not yet acknowledged by Kafka) and {@code platform_outbox_oldest_age_seconds} (how long the oldest of them has
 * waited; 0 when none). A backlog that grows or ages means Kafka is away or the relay is stuck (the alerts in
 * docs/operations.md). A database that cannot be read gives NaN, not an error.
 */
@Singleton
public class OutboxMetrics implements MeterBinder {

    private final DataSource dataSource;

    public OutboxMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("platform.outbox.pending", this, m -> m.read("select count(*) from outbox_event where sent_at is null"))
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("platform.outbox.oldest.age", this, m -> m.read(
                "select coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox_event where sent_at is null"))
                .baseUnit("seconds").description("How long the oldest unsent outbox event has waited").register(registry);
    }

    private double read(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getDouble(1) : Double.NaN;
        } catch (SQLException e) {
            Log.debugf("Outbox metrics not read: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
