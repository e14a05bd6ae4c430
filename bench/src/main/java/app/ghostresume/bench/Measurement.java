package app.ghostresume.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Operations completed in a measured window, their latencies, and what they cost in CPU. */
record Measurement(String name, int concurrency, long operations, long errors, double seconds, Histogram latency,
        CpuCost cost) {

    double throughput() {
        return operations / seconds;
    }

    double millis(double percentile) {
        return latency.getValueAtPercentile(percentile) / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("concurrency", concurrency);
        map.put("operations", operations);
        map.put("errors", errors);
        map.put("seconds", round(seconds));
        map.put("throughputPerSecond", round(throughput()));
        map.put("p50Ms", round(millis(50)));
        map.put("p95Ms", round(millis(95)));
        map.put("p99Ms", round(millis(99)));
        map.put("maxMs", round(latency.getMaxValue() / 1_000_000.0));
        map.put("cpuMicrosPerOperation", cost.toMap());
        return map;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
