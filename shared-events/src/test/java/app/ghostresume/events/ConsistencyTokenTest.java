package app.ghostresume.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The token both services speak: written by the command side, read back by the query side. */
class ConsistencyTokenTest {

    @Test
    void whatIsWrittenReadsBackTheSame() {
        UUID aggregate = UUID.fromString("3f2a6c1e-9b7d-4c55-8a11-0e2f4b6d8c90");
        ConsistencyToken written = ConsistencyToken.of(aggregate, 4);

        assertThat(written.toString()).isEqualTo("3f2a6c1e-9b7d-4c55-8a11-0e2f4b6d8c90.4");
        assertThat(ConsistencyToken.parse(written.toString())).isEqualTo(written);
    }

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
    @ValueSource(strings = { "", "no-dot", "ends-with-dot.", ".7", "abc.x", "abc.-1", "abc.99999999999999999999",
            "a.b.c" })
    void rejectsWhatIsNotAggregateDotSequence(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> ConsistencyToken.parse(token))
                .withMessageContaining("Consistency-Token");
    }

    @Test
    void noTokenIsWrittenThatCouldNotBeRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsistencyToken("a.b", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsistencyToken("a", -1));
    }
}
