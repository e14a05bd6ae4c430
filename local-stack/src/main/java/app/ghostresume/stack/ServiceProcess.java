package app.ghostresume.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the services, run from its executable jar as a separate operating-system process. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    /**
     * @param logFile where the process's output goes; {@code null} prints it to this process's output, each
     *                line prefixed with the service's name
     */
    public ServiceProcess(String name, Path jar, int port, List<String> jvmOptions, Map<String, String> environment,
            Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.logFile = logFile;
    }

    /** The same service, on the same port, with more (or other) environment; not started. */
    public ServiceProcess with(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(more);
        return new ServiceProcess(name, jar, port, jvmOptions, merged, logFile);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public synchronized ServiceProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        try {
            if (logFile != null) {
                Files.createDirectories(logFile.getParent());
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                Files.writeString(logFile, "---- starting " + name + " at " + Instant.now() + System.lineSeparator(),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            process = builder.start();
            if (logFile == null) {
                echo(process, name, System.out);
            }
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start " + name + " from " + jar, ex);
        }
    }

    /** Waits until the service reports itself ready to take traffic. */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + (logFile != null ? "; see " + logFile : ""));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, ex);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout
                + (logFile != null ? "; see " + logFile : ""));
    }

    /** The process id of the running service, as its JVM names itself ({@code pid@host}) to others. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Asks the service to shut down gracefully (SIGTERM) and waits for it. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            waitFor(Duration.ofSeconds(30));
            if (process.isAlive()) {
                kill();
            }
            process = null;
        }
    }

    /** Kills the service at once (SIGKILL): no shutdown hooks, no flushing, like a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void waitFor(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void echo(Process process, String name, PrintStream out) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> out.println("[" + name + "] " + line));
            }
            catch (IOException | UncheckedIOException ex) {
                // the process is gone
            }
        }, name + "-output");
        thread.setDaemon(true);
        thread.start();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
