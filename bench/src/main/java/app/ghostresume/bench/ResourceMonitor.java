package app.ghostresume.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time and memory of every process of the system, read from {@code /proc}: the two services (child processes
 * of this JVM, told apart by the {@code SERVER_PORT} in their environment), PostgreSQL (the postmaster named in
 * its data folder's {@code postmaster.pid}, and its backends), and this JVM, which hosts the Kafka broker and the
 * load generator alike. Snapshots are taken at the end of each phase, so the report shows what each phase cost
 * each process, not only totals dominated by start-up.
 *
 * <p>PostgreSQL's backends come and go with connections; the CPU time of those already gone is counted in the
 * postmaster's {@code cutime + cstime}. Its memory is reported as the sum of RSS, which counts shared buffers
 * once per process, and as the sum of PSS, which shares them out fairly.
 */
final class ResourceMonitor {

    /** Clock ticks per second of /proc's CPU times; 100 on every Linux this runs on. */
    private static final double TICKS = clockTicks();

    /** The broker's share of this JVM: every thread of it but the load generator's. */
    static final String BROKER = "Kafka broker";
    /** The load generator's threads (clients, their HTTP and Kafka clients) and the JVM's own (GC, JIT). */
    static final String LOAD_GENERATOR = "load generator (and the bench JVM's GC and JIT)";
    /** The services' JIT compiler threads, apart from the services' work: large while code is still compiled. */
    static final String SERVICES_JIT = "services' JIT compilers";

    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final Path postgresData;
    private final List<Snapshot> snapshots = new ArrayList<>();

    ResourceMonitor(Path postgresData) {
        this.postgresData = postgresData;
    }

    /** A service process to follow, recognised by the port it was told to listen on. */
    ResourceMonitor follow(String name, int port) {
        servicePorts.put(name, port);
        return this;
    }

    /** Samples every process now, at the end of {@code phase}. */
    synchronized void snapshot(String phase) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        servicePorts.forEach((name, port) -> serviceProcess(port).map(ResourceMonitor::usage)
                .ifPresent(u -> usage.put(name, u)));
        postgres().ifPresent(u -> usage.put("PostgreSQL", u));
        usage.put("bench JVM (Kafka broker + load generator)", usage(ProcessHandle.current().pid()));
        snapshots.add(new Snapshot(phase, usage));
    }

    /**
     * CPU seconds each part of the system has spent so far: each service without its JIT compiler threads, the
     * services' compiler threads together (code still being compiled shows there, not as the services' work),
     * PostgreSQL, and this JVM split by its threads' CPU time into the Kafka broker and the load generator. What no
     * thread accounts for (GC, JIT, threads gone) counts as the load generator's, so the system's share is never
     * overstated by it; a cost per operation is the difference of two of these over the operations between them
     * ({@link CpuCost}). A compiler thread that ends takes its time out of the compilers' sum and into its
     * service's, which can only overstate the service; with two cores a JVM keeps one C1 and one C2 thread.
     */
    Map<String, Double> cpuByComponent() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        double jit = 0;
        // CPU times only (/proc/<pid>/stat): no memory figures, whose smaps walk PostgreSQL's shared buffers
        for (Map.Entry<String, Integer> service : servicePorts.entrySet()) {
            Optional<Long> pid = serviceProcess(service.getValue());
            double compilers = pid.map(ResourceMonitor::compilerThreadsCpu).orElse(0.0);
            jit += compilers;
            cpu.put(service.getKey(), pid.map(ResourceMonitor::cpuSeconds).orElse(0.0) - compilers);
        }
        cpu.put(SERVICES_JIT, jit);
        cpu.put("PostgreSQL", postmaster().map(postmaster -> cpuSeconds(postmaster) + reapedChildrenCpu(postmaster)
                + ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children)
                        .mapToDouble(child -> cpuSeconds(child.pid())).sum()).orElse(0.0));
        double jvm = cpuSeconds(ProcessHandle.current().pid());
        double broker = brokerThreadsCpu();
        cpu.put(BROKER, broker);
        cpu.put(LOAD_GENERATOR, Math.max(0, jvm - broker));
        return cpu;
    }

    /** utime + stime of a JVM's compiler threads (named "C1 CompilerThread0" and so on, cut to 15 characters). */
    private static double compilerThreadsCpu(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.filter(task -> threadName(task).matches("C[12] CompilerThre.*"))
                    .mapToDouble(task -> cpuSeconds(statFields(task.resolve("stat"), pid))).sum();
        }
        catch (IOException | RuntimeException ex) {
            return 0;
        }
    }

    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static double brokerThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && !loadGenerator(thread.getThreadName())) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    /** The bench's own threads: {@link LoadRunner}'s clients, the JDK's HTTP client, Kafka clients, this main. */
    private static boolean loadGenerator(String name) {
        return name.equals("main") || name.contains("-client-") || name.startsWith("HttpClient")
                || name.startsWith("kafka-producer-network-thread") || name.startsWith("ForkJoinPool");
    }

    List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** Every process seen in any snapshot, in order of appearance. */
    List<String> processes() {
        List<String> names = new ArrayList<>();
        snapshots.forEach(s -> s.usage().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
        return names;
    }

    /** CPU seconds a process spent during a phase: its snapshot minus the previous snapshot that has it. */
    double cpuDuring(int snapshot, String process) {
        Usage now = snapshots.get(snapshot).usage().get(process);
        if (now == null) {
            return 0;
        }
        for (int i = snapshot - 1; i >= 0; i--) {
            Usage before = snapshots.get(i).usage().get(process);
            if (before != null) {
                return Math.max(0, now.cpuSeconds() - before.cpuSeconds());
            }
        }
        return now.cpuSeconds();
    }

    private Optional<Long> serviceProcess(int port) {
        String marker = "SERVER_PORT=" + port;
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(child -> environment(child.pid()).contains(marker))
                .map(ProcessHandle::pid).findFirst();
    }

    /** The postmaster's pid, from its data folder; empty while PostgreSQL is not running. */
    private Optional<Long> postmaster() {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0)
                    .trim()));
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    private Optional<Usage> postgres() {
        return postmaster().map(postmaster -> {
            List<Usage> processes = new ArrayList<>();
            processes.add(usage(postmaster));
            ProcessHandle.of(postmaster).ifPresent(handle -> handle.children()
                    .forEach(child -> processes.add(usage(child.pid()))));
            return new Usage(
                    processes.stream().mapToDouble(Usage::cpuSeconds).sum() + reapedChildrenCpu(postmaster),
                    processes.stream().mapToLong(Usage::rssKb).sum(), processes.stream().mapToLong(Usage::pssKb).sum(),
                    processes.stream().mapToLong(Usage::peakRssKb).sum(), processes.size());
        });
    }

    /** utime + stime of a process, its VmRSS, PSS and VmHWM in kB; zeros for one that is gone. */
    private static Usage usage(long pid) {
        return new Usage(cpuSeconds(pid), kilobytes(pid, "status", "VmRSS:"), kilobytes(pid, "smaps_rollup", "Pss:"),
                kilobytes(pid, "status", "VmHWM:"), 1);
    }

    /** utime + stime of a process in seconds; 0 for one that is gone. */
    private static double cpuSeconds(long pid) {
        return cpuSeconds(statFields(pid));
    }

    /** utime + stime of the fields of a process's or a thread's stat file; 0 for none. */
    private static double cpuSeconds(String[] stat) {
        return stat.length > 14 ? (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / TICKS : 0;
    }

    private static double reapedChildrenCpu(long pid) {
        String[] stat = statFields(pid);
        return stat.length > 16 ? (Long.parseLong(stat[15]) + Long.parseLong(stat[16])) / TICKS : 0;
    }

    /** The fields of /proc/pid/stat, from the state on ({@code [0]} is the pid; the name in parentheses is skipped). */
    private static String[] statFields(long pid) {
        return statFields(Path.of("/proc", String.valueOf(pid), "stat"), pid);
    }

    private static String[] statFields(Path file, long pid) {
        try {
            String stat = Files.readString(file);
            String afterName = stat.substring(stat.lastIndexOf(')') + 2);
            String[] rest = afterName.trim().split("\\s+");
            String[] fields = new String[rest.length + 2];
            fields[0] = String.valueOf(pid);
            fields[1] = "name";
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        }
        catch (IOException | RuntimeException ex) {
            return new String[0];
        }
    }

    private static long kilobytes(long pid, String file, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), file))) {
            return lines.filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]))
                    .orElse(0L);
        }
        catch (IOException | RuntimeException ex) {
            return 0;
        }
    }

    private static String environment(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")),
                    StandardCharsets.UTF_8).replace('\0', '\n');
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        }
        catch (IOException | RuntimeException ex) {
            return 100;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** One process (or PostgreSQL's group of {@code pids} processes) at one moment. */
    record Usage(double cpuSeconds, long rssKb, long pssKb, long peakRssKb, int pids) {
    }

    record Snapshot(String phase, Map<String, Usage> usage) {
    }
}
