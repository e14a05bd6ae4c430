package app.ghostresume.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the community report as an operator does ({@code ./insights.sh}: the query service's jar, its insights
 * command) over the whole topic, in its own consumer group, writing its folder beside the benchmark's report and
 * storing nothing; reads its rate from what it prints, and sets it beside the bare consumer's.
 */
final class CommunityReportProbe {

    private static final Pattern RESULT = Pattern.compile("([\\d,]+) events \\(([\\d,]+) unreadable, passed over\\) "
            + "at ([\\d,]+) events/s");

    private CommunityReportProbe() {
    }

    static Community measure(Path queryJar, String bootstrap, String topic, Path out, Duration limit,
            ReplayProbe.Bare bare) throws IOException, InterruptedException {
        Path log = out.resolve("insights.log");
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", queryJar.toString(),
                "-Dloader.main=app.ghostresume.query.insights.InsightsCommand",
                "org.springframework.boot.loader.launch.PropertiesLauncher", "--bootstrap=" + bootstrap,
                "--topic=" + topic, "--group=bench-insights", "--out=" + out.resolve("insights"), "--store=false"));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the community report did not finish within " + limit + "; see " + log);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Matcher result = RESULT.matcher(Files.readString(log));
        if (process.exitValue() != 0 || !result.find()) {
            throw new IllegalStateException("the community report failed (exit " + process.exitValue() + "); see "
                    + log);
        }
        return new Community(number(result.group(1)), number(result.group(2)), number(result.group(3)), wall,
                bare, null);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    /** The community report's read of the topic: its rate (from its first record), wall time with start-up. */
    record Community(long events, long unreadable, double rate, double wallSeconds, ReplayProbe.Bare bare,
            String failure) {

        static Community failed(String why, ReplayProbe.Bare bare) {
            return new Community(0, 0, 0, 0, bare, why);
        }

        double ratio() {
            return rate / bare.rate();
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("events", events);
            map.put("unreadable", unreadable);
            map.put("eventsPerSecond", Measurement.round(rate));
            map.put("wallSecondsIncludingStartUp", Measurement.round(wallSeconds));
            map.put("bareConsumerPerSecond", Measurement.round(bare.rate()));
            map.put("toBareRatio", Math.round(ratio() * 10_000) / 10_000.0);
            if (failure != null) {
                map.put("failure", failure);
            }
            return map;
        }
    }
}
