package app.ghostresume.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs {@code concurrency} closed-loop clients, each doing one operation after another: a warm-up that is not
 * recorded, then a measured window. Latency is recorded per operation in nanoseconds, and the CPU every part of
 * the system spent in the window is sampled at its start and end ({@link CpuCost}).
 */
final class LoadRunner {

    private LoadRunner() {
    }

    /** One client's operation; returns false when it failed. */
    interface Operation {
        boolean run() throws Exception;
    }

    static Measurement run(String name, int concurrency, Duration warmUp, Duration window,
            Supplier<Map<String, Double>> cpu, IntFunction<Operation> clientOperation) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong operations = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + window.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Operation operation = clientOperation.apply(c);
            Thread client = new Thread(() -> {
                try {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        boolean ok;
                        try {
                            ok = operation.run();
                        }
                        catch (Exception ex) {
                            ok = false;
                        }
                        long finished = System.nanoTime();
                        if (now >= measureFrom && finished <= end) {
                            recorder.recordValue(finished - now);
                            (ok ? operations : errors).incrementAndGet();
                        }
                    }
                }
                finally {
                    done.countDown();
                }
            }, name + "-client-" + c);
            clients.add(client);
            client.start();
        }
        sleepUntil(measureFrom);
        Map<String, Double> before = cpu.get();
        sleepUntil(end);
        Map<String, Double> after = cpu.get();
        done.await();
        Histogram latency = recorder.getIntervalHistogram();
        recorder.reset();
        return new Measurement(name, concurrency, operations.get(), errors.get(), window.toNanos() / 1e9, latency,
                CpuCost.between(before, after, operations.get() + errors.get()));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
