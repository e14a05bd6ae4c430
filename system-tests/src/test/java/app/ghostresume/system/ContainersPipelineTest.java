package app.ghostresume.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.stack.LocalStack;
import app.ghostresume.stack.ServiceProcess;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.TokenMinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline against the images {@code docker-compose.yml} runs (PostgreSQL 17 and Kafka 4.2.1, read from
 * that file), in Testcontainers: both services as they are shipped (their executable jars), a command through to a
 * read model, then a rebuild of the read models while they serve. Skipped where no Docker engine runs; the embedded
 * servers of {@code local-stack} stay the default everywhere else. The services run as processes, not in this JVM,
 * so Spring Boot's {@code @ServiceConnection} has no context to connect here: the containers' addresses go to the
 * services as the same environment variables docker-compose.yml sets.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersPipelineTest {

    private static final Path ROOT = ComposeFileTest.ROOT;

    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer(image("postgres"))
            .withUsername("postgres").withPassword("postgres")
            .withCopyFileToContainer(MountableFile.forHostPath(ROOT.resolve("docker/postgres-init.sql")),
                    "/docker-entrypoint-initdb.d/init.sql");

    @Container
    static final KafkaContainer kafka = new KafkaContainer(image("kafka"));

    private static ServiceProcess commandService;
    private static ServiceProcess queryService;

    @BeforeAll
    static void startTheServices() throws IOException {
        int commandPort = freePort();
        int queryPort = freePort();
        Path logs = Files.createDirectories(Path.of("target", "containers-pipeline"));
        commandService = new ServiceProcess("command-service", RunningSystem.jar("command-service"), commandPort,
                List.of(), environment("ghost_command", commandPort, Map.of()), logs.resolve("command-service.log"))
                .start();
        commandService.awaitReady(Duration.ofSeconds(120));
        Map<String, String> queryOnly = Map.of("QUERY_PUBLIC_URL", "http://localhost:" + queryPort,
                "JWT_JWK_SET_URI", "http://localhost:" + commandPort + "/.well-known/jwks.json");
        queryService = new ServiceProcess("query-service", RunningSystem.jar("query-service"), queryPort,
                List.of(), environment("ghost_query", commandPort, queryOnly), logs.resolve("query-service.log"))
                .start();
        queryService.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopTheServices() {
        if (queryService != null) {
            queryService.stop();
        }
        if (commandService != null) {
            commandService.stop();
        }
    }

    @Test
    void aCommandReachesTheBoardAndARebuildKeepsIt() throws Exception {
        HttpApi commands = new HttpApi(commandService.baseUrl());
        HttpApi queries = new HttpApi(queryService.baseUrl());
        String handle = "contained-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(commands.post("/api/accounts", Map.of("handle", handle, "password", "correct horse battery",
                "displayName", "Contained", "timeZone", "UTC")).send().status()).isEqualTo(201);
        String token = commands.post("/api/sessions", Map.of("handle", handle, "password", "correct horse battery"))
                .send().body().get("accessToken").asString();
        Answer logged = commands.post("/api/attempts", Map.of("category", "GRANT", "target", "Arts Council",
                "title", "Project grant", "sentOn", "2026-11-02")).token(token).send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);

        Answer board = queries.get("/api/me/attempts").token(token)
                .header("Consistency-Token", logged.body().get("consistencyToken").asString()).send();
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        assertThat(board.body().get("items")).hasSize(1);

        String operator = TokenMinter.from(postgres.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/ghost_command$1"),
                token, Duration.ofMinutes(10)).operatorTokenFor(UUID.randomUUID(), "operator");
        Answer rebuild = queries.post("/api/operator/read-models/rebuild", Map.of()).token(operator).send();
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        int building = rebuild.body().get("generation").asInt();
        await().atMost(Duration.ofMinutes(2)).until(() -> queries.get("/api/operator/read-models").token(operator)
                .send().body().get("live").get("generation").asInt() == building);
        assertThat(queries.get("/api/me/attempts").token(token).send().body().get("items")).hasSize(1);
    }

    private static Map<String, String> environment(String database, int commandPort, Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>();
        String server = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
        env.put("POSTGRES_URL", server + database);
        env.put("POSTGRES_USER", "postgres");
        env.put("POSTGRES_PASSWORD", "postgres");
        env.put("KEYS_POSTGRES_URL", server + LocalStack.KEYS_DATABASE);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.getBootstrapServers());
        env.put("JWT_ISSUER", "http://localhost:" + commandPort);
        env.putAll(more);
        return env;
    }

    /** The image docker-compose.yml runs for one of its services. */
    private static String image(String service) {
        try {
            return ComposeFileTest.services().get(service).get("image").toString();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
