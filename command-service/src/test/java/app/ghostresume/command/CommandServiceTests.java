package app.ghostresume.command;

import java.util.UUID;
import java.util.function.Supplier;

import app.ghostresume.command.platform.security.TokenIssuer;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.HttpApi.Answer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command service's HTTP integration tests share: their infrastructure, problem checks and names. */
final class CommandServiceTests {

    private CommandServiceTests() {
    }

    /** Points the service at a database of its own and a topic on the shared test broker. */
    static void connect(DynamicPropertyRegistry registry, String database, Supplier<Object> topic) {
        TestInfrastructure infra = TestInfrastructure.get();
        String url = infra.newDatabase(database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", infra::username);
        registry.add("spring.datasource.password", infra::password);
        registry.add("ghost.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("ghost.kafka.topic.name", topic);
    }

    /** A problem+json answer of the given status and problem type. */
    static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertProblem(answer, type);
    }

    /** A 404 worded as every refusal about the subject is, whether the id is unknown, malformed or not the caller's. */
    static void assertNotFound(Answer answer, String subject) {
        assertProblem(answer, 404, "not-found");
        assertThat(answer.body().get("detail").asString()).as(answer.toString()).isEqualTo("No such " + subject + ".");
    }

    /** A problem+json answer of the given problem type, whose body repeats its status. */
    static void assertProblem(Answer answer, String type) {
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).as(answer.toString())
                .isEqualTo("https://ghostresume.app/problems/" + type);
        assertThat(answer.body().get("status").asInt()).isEqualTo(answer.status());
    }

    /** A token for a configured operator, whose account is made here directly (operators sign in elsewhere). */
    static String operatorToken(JdbcClient jdbc, TokenIssuer tokens, UUID operator) {
        jdbc.sql("""
                INSERT INTO seeker_account (seeker_id, handle, password_hash, time_zone)
                VALUES (:id, :handle, '{noop}unused', 'UTC') ON CONFLICT DO NOTHING
                """).param("id", operator).param("handle", "operator-" + operator.toString().substring(0, 8)).update();
        return tokens.issue(operator, "operator").accessToken();
    }

    /** A short random suffix that keeps handles unique across tests. */
    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
