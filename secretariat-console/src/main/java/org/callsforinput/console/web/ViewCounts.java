package org.callsforinput.console.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.console.ConsoleConfig;

/**
 * The saved views' counts of each user, kept for a few seconds ({@code console.queue.counts-ttl}, 10 s): the queue
 * page is reloaded after every action, and counting four views each time would cost four more queries than the
 * page itself. The page's own list and total are always fresh.
 */
@ApplicationScoped
public class ViewCounts {

    private record Entry(long at, Map<String, Long> counts) {
    }

    /** Users kept at the most; beyond, everything is forgotten at once (the next page counts again). */
    static final int MAX_USERS = 2000;

    private final Map<String, Entry> byUser = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public ViewCounts(ConsoleConfig config) {
        this.ttlNanos = config.queue().countsTtl().toNanos();
    }

    Map<String, Long> of(String user, Supplier<Map<String, Long>> count) {
        long now = System.nanoTime();
        Entry kept = byUser.get(user);
        if (kept != null && now - kept.at() < ttlNanos) {
            return kept.counts();
        }
        Map<String, Long> counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(count.get()));
        if (byUser.size() >= MAX_USERS) {
            byUser.clear();
        }
        byUser.put(user, new Entry(now, counts));
        return counts;
    }

    /** After a change by this user (a claim, a proposal), their counts are counted again. */
    void forget(String user) {
        byUser.remove(user);
    }
}
