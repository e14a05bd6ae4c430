package app.ghostresume.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * End-to-end freshness at a fixed rate: commands are issued open-loop, one every {@code 1/rate} seconds by a
 * scheduler whatever the system's answers take (so a slow system faces a queue, as it would in life, rather than
 * being given a break by its own slowness); after each 2xx, the seeker reads the board with the answer's
 * {@code Consistency-Token}, which the query service holds until the event is projected. Freshness is the time
 * from the command's 2xx to that read's first 200 (a 503, the query service's "not yet" after its own wait, is
 * retried). Command latency here is measured from the moment the command was due, not sent, so a backlog shows.
 *
 * <p>A {@link TopicTail} notes when each event reached the topic, which splits freshness into publishing
 * (2xx → on the topic; negative when the publisher was faster than the HTTP answer, counted as 0) and projecting
 * (on the topic → visible).
 */
final class FreshnessProbe {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private FreshnessProbe() {
    }

    static Freshness measure(String commandUrl, String queryUrl, String bootstrapServers, String topic,
            List<String> tokens, int rate, Duration warmUp, Duration window, long seed) throws InterruptedException {
        TopicTail tail = new TopicTail(bootstrapServers, topic);
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        HttpApi commands = new HttpApi(commandUrl);
        HttpApi queries = new HttpApi(queryUrl);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            workloads.add(new Workload(seed * 1000 + 500 + i, today));
        }
        Recorder commandLatency = new Recorder(3);
        Recorder freshness = new Recorder(3);
        AtomicLong issued = new AtomicLong();
        AtomicLong visible = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + window.toNanos();
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong ticks = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long n = ticks.getAndIncrement();
            long due = start + n * period;
            if (due >= end) {
                ticker.shutdown();
                return;
            }
            boolean measured = due >= measureFrom;
            Workload workload = workloads.get((int) (n % workloads.size()));
            String token = tokens.get((int) (n % tokens.size()));
            workers.execute(() -> {
                try {
                    Workload.Command command;
                    synchronized (workload) {
                        command = workload.next();
                    }
                    Answer answer = commands.post(command.path(), command.body()).token(token).send();
                    long acknowledged = System.nanoTime();
                    if (answer.status() >= 300) {
                        count(measured, errors);
                        return;
                    }
                    if (command.logsAttemptSentOn() != null) {
                        synchronized (workload) {
                            workload.logged(answer.body().get("attemptId").asString(), command.logsAttemptSentOn());
                        }
                    }
                    String consistencyToken = answer.body().get("consistencyToken").asString();
                    long visibleAt = awaitVisible(queries, token, consistencyToken, acknowledged);
                    if (visibleAt < 0) {
                        count(measured, errors);
                        return;
                    }
                    if (measured) {
                        commandLatency.recordValue(acknowledged - due);
                        freshness.recordValue(visibleAt - acknowledged);
                        seen.add(new Seen(consistencyToken, acknowledged, visibleAt));
                        visible.incrementAndGet();
                    }
                }
                catch (RuntimeException ex) {
                    count(measured, errors);
                }
                finally {
                    count(measured, issued);
                }
            });
        }, start - System.nanoTime(), period, TimeUnit.NANOSECONDS);
        ticker.awaitTermination(window.plus(warmUp).toSeconds() + 60, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS);
        tail.close();
        Histogram publishing = new Histogram(3);
        Histogram projecting = new Histogram(3);
        for (Seen event : seen) {
            Long arrived = tail.arrival(event.consistencyToken());
            if (arrived != null) {
                publishing.recordValue(Math.max(0, arrived - event.acknowledged()));
                projecting.recordValue(Math.max(0, event.visible() - arrived));
            }
        }
        return new Freshness(rate, window.toNanos() / 1e9, issued.get(), visible.get(), errors.get(),
                commandLatency.getIntervalHistogram(), freshness.getIntervalHistogram(), publishing, projecting);
    }

    /** One measured command: its token, when it was acknowledged and when it became visible (nanoTime). */
    private record Seen(String consistencyToken, long acknowledged, long visible) {
    }

    /** Reads until the event shows; returns when (nanoTime), or -1 if it never did. */
    private static long awaitVisible(HttpApi queries, String token, String consistencyToken, long since) {
        while (System.nanoTime() - since < GIVE_UP.toNanos()) {
            int status = queries.get("/api/me/attempts?limit=1").token(token)
                    .header("Consistency-Token", consistencyToken).send().status();
            if (status == 200) {
                return System.nanoTime();
            }
            if (status != 503) {
                return -1;
            }
        }
        return -1;
    }

    private static void count(boolean measured, AtomicLong counter) {
        if (measured) {
            counter.incrementAndGet();
        }
    }

    /**
     * @param issued         commands due in the measured window (each one was sent)
     * @param visible        of those, acknowledged and then seen through the query API
     * @param commandLatency from due to acknowledged
     * @param freshness      from acknowledged to visible
     * @param publishing     from acknowledged to on the topic
     * @param projecting     from on the topic to visible
     */
    record Freshness(int rate, double seconds, long issued, long visible, long errors, Histogram commandLatency,
            Histogram freshness, Histogram publishing, Histogram projecting) {

        double achievedRate() {
            return issued / seconds;
        }

        static double millis(Histogram histogram, double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("targetRatePerSecond", rate);
            map.put("achievedRatePerSecond", Measurement.round(achievedRate()));
            map.put("seconds", Measurement.round(seconds));
            map.put("issued", issued);
            map.put("visible", visible);
            map.put("errors", errors);
            map.put("freshnessP50Ms", Measurement.round(millis(freshness, 50)));
            map.put("freshnessP95Ms", Measurement.round(millis(freshness, 95)));
            map.put("freshnessP99Ms", Measurement.round(millis(freshness, 99)));
            map.put("freshnessMaxMs", Measurement.round(freshness.getMaxValue() / 1e6));
            map.put("publishingP50Ms", Measurement.round(millis(publishing, 50)));
            map.put("publishingP99Ms", Measurement.round(millis(publishing, 99)));
            map.put("projectingP50Ms", Measurement.round(millis(projecting, 50)));
            map.put("projectingP99Ms", Measurement.round(millis(projecting, 99)));
            map.put("commandP50Ms", Measurement.round(millis(commandLatency, 50)));
            map.put("commandP99Ms", Measurement.round(millis(commandLatency, 99)));
            return map;
        }
    }
}
