package app.ghostresume.events;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalFieldsTest {

    private static final UUID SEEKER = UUID.fromString("5eec0000-0000-4000-8000-000000000001");
    private static final UUID ATTEMPT = UUID.fromString("a7740000-0000-4000-8000-000000000002");

    /**
     * Text fields that are not a seeker's own: a challenge belongs to its group (its name, description and invite
     * code stay when its creator leaves), and a moderation note is the operator's.
     */
    private static final Set<String> NOT_PERSONAL = Set.of("ChallengeCreated.name", "ChallengeCreated.description",
            "ChallengeCreated.inviteCode", "ShareRestored.note", "ShareRemoved.note");

    @Test
    void everyTextFieldOfEveryEventIsPersonalOrNamedAsNot() {
        Map<String, Boolean> classified = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            Set<String> personal = Set.copyOf(PersonalFields.names(type.eventClass()));
            for (RecordComponent component : type.eventClass().getRecordComponents()) {
                if (component.getType() == String.class) {
                    String name = type.typeName() + "." + component.getName();
                    classified.put(name, personal.contains(component.getName()) != NOT_PERSONAL.contains(name));
                }
            }
        }
        assertThat(classified).as("true: personal or named as not; false: both or neither").allSatisfy(
                (field, once) -> assertThat(once).as(field).isTrue());
    }

    @Test
    void theFieldsListedInTheIssueArePersonal() {
        assertThat(PersonalFields.names(SeekerRegistered.class)).containsExactly("handle", "displayName");
        assertThat(PersonalFields.names(AttemptLogged.class)).containsExactly("target", "title", "notes");
        assertThat(PersonalFields.names(RejectionReceived.class)).containsExactly("stageReached", "feedback");
        assertThat(PersonalFields.names(ReflectionRecorded.class))
                .containsExactly("whatHappened", "whatILearned", "nextTime");
        assertThat(PersonalFields.names(RejectionShared.class)).containsExactly("stageReached", "story");
        assertThat(PersonalFields.names(SupportOffered.class)).containsExactly("message");
        assertThat(PersonalFields.names(SeekerErased.class)).isEmpty();
    }

    @Test
    void aCopyChangesThePersonalFieldsThatAreSetAndNothingElse() {
        AttemptLogged logged = new AttemptLogged(ATTEMPT, SEEKER, Category.PITCH, "The Paris Review", "Essay", null,
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2));

        AttemptLogged shouted = PersonalFields.map(logged, String::toUpperCase);

        assertThat(shouted).isEqualTo(new AttemptLogged(ATTEMPT, SEEKER, Category.PITCH, "THE PARIS REVIEW", "ESSAY",
                null, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2)));
        assertThat(PersonalFields.values(shouted)).containsExactly("THE PARIS REVIEW", "ESSAY");
        assertThat(PersonalFields.map(logged, text -> text)).isSameAs(logged);
    }

    @Test
    void anEventWithoutPersonalFieldsIsLeftAsItIs() {
        SeekerErased erased = new SeekerErased(SEEKER, LocalDate.of(2026, 11, 30));
        assertThat(PersonalFields.any(SeekerErased.class)).isFalse();
        assertThat(PersonalFields.map(erased, text -> "x")).isSameAs(erased);
        assertThat(Arrays.stream(EventType.values()).filter(type -> PersonalFields.any(type.eventClass()))
                .map(EventType::typeName).collect(Collectors.toSet())).hasSize(12)
                .contains("SeekerRegistered", "SupportOffered", "PauseScheduled").doesNotContain("ChallengeCreated");
    }

    @Test
    void onlyTextCanBePersonal() {
        record Odd(@PersonalData Integer age, UUID seekerId) {
        }
        assertThatThrownBy(() -> PersonalFields.any(Odd.class))
                .hasMessageContaining("Odd.age is personal but not text");
    }
}
