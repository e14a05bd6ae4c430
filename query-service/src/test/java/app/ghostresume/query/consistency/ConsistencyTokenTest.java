package app.ghostresume.query.consistency;

import app.ghostresume.query.system.ApiProblem;
import app.ghostresume.query.system.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConsistencyTokenTest {

    @Test
    void splitsAtTheLastDotSoTheAggregateIdKeepsItsDashes() {
        ConsistencyToken token = ConsistencyToken.parse("3f2a6c1e-9b7d-4c55-8a11-0e2f4b6d8c90.4");

        assertThat(token.aggregateId()).isEqualTo("3f2a6c1e-9b7d-4c55-8a11-0e2f4b6d8c90");
        assertThat(token.aggregateSequence()).isEqualTo(4);
    }

    @Test
    void readsSequenceZero() {
        assertThat(ConsistencyToken.parse("seeker.0").aggregateSequence()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "no-dot", "ends-with-dot.", ".7", "abc.x", "abc.-1", "abc.99999999999999999999" })
    void rejectsWhatIsNotAggregateDotSequence(String token) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ConsistencyToken.parse(token));

        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
    }
}
