package app.ghostresume.query;

import java.util.UUID;

import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts and stays up while what it depends on is away: without Kafka it is alive but not ready,
 * and while command-service's key set cannot be fetched tokens cannot be checked, which is a 503, not a 500.
 */
// the Spring properties themselves: the base class registers the environment variables dynamically, which would win
@TestPropertySource(properties = {
        "ghost.kafka.bootstrap-servers=localhost:1",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/jwks.json" })
class UnreachableDependenciesTest extends QueryServiceIntegrationTest {

    @Test
    void startsWithoutKafkaAliveButNotReady() {
        assertThat(api().get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(503);
    }

    @Test
    void aTokenThatCannotBeCheckedIsAnUnavailableProblem() {
        Response response = api().get("/api/me/attempts", tokens().tokenFor(UUID.randomUUID()));

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo("https://ghostresume.app/problems/unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void noTokenIsStillUnauthenticated() {
        assertThat(api().get("/api/me/attempts", null).status()).isEqualTo(401);
    }
}
