package app.ghostresume.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What operations cost in CPU, part by part: the CPU seconds each part of the system spent between two samples
 * ({@link ResourceMonitor#cpuByComponent}) over the operations done between them. Costs move far less between
 * runs on a shared machine than rates do. The system's cost is every part but the load generator.
 *
 * @param seconds    CPU seconds per part in the window
 * @param operations what was done in it
 */
record CpuCost(Map<String, Double> seconds, long operations) {

    static CpuCost between(Map<String, Double> before, Map<String, Double> after, long operations) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((part, now) -> spent.put(part, Math.max(0, now - before.getOrDefault(part, 0.0))));
        return new CpuCost(spent, operations);
    }

    /** CPU µs per operation of one part. */
    double micros(String part) {
        return operations == 0 ? 0 : seconds.getOrDefault(part, 0.0) * 1e6 / operations;
    }

    /** CPU µs per operation of the system: every part but the load generator. */
    double systemMicros() {
        return seconds.keySet().stream().filter(part -> !part.equals(ResourceMonitor.LOAD_GENERATOR))
                .mapToDouble(this::micros).sum();
    }

    /** CPU µs per operation of the named parts together. */
    double micros(String... parts) {
        double sum = 0;
        for (String part : parts) {
            sum += micros(part);
        }
        return sum;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        seconds.keySet().forEach(part -> map.put(part, Measurement.round(micros(part))));
        map.put("system", Measurement.round(systemMicros()));
        return map;
    }
}
