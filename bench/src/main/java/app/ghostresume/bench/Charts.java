package app.ghostresume.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's pictures, drawn with XChart as PNG: latency percentiles against throughput (commands and the JDBC
 * baseline, log-log, one point per concurrency level), and latency histograms (share of operations per
 * logarithmic latency bucket, from the HdrHistograms) for commands and for freshness, query latency per
 * endpoint, and CPU per operation by part of the system (stacked: which part to make cheaper next).
 */
final class Charts {

    static final String LATENCY_VS_THROUGHPUT = "latency-vs-throughput.png";
    static final String COMMAND_HISTOGRAM = "command-latency-histogram.png";
    static final String FRESHNESS_HISTOGRAM = "freshness-histogram.png";
    static final String QUERY_LATENCY = "query-latency.png";
    static final String COMMAND_COST = "cpu-per-command.png";
    static final String READ_COST = "cpu-per-read.png";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private Charts() {
    }

    static List<String> write(Path folder, Results results) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        save(latencyVersusThroughput(results), folder, LATENCY_VS_THROUGHPUT, written);
        XYChart commands = histogramChart("Command latency histogram (closed loop)");
        results.commands().forEach(m -> addHistogram(commands, m.concurrency() + " clients", m.latency()));
        save(commands, folder, COMMAND_HISTOGRAM, written);
        XYChart freshness = histogramChart("End-to-end freshness (open loop): 2xx -> visible, and its legs");
        for (FreshnessProbe.Freshness f : results.freshness()) {
            addHistogram(freshness, f.rate() + "/s: 2xx -> visible", f.freshness());
            addHistogram(freshness, f.rate() + "/s: 2xx -> on topic", f.publishing());
            addHistogram(freshness, f.rate() + "/s: on topic -> visible", f.projecting());
        }
        save(freshness, folder, FRESHNESS_HISTOGRAM, written);
        save(queryLatency(results), folder, QUERY_LATENCY, written);
        Map<String, CpuCost> writes = new LinkedHashMap<>();
        results.commands().forEach(m -> writes.put("commands, " + m.concurrency(), m.cost()));
        results.baseline().forEach(m -> writes.put("JDBC, " + m.concurrency(), m.cost()));
        save(costChart("CPU per command by part (µs; JDBC: insert + commit)", writes), folder, COMMAND_COST, written);
        Map<String, CpuCost> reads = new LinkedHashMap<>();
        results.queries().forEach(m -> reads.put(Report.shortName(m), m.cost()));
        reads.put("replayed event", results.replay().cost());
        save(costChart("CPU per read, and per replayed event, by part (µs)", reads), folder, READ_COST, written);
        return written;
    }

    private static XYChart latencyVersusThroughput(Results results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Latency percentiles against throughput (points: 1..64 clients)")
                .xAxisTitle("throughput (operations/s)").yAxisTitle("latency (ms)").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        for (double percentile : new double[] {50, 95, 99}) {
            line(chart, "commands p" + (int) percentile, results.commands(), percentile);
        }
        for (double percentile : new double[] {50, 99}) {
            line(chart, "JDBC insert+commit p" + (int) percentile, results.baseline(), percentile);
        }
        return chart;
    }

    private static void line(XYChart chart, String name, List<Measurement> points, double percentile) {
        if (points.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name,
                points.stream().mapToDouble(m -> Math.max(0.01, m.throughput())).toArray(),
                points.stream().mapToDouble(m -> Math.max(0.001, m.millis(percentile))).toArray());
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    private static XYChart histogramChart(String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH + 250).height(HEIGHT).title(title)
                .xAxisTitle("latency (ms, logarithmic buckets)").yAxisTitle("% of operations").build();
        chart.getStyler().setXAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /** One line: for each bucket (upper bound in ms, each 25 % wider than the last), its share of the count. */
    private static void addHistogram(XYChart chart, String name, Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return;
        }
        List<Double> upper = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        for (HistogramIterationValue bucket : histogram.logarithmicBucketValues(50_000, 1.25)) {
            upper.add(bucket.getValueIteratedTo() / 1e6);
            share.add(100.0 * bucket.getCountAddedInThisIterationStep() / histogram.getTotalCount());
        }
        chart.addSeries(name, upper, share).setMarker(SeriesMarkers.NONE);
    }

    private static CategoryChart queryLatency(Results results) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Query latency, " + results.queries().size() + " endpoints, " + results.seeded().events()
                        + " seeded events")
                .xAxisTitle("endpoint").yAxisTitle("latency (ms)").build();
        chart.getStyler().setXAxisLabelRotation(15).setLegendPosition(Styler.LegendPosition.OutsideS);
        List<String> names = results.queries().stream().map(m -> m.name().split(" ")[0]).toList();
        chart.addSeries("p50", names, results.queries().stream().map(m -> m.millis(50)).toList());
        chart.addSeries("p99", names, results.queries().stream().map(m -> m.millis(99)).toList());
        return chart;
    }

    /** One stacked bar per operation, a segment per part of the system; the load generator left out. */
    private static CategoryChart costChart(String title, Map<String, CpuCost> costs) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH + 150).height(HEIGHT).title(title)
                .xAxisTitle("operation").yAxisTitle("CPU µs per operation").build();
        chart.getStyler().setStacked(true).setXAxisLabelRotation(20).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        List<String> names = List.copyOf(costs.keySet());
        List<String> parts = costs.values().stream().flatMap(cost -> cost.seconds().keySet().stream()).distinct()
                .filter(part -> !part.equals(ResourceMonitor.LOAD_GENERATOR)).toList();
        for (String part : parts) {
            chart.addSeries(part, names, costs.values().stream().map(cost -> cost.micros(part)).toList());
        }
        return chart;
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path folder, String file,
            List<String> written) throws IOException {
        BitmapEncoder.saveBitmap(chart, folder.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(file);
    }
}
