package org.callsforinput.system.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples in milliseconds and their percentiles. */
final class Stats {

    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        samples.add(nanos / 1_000_000.0);
    }

    int count() {
        return samples.size();
    }

    double percentile(double p) {
        List<Double> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    String row(String name) {
        return "| %s | %d | %.1f | %.1f | %.1f | %.1f |".formatted(name, count(), percentile(50), percentile(95),
                percentile(99), percentile(100));
    }

    static String header() {
        return "| step | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|";
    }
}
