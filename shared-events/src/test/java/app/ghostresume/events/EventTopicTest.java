package app.ghostresume.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTopicTest {

    @Test
    void theTopicIsKeptForever() {
        assertThat(new EventTopic("seeker-events", 6).configs())
                .containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1");
    }

    @Test
    void aTopicHasANameAndAtLeastOnePartition() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventTopic(" ", 6));
        assertThatIllegalArgumentException().isThrownBy(() -> new EventTopic("seeker-events", 0));
    }
}
