package org.callsforinput.publication.webhook;

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
 * Deliveries whose receiver is failing, read at each scrape of {@code /q/metrics}:
 * {@code platform_webhook_deliveries_retrying}, those of active subscriptions waiting for another attempt after a
 * failed one (the retry schedule of docs/webhooks.md; a disabled subscription's wait for it to be enabled again).
 * The failed attempts themselves are counted by {@link WebhookSender}
 * ({@code platform_webhook_attempts_failed_total}). A database that cannot be read gives NaN, not an error.
 */
@Singleton
public class WebhookMetrics implements MeterBinder {

    private final DataSource dataSource;

    public WebhookMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("platform.webhook.deliveries.retrying", this, WebhookMetrics::retrying)
                .description("Webhook deliveries of active subscriptions waiting for another attempt after a failed one")
                .register(registry);
    }

    private double retrying() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select count(*) from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                                + " where d.status = 'PENDING' and d.attempts > 0 and s.active")) {
            return result.next() ? result.getDouble(1) : Double.NaN;
        } catch (SQLException e) {
            Log.debugf("Webhook metrics not read: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
