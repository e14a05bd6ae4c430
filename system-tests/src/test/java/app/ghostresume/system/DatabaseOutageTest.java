package app.ghostresume.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL (which holds both the event store and the read models) goes away and comes back. Meanwhile commands
 * and queries are answered 503 problem+json and nothing is half-written; afterwards both services recover by
 * themselves: commands succeed again and the query side resumes consuming, each event counted once.
 */
class DatabaseOutageTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    @Test
    void whileTheDatabaseIsDownCommandsAndQueriesAre503AndBothServicesRecoverByThemselves() {
        system.awaitConsumerGroupSettled(1);
        Seeker seeker = system.newSeeker("db-outage", "UTC");
        assertThat(logAttempt(seeker, "before").status()).isEqualTo(201);

        system.stack.postgres().stop();
        try {
            Answer refused = logAttempt(seeker, "during");
            assertUnavailable(refused);
            assertUnavailable(system.queries.get("/api/me/attempts").token(seeker.token()).send());
        }
        finally {
            system.stack.postgres().start();
        }

        Answer after = awaitAccepted(seeker);
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        RunningSystem.awaitCount("attempts on the board", () -> system.querySideCount(
                "SELECT count(*) FROM attempt_board WHERE seeker_id = ?", seeker.id()), 2, RECOVERY);
        assertThat(system.commandSideCount("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type LIKE '%AttemptLogged' AND convert_from(payload, 'UTF8') LIKE ?
                """, "%\"seekerId\":\"" + seeker.id() + "\"%")).as("attempts in the event store").isEqualTo(2);
        assertThat(system.querySideCount("SELECT count(*) FROM attempt_board WHERE seeker_id = ? AND title = ?",
                seeker.id(), "during")).as("the refused attempt").isZero();
        Answer board = system.queries.get("/api/me/attempts").token(seeker.token()).send();
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body().get("items")).hasSize(2);
    }

    private static void assertUnavailable(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.body().get("type").asString()).endsWith("/unavailable");
    }

    /** The services reconnect on their own; a client retries while they still answer 503. */
    private static Answer awaitAccepted(Seeker seeker) {
        Instant deadline = Instant.now().plus(RECOVERY);
        Answer answer = logAttempt(seeker, "after");
        while (answer.status() == 503 && Instant.now().isBefore(deadline)) {
            RunningSystem.sleep(500);
            answer = logAttempt(seeker, "after");
        }
        return answer;
    }

    private static Answer logAttempt(Seeker seeker, String title) {
        return system.commands.post("/api/attempts", Map.of("category", "JOB", "target", "Initech", "title", title,
                "sentOn", seeker.today().toString())).token(seeker.token()).send();
    }
}
