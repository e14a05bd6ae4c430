package app.ghostresume.stack.testing;

import java.util.Arrays;
import java.util.OptionalDouble;

/** A scrape of {@code /actuator/prometheus} (the text exposition format), read the way a test needs it. */
public record PrometheusScrape(String text) {

    /** The value of one series, named with its labels exactly as exposed; empty when it is not there. */
    public OptionalDouble value(String series) {
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> OptionalDouble.of(Double.parseDouble(line.substring(series.length() + 1).trim())))
                .orElse(OptionalDouble.empty());
    }

    /** The sum over every series of the metric whose labels include all of {@code labels} ({@code a="b"}). */
    public double sum(String metric, String... labels) {
        return text.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> seriesOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Whether any series of the metric is exposed. */
    public boolean has(String metric) {
        return text.lines().anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "));
    }

    private static String seriesOf(String line) {
        int space = line.lastIndexOf(' ');
        return line.substring(0, space);
    }
}
