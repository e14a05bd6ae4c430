package app.ghostresume.personal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.PersonalFields;
import app.ghostresume.stack.TestInfrastructure;
import com.google.crypto.tink.Aead;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key vault on a real PostgreSQL database. */
class SeekerKeysTest {

    private static HikariDataSource database;
    private static SeekerKeys keys;
    private static Aead master;

    @BeforeAll
    static void vault() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        database = new HikariDataSource();
        database.setJdbcUrl(infrastructure.newDatabase("keys"));
        database.setUsername(infrastructure.username());
        database.setPassword(infrastructure.password());
        master = SeekerKeys.masterKey(SeekerKeys.newMasterKeyset());
        keys = new SeekerKeys(database, master, true);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aSeekerGetsOneKeyWhichOpensWhatItSealedAndNobodyElsesKeyDoes() {
        UUID nora = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        AttemptLogged logged = logged(nora, "The Paris Review");

        AttemptLogged sealed = Sealing.seal(logged, keys.sealingKey(nora));

        assertThat(sealed.target()).startsWith(Sealing.PREFIX).doesNotContain("Paris");
        assertThat(keys.sealingKey(nora)).isPresent();
        assertThat(Sealing.open(sealed, keys.openingKey(nora).orElseThrow())).isEqualTo(logged);
        assertThat(Sealing.open(sealed, keys.sealingKey(other).orElseThrow()).target())
                .isEqualTo(PersonalFields.ERASED);
        assertThat(JdbcClient.create(database).sql("SELECT count(*) FROM seeker_key WHERE seeker_id = ?")
                .param(nora).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSealedValueCannotBeMovedIntoAnotherSeekersEvent() {
        UUID nora = UUID.randomUUID();
        UUID mallory = UUID.randomUUID();
        Aead shared = keys.sealingKey(nora).orElseThrow();
        AttemptLogged sealed = Sealing.seal(logged(nora, "Granta"), Optional.of(shared));
        AttemptLogged moved = new AttemptLogged(sealed.attemptId(), mallory, sealed.category(), sealed.target(),
                sealed.title(), sealed.notes(), sealed.sentOn(), sealed.expectedResponseBy());

        assertThat(Sealing.open(moved, shared).target()).isEqualTo(PersonalFields.ERASED);
    }

    @Test
    void aShreddedKeyIsGoneForGoodAndNeverComesBack() {
        UUID nora = UUID.randomUUID();
        AttemptLogged sealed = Sealing.seal(logged(nora, "Ploughshares"), keys.sealingKey(nora));

        keys.shred(nora);

        assertThat(keys.shredded(nora)).isTrue();
        assertThat(keys.openingKey(nora)).isEmpty();
        assertThat(keys.sealingKey(nora)).as("no new key after erasure").isEmpty();
        assertThat(Sealing.open(sealed, null).target()).isEqualTo(PersonalFields.ERASED);
        assertThat(Sealing.seal(logged(nora, "Tin House"), keys.sealingKey(nora)).target())
                .isEqualTo(PersonalFields.ERASED);
        assertThat(JdbcClient.create(database).sql("SELECT keyset FROM seeker_key WHERE seeker_id = ?").param(nora)
                .query(byte[].class).optional()).isEmpty();
    }

    @Test
    void manyEventsOpenWithOneLookupAndRotationKeepsEverythingReadable() {
        UUID nora = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        AttemptLogged before = Sealing.seal(logged(nora, "Zoetrope"), keys.sealingKey(nora));
        AttemptLogged theirs = Sealing.seal(logged(erased, "One Story"), keys.sealingKey(erased));
        keys.shred(erased);

        assertThat(keys.rotate()).isPositive();
        AttemptLogged after = Sealing.seal(logged(nora, "Agni"), keys.sealingKey(nora));
        assertThat(after.target().substring(0, 20)).as("a new primary key").isNotEqualTo(before.target()
                .substring(0, 20));

        List<AttemptLogged> opened = Sealing.openAll(List.of(before, after, theirs, logged(nora, "plain")),
                seekers -> {
                    assertThat(seekers).containsExactlyInAnyOrder(nora, erased);
                    return keys.openingKeys(seekers);
                });
        assertThat(opened).extracting(AttemptLogged::target)
                .containsExactly("Zoetrope", "Agni", PersonalFields.ERASED, "plain");
    }

    @Test
    void aWrappedKeyNeedsItsMasterKeyset() {
        UUID nora = UUID.randomUUID();
        keys.sealingKey(nora);
        SeekerKeys withoutMaster = new SeekerKeys(database, null, false);
        SeekerKeys otherMaster = new SeekerKeys(database, SeekerKeys.masterKey(SeekerKeys.newMasterKeyset()),
                false);

        assertThatThrownBy(() -> withoutMaster.openingKey(nora)).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> otherMaster.openingKeys(List.of(nora))).hasMessageContaining("cannot be read");
        assertThat(JdbcClient.create(database).sql("SELECT wrapped FROM seeker_key WHERE seeker_id = ?")
                .param(nora).query(Boolean.class).single()).isTrue();
    }

    private static AttemptLogged logged(UUID seeker, String target) {
        return new AttemptLogged(UUID.randomUUID(), seeker, Category.PITCH, target, "An essay on rejection",
                "sent cold", LocalDate.of(2026, 11, 2), null);
    }
}
