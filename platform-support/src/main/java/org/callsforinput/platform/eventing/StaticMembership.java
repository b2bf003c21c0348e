package org.callsforinput.platform.eventing;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ClientCustomizer;

/**
 * Kafka static group membership for every consumer of the service: with {@code platform.kafka.instance-id} set
 * (environment {@code PLATFORM_KAFKA_INSTANCE_ID}, in Kubernetes the pod name of a StatefulSet), each consumer gets
 * {@code group.instance.id = <instance-id>-<channel>}. A restarted instance then takes its partitions back at once,
 * instead of waiting for the dead member's session to expire (45 s by default) and a rebalance. The id must be
 * unique among the running replicas of one service (two members with one id fence each other), so there is no
 * default: unset, consumers are dynamic members as before.
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    private final Optional<String> instanceId;

    public StaticMembership(MembershipConfig config) {
        this.instanceId = config.instanceId().map(String::strip).filter(id -> !id.isEmpty());
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        // Only consumers have a group; the outbox's producer is left as it is.
        if (instanceId.isPresent() && config.containsKey("group.id") && !config.containsKey("group.instance.id")) {
            String id = instanceId.get() + "-" + channel;
            config.put("group.instance.id", id);
            Log.debugf("Kafka consumer of channel %s: static member %s of group %s", channel, id, config.get("group.id"));
        }
        return config;
    }
}
