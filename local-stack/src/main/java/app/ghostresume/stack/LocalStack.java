package app.ghostresume.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The whole system on one machine: PostgreSQL and Kafka in this JVM, command-service and query-service as
 * child processes wired to them, and the web app in front of both. {@code main} is what the README's run command
 * starts; the system tests use the same class with throwaway folders and free ports (and start the web app only
 * where they drive a browser).
 */
public final class LocalStack implements AutoCloseable {

    public static final String COMMAND_DATABASE = "ghost_command";
    public static final String QUERY_DATABASE = "ghost_query";
    /** The seekers' keys, apart from the events (both services read it; the command service writes it). */
    public static final String KEYS_DATABASE = "ghost_keys";
    /** The web app's port under {@link #main}. */
    public static final int WEB_PORT = 8090;

    private final Settings settings;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final ServiceProcess commandService;
    private final ServiceProcess queryService;

    private final String masterKeyset;

    public LocalStack(Settings settings) {
        this.settings = settings;
        this.masterKeyset = masterKeyset(settings.home());
        this.postgres = new EmbeddedPostgresServer(settings.home().resolve("postgres"), settings.postgresPort(),
                true);
        this.kafka = new EmbeddedKafkaBroker(settings.home().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort());
        this.commandService = new ServiceProcess("command-service", settings.commandJar(),
                settings.commandPort(), settings.jvmOptions(), commandEnvironment(),
                settings.logFile("command-service"));
        this.queryService = new ServiceProcess("query-service", settings.queryJar(), settings.queryPort(),
                settings.jvmOptions(), queryEnvironment(settings.queryPort()), settings.logFile("query-service"));
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("ghost.root", ".")).toAbsolutePath().normalize();
        Settings settings = new Settings(root.resolve(".local"), 15432, 19092, 19093, 8080, 8081,
                executableJar(root, "command-service"), executableJar(root, "query-service"), null,
                List.of("-Xmx512m"), Map.of());
        LocalStack stack = new LocalStack(settings);
        ServiceProcess web = stack.webApp(executableJar(root, "web"), WEB_PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop();
            stack.close();
        }, "local-stack-shutdown"));
        try {
            stack.start();
            web.start().awaitReady(Duration.ofSeconds(120));
        }
        catch (RuntimeException ex) {
            System.err.println("Ghost Résumé did not start: " + ex.getMessage());
            System.exit(1);
        }
        System.out.printf("""

                Ghost Résumé is running (data in %s)
                  web app          %s   (open it in a browser)
                  command-service  %s   (sign up: POST /api/accounts, sign in: POST /api/sessions)
                  query-service    %s
                  JWKS             %s/.well-known/jwks.json
                  PostgreSQL       %s  (user %s, password %s)
                  Kafka            %s  (topic seeker-events)
                Press Ctrl-C to stop.
                %n""", settings.home(), web.baseUrl(), stack.commandUrl(), stack.queryUrl(), stack.commandUrl(),
                stack.postgres.jdbcUrl(COMMAND_DATABASE), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD, stack.kafka.bootstrapServers());
    }

    public LocalStack start() {
        postgres.start().ensureDatabase(COMMAND_DATABASE).ensureDatabase(QUERY_DATABASE).ensureDatabase(KEYS_DATABASE);
        kafka.start();
        commandService.start();
        queryService.start();
        commandService.awaitReady(Duration.ofSeconds(180));
        queryService.awaitReady(Duration.ofSeconds(180));
        return this;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public ServiceProcess commandService() {
        return commandService;
    }

    public ServiceProcess queryService() {
        return queryService;
    }

    /**
     * One more command-service instance on the same database and broker, on a free port: it shares the event
     * store, the signing key pair kept in the database, the publisher's claim and the deadlines. Not started.
     */
    public ServiceProcess anotherCommandService(String name) {
        return new ServiceProcess(name, settings.commandJar(), FreePorts.next(), settings.jvmOptions(),
                commandEnvironment(), settings.logFile(name));
    }

    /**
     * One more query-service instance in the same consumer group and database, on a free port: Kafka shares
     * the topic's partitions between the instances. Not started.
     */
    public ServiceProcess anotherQueryService(String name) {
        int port = FreePorts.next();
        return new ServiceProcess(name, settings.queryJar(), port, settings.jvmOptions(), queryEnvironment(port),
                settings.logFile(name));
    }

    /**
     * The web app on {@code port}, serving the pages and relaying their API calls to this stack's services; not
     * started.
     */
    public ServiceProcess webApp(Path jar, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COMMAND_SERVICE_URL", commandUrl());
        env.put("QUERY_SERVICE_URL", queryUrl());
        return new ServiceProcess("web", jar, port, settings.jvmOptions(), env, settings.logFile("web"));
    }

    /** Where both services find the seekers' keys: the key database and the master keyset. */
    public Map<String, String> keysEnvironment() {
        return Map.of("KEYS_POSTGRES_URL", postgres.jdbcUrl(KEYS_DATABASE), "MASTER_KEYSET", masterKeyset);
    }

    public String commandUrl() {
        return commandService.baseUrl();
    }

    public String queryUrl() {
        return queryService.baseUrl();
    }

    @Override
    public void close() {
        queryService.stop();
        commandService.stop();
        kafka.stop();
        postgres.stop();
    }

    private Map<String, String> commandEnvironment() {
        Map<String, String> env = common(COMMAND_DATABASE);
        env.put("JWT_ISSUER", "http://localhost:" + settings.commandPort());
        // the web app relays sign-ins with X-Forwarded-For: each browser is throttled on its own address
        env.put("SERVER_FORWARD_HEADERS_STRATEGY", "NATIVE");
        env.putAll(settings.extraEnvironment());
        return env;
    }

    private Map<String, String> queryEnvironment(int port) {
        Map<String, String> env = common(QUERY_DATABASE);
        env.put("QUERY_PUBLIC_URL", "http://localhost:" + port);
        env.put("JWT_ISSUER", "http://localhost:" + settings.commandPort());
        env.put("JWT_JWK_SET_URI", "http://localhost:" + settings.commandPort() + "/.well-known/jwks.json");
        env.putAll(settings.extraEnvironment());
        return env;
    }

    private Map<String, String> common(String database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POSTGRES_URL", "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + database);
        env.put("POSTGRES_USER", EmbeddedPostgresServer.USER);
        env.put("POSTGRES_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.kafkaPort());
        env.put("KEYS_POSTGRES_URL", "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + KEYS_DATABASE);
        env.put("MASTER_KEYSET", masterKeyset);
        return env;
    }

    /**
     * The master keyset that encrypts the seekers' keys, a Tink AEAD keyset in JSON kept in {@code keys/} of the
     * stack's folder (made on the first start, readable by its owner only). Erasing that folder with the database
     * is what makes every seeker's key unreadable at once.
     */
    private static String masterKeyset(Path home) {
        Path file = home.resolve("keys").resolve("master-keyset.json");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                AeadConfig.register();
                String keyset = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(
                        PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
                Files.writeString(file, keyset);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                catch (UnsupportedOperationException ex) {
                    // not a POSIX file system: the folder's own permissions guard it
                }
            }
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("could not make a master keyset", ex);
        }
    }

    /** The repackaged, runnable jar a module's build leaves in its target folder. */
    public static Path executableJar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
                            + ": build it first with ./mvnw -DskipTests package"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Where the stack keeps its data and which ports it uses.
     *
     * @param logs             folder for the services' output; {@code null} prints it to the console
     * @param jvmOptions       options for the services' JVMs
     * @param extraEnvironment more environment for both services, e.g. shorter timeouts in tests
     */
    public record Settings(Path home, int postgresPort, int kafkaPort, int kafkaControllerPort, int commandPort,
            int queryPort, Path commandJar, Path queryJar, Path logs, List<String> jvmOptions,
            Map<String, String> extraEnvironment) {

        /**
         * Free ports and a fresh folder, for tests running beside anything else; the services' JVMs are tuned
         * to start fast rather than to run fast.
         */
        public static Settings throwaway(Path home, Path commandJar, Path queryJar, Map<String, String> env) {
            return new Settings(home, FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next(), commandJar, queryJar, home.resolve("logs"),
                    List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), env);
        }

        Path logFile(String service) {
            return logs == null ? null : logs.resolve(service + ".log");
        }
    }
}
