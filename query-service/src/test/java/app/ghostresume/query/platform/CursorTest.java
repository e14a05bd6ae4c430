package app.ghostresume.query.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CursorTest {

    @Test
    void keysSurviveTheRoundTripIncludingMicroseconds() {
        Instant at = Instant.parse("2026-03-05T08:00:00.123456Z");
        UUID id = UUID.randomUUID();

        String cursor = Cursor.encode(at, id);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        List<Object> keys = Cursor.decode(cursor, 2,
                parts -> List.of(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1))));
        assertThat(keys).containsExactly(at, id);
    }

    @ParameterizedTest
    @ValueSource(strings = { "not base64!", "Zm9v", "" })
    void anythingElseIsAnInvalidCursor(String cursor) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> Cursor.decode(cursor, 2, keys -> Instant.parse(keys.get(0))));

        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactly("cursor");
    }
}
