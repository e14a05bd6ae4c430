package app.ghostresume.command.share;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.ShareReported;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A share's state survives its snapshot (JSON of its fields, by the event serializer) with nothing lost. */
class ShareSnapshotTest {

    @Test
    void aSnapshotKeepsTheSupportWithItsOrdinalsAndTheReporters() {
        UUID share = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        ShareAggregate aggregate = new ShareAggregate();
        aggregate.on(new RejectionShared(share, author, UUID.randomUUID(), AttemptStatus.REJECTED, Category.JOB,
                null, 3, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), "story", true,
                ShareAudience.PUBLIC, null));
        aggregate.on(new SupportOffered(share, friend, SupportKind.HUG, "hang in", LocalDate.of(2026, 11, 22)));
        aggregate.on(new ShareReported(share, UUID.randomUUID(), "spam", LocalDate.of(2026, 11, 22)));
        JacksonSerializer serializer = JacksonSerializer.builder().build();

        SerializedObject<byte[]> snapshot = serializer.serialize(aggregate, byte[].class);
        ShareAggregate restored = serializer.deserialize(snapshot);

        assertThat(restored.standing()).isEqualTo(ShareAggregate.Standing.UP);
        assertThat(serializer.serialize(restored, byte[].class).getData()).isEqualTo(snapshot.getData());
        assertThat(new String(snapshot.getData(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("hang in", "\"ordinal\":0", friend.toString());
    }
}
