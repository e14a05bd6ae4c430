package app.ghostresume.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where these tests run, so docker-compose.yml is kept honest by reading it: every
 * variable it sets must be one the service reads, and every variable a service needs to reach its database,
 * Kafka and the token issuer must be set.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("ghost.root", "..")).toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}");
    private static final Set<String> WIRING = Set.of("SERVER_PORT", "POSTGRES_URL", "POSTGRES_USER",
            "POSTGRES_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_TOPIC", "JWT_ISSUER");
    /** Read by Spring Boot itself (relaxed binding of {@code management.server.port}), not by a placeholder. */
    private static final Set<String> READ_BY_SPRING_BOOT = Set.of("MANAGEMENT_SERVER_PORT",
            "SERVER_FORWARD_HEADERS_STRATEGY");
    /** A metric name in a dashboard query: what comes before a selector, a range or a bracket. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:ghost|query|kafka|http|jvm|hikaricp|process)_[a-z_]+)\\b");

    @Test
    void runsDatabaseBrokerAndBothServicesWithHealthChecks() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsOnlyKeys("postgres", "kafka", "command-service", "query-service", "web",
                "prometheus", "grafana");
        assertThat(services.get("postgres").get("image").toString()).startsWith("postgres:17");
        assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:4.2");
        services.values().forEach(service -> assertThat(service).containsKey("healthcheck"));
        assertThat(Files.readString(ROOT.resolve("docker/postgres-init.sql")))
                .contains("ghost_command").contains("ghost_query").contains("ghost_keys");
    }

    @ParameterizedTest
    @CsvSource({ "command-service, 8080", "query-service, 8081" })
    @SuppressWarnings("unchecked")
    void setsExactlyVariablesTheServiceReads(String name, int port) throws IOException {
        Map<String, Object> service = services().get(name);
        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        Set<String> read = variablesReadBy(name);
        read.addAll(READ_BY_SPRING_BOOT);

        assertThat(read).containsAll(environment.keySet());
        assertThat(environment.keySet()).containsAll(WIRING);
        assertThat(String.valueOf(environment.get("SERVER_PORT"))).isEqualTo(String.valueOf(port));
        assertThat(service.get("ports").toString()).contains(port + ":" + port);
        assertThat(environment.get("POSTGRES_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(ROOT.resolve(name).resolve("Dockerfile")).exists();
        assertThat(service.get("build")).isEqualTo("./" + name);
    }

    /** The web app reaches both services inside the network; the command service trusts its forwarded address. */
    @Test
    @SuppressWarnings("unchecked")
    void theWebAppRelaysToBothServices() throws IOException {
        Map<String, Object> web = services().get("web");
        Map<String, Object> environment = (Map<String, Object>) web.get("environment");
        Map<String, Object> commandEnvironment = (Map<String, Object>) services().get("command-service")
                .get("environment");

        assertThat(variablesReadBy("web")).containsAll(environment.keySet());
        assertThat(environment).containsEntry("SERVER_PORT", 8090)
                .containsEntry("COMMAND_SERVICE_URL", "http://command-service:8080")
                .containsEntry("QUERY_SERVICE_URL", "http://query-service:8081");
        assertThat(web.get("ports").toString()).contains("8090:8090");
        assertThat(web.get("depends_on").toString()).contains("command-service", "query-service");
        assertThat(web.get("build")).isEqualTo("./web");
        assertThat(ROOT.resolve("web/Dockerfile")).exists();
        assertThat(commandEnvironment).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "NATIVE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theQueryServiceVerifiesTokensWithTheCommandServicesKeys() throws IOException {
        Map<String, Object> environment = (Map<String, Object>) services().get("query-service").get("environment");
        Map<String, Object> commandEnvironment = (Map<String, Object>) services().get("command-service")
                .get("environment");

        assertThat(environment.get("JWT_JWK_SET_URI")).isEqualTo("http://command-service:8080/.well-known/jwks.json");
        assertThat(environment.get("JWT_ISSUER")).isEqualTo(commandEnvironment.get("JWT_ISSUER"));
        assertThat(environment.get("KAFKA_TOPIC")).isEqualTo(commandEnvironment.get("KAFKA_TOPIC"));
        // the seekers' keys: one database, written by the command service, only read by the query service
        assertThat(environment.get("KEYS_POSTGRES_URL")).isEqualTo(commandEnvironment.get("KEYS_POSTGRES_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/ghost_keys");
        assertThat(environment.get("MASTER_KEYSET")).isEqualTo(commandEnvironment.get("MASTER_KEYSET"));
        assertThat(environment.get("KEYS_CREATE_TABLE")).isEqualTo("false");
    }

    /** Prometheus scrapes each service on its management port, which is not published; Grafana reads Prometheus. */
    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesBothServicesManagementPortsAndGrafanaShowsTheDashboard() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> prometheus;
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker/prometheus.yml"))) {
            prometheus = new Yaml().load(in);
        }
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        for (String name : List.of("command-service", "query-service")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
            Object managementPort = environment.get("MANAGEMENT_SERVER_PORT");
            assertThat(managementPort).as(name).isNotNull().isNotEqualTo(environment.get("SERVER_PORT"));
            assertThat(services.get(name).get("ports").toString()).doesNotContain(managementPort + ":");
            assertThat(jobs).as(name).anySatisfy(job -> {
                assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
                assertThat(job.get("static_configs").toString()).contains(name + ":" + managementPort);
            });
        }
        assertThat(services.get("prometheus").get("volumes").toString()).contains("./docker/prometheus.yml:");
        assertThat(services.get("grafana").get("volumes").toString())
                .contains("./docker/grafana/provisioning:", "./docker/grafana/dashboards:");
        assertThat(Files.readString(ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml")))
                .contains("http://prometheus:9090");
        assertThat(dashboardMetrics()).hasSizeGreaterThan(20);
    }

    /** Every metric the Grafana dashboard charts (the walkthrough checks that the services expose each). */
    static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(ROOT.resolve("docker/grafana/dashboards/ghost-resume.json").toFile());
        Set<String> metrics = new TreeSet<>();
        dashboard.get("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher matcher = METRIC.matcher(target.get("expr").asString());
            while (matcher.find()) {
                metrics.add(matcher.group(1));
            }
        }));
        return metrics;
    }

    /** The services of docker-compose.yml, by name. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    private static Set<String> variablesReadBy(String service) throws IOException {
        String properties = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        Set<String> variables = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(properties);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }
}
