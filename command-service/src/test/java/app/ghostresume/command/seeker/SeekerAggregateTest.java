package app.ghostresume.command.seeker;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.seeker.SeekerAggregate.RegisterSeeker;
import app.ghostresume.command.seeker.SeekerCommands.CancelPause;
import app.ghostresume.command.seeker.SeekerCommands.ChangeProfile;
import app.ghostresume.command.seeker.SeekerCommands.ChangeSettings;
import app.ghostresume.command.seeker.SeekerCommands.EraseSeeker;
import app.ghostresume.command.seeker.SeekerCommands.SchedulePause;
import app.ghostresume.events.Category;
import app.ghostresume.events.PauseCancelled;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.events.ProfileChanged;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.SeekerSettingsChanged;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.ghostresume.command.RuleViolations.expectInvalid;
import static app.ghostresume.command.RuleViolations.expectNotFound;
import static app.ghostresume.command.RuleViolations.expectViolation;
import static org.assertj.core.api.Assertions.assertThat;

class SeekerAggregateTest {

    private static final UUID SEEKER = UUID.randomUUID();
    private static final UUID PAUSE = UUID.randomUUID();
    private static final UUID OTHER_PAUSE = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final SeekerRegistered REGISTERED = new SeekerRegistered(SEEKER, "nora", "Nora",
            ZoneId.of("Europe/Lisbon"));
    /** The week of Christmas. */
    private static final PauseScheduled CHRISTMAS = new PauseScheduled(OTHER_PAUSE, SEEKER, LocalDate.of(2026, 12, 21),
            LocalDate.of(2026, 12, 27), "holidays");

    private AggregateTestFixture<SeekerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeekerAggregate.class);
    }

    @Test
    void registersASeeker() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSeeker(SEEKER, "nora", "Nora", ZoneId.of("Europe/Lisbon")))
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(0L);
    }

    @Nested
    class Pauses {

        @Test
        void schedulesAPause() {
            fixture.given(REGISTERED)
                    .when(pause(TODAY.plusDays(3), TODAY.plusDays(10), "flu"))
                    .expectEvents(new PauseScheduled(PAUSE, SEEKER, TODAY.plusDays(3), TODAY.plusDays(10), "flu"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aPauseMayBeOneDay() {
            fixture.given(REGISTERED)
                    .when(pause(TODAY, TODAY, null))
                    .expectEvents(new PauseScheduled(PAUSE, SEEKER, TODAY, TODAY, null));
        }

        @Test
        void aPauseEndsNoEarlierThanItStarts() {
            expectInvalid(fixture.given(REGISTERED).when(pause(TODAY.plusDays(3), TODAY.plusDays(2), null)), "to");
        }

        @Test
        void aPauseStartsAtMostSevenDaysBack() {
            fixture.given(REGISTERED)
                    .when(pause(TODAY.minusDays(7), TODAY, null))
                    .expectSuccessfulHandlerExecution();
            expectInvalid(fixture.given(REGISTERED).when(pause(TODAY.minusDays(8), TODAY, null)), "from");
        }

        @Test
        void aPauseLastsAtMost366Days() {
            fixture.given(REGISTERED)
                    .when(pause(TODAY, TODAY.plusDays(365), null))
                    .expectSuccessfulHandlerExecution();
            expectInvalid(fixture.given(REGISTERED).when(pause(TODAY, TODAY.plusDays(366), null)), "to");
        }

        @Test
        void aPauseInTheFarFutureIsATypingMistake() {
            expectInvalid(fixture.given(REGISTERED)
                    .when(pause(TODAY.plusYears(101), TODAY.plusYears(101), null)), "from");
        }

        @Test
        void theReasonIsShort() {
            expectInvalid(fixture.given(REGISTERED).when(pause(TODAY, TODAY, "x".repeat(201))), "reason");
        }

        @Test
        void pausesDoNotOverlap() {
            for (LocalDate[] range : new LocalDate[][] {
                    { LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 21) },
                    { LocalDate.of(2026, 12, 27), LocalDate.of(2027, 1, 3) },
                    { LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 24) },
                    { LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31) } }) {
                expectViolation(fixture.given(REGISTERED, CHRISTMAS).when(pause(range[0], range[1], null)), ProblemType.PAUSE_OVERLAP);
            }
        }

        @Test
        void adjacentPausesAndOverlapsWithACancelledPauseAreFine() {
            fixture.given(REGISTERED, CHRISTMAS)
                    .when(pause(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3), null))
                    .expectSuccessfulHandlerExecution();
            fixture.given(REGISTERED, CHRISTMAS)
                    .when(pause(LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 20), null))
                    .expectSuccessfulHandlerExecution();
            fixture.given(REGISTERED, CHRISTMAS, new PauseCancelled(OTHER_PAUSE, SEEKER))
                    .when(pause(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aPauseIdIsUsedOnce() {
            expectViolation(fixture.given(REGISTERED, new PauseScheduled(PAUSE, SEEKER, TODAY, TODAY, null),
                    new PauseCancelled(PAUSE, SEEKER)).when(pause(TODAY, TODAY, null)), ProblemType.CONCURRENT_CHANGE);
        }

        @Test
        void cancelsAPause() {
            fixture.given(REGISTERED, CHRISTMAS)
                    .when(new CancelPause(SEEKER, OTHER_PAUSE))
                    .expectEvents(new PauseCancelled(OTHER_PAUSE, SEEKER))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anUnknownOrCancelledPauseIsNotFound() {
            expectNotFound(fixture.given(REGISTERED, CHRISTMAS).when(new CancelPause(SEEKER, PAUSE)));
            expectNotFound(fixture.given(REGISTERED, CHRISTMAS, new PauseCancelled(OTHER_PAUSE, SEEKER))
                    .when(new CancelPause(SEEKER, OTHER_PAUSE)));
        }

        private SchedulePause pause(LocalDate from, LocalDate to, String reason) {
            return new SchedulePause(SEEKER, PAUSE, TODAY, from, to, reason);
        }
    }

    @Nested
    class Settings {

        @Test
        void theDefaultsAreThirtyAndSevenDaysButLongerForCommitteesAndShorterForPeople() {
            ResponseWindows defaults = ResponseWindows.defaults();
            assertThat(defaults.ghostingDays()).hasSize(Category.values().length);
            assertThat(defaults.followUpDays()).hasSize(Category.values().length);
            assertThat(defaults.ghostingDays(Category.JOB)).isEqualTo(30);
            assertThat(defaults.followUpDays(Category.JOB)).isEqualTo(7);
            assertThat(defaults.ghostingDays(Category.GRANT)).isEqualTo(60);
            assertThat(defaults.followUpDays(Category.ADMISSION)).isEqualTo(21);
            assertThat(defaults.ghostingDays(Category.DATING)).isEqualTo(14);
            assertThat(defaults.followUpDays(Category.SOCIAL)).isEqualTo(3);
            assertThat(defaults.problem()).isEmpty();
        }

        @Test
        void listedCategoriesOverrideAndTheEventCarriesEveryCategory() {
            Map<Category, Integer> ghosting = new EnumMap<>(ResponseWindows.defaults().ghostingDays());
            Map<Category, Integer> followUp = new EnumMap<>(ResponseWindows.defaults().followUpDays());
            ghosting.put(Category.JOB, 45);
            followUp.put(Category.DATING, 1);
            fixture.given(REGISTERED)
                    .when(new ChangeSettings(SEEKER, Map.of(Category.JOB, 45), Map.of(Category.DATING, 1)))
                    .expectEvents(new SeekerSettingsChanged(SEEKER, ghosting, followUp))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void unlistedCategoriesReturnToTheirDefaults() {
            fixture.given(REGISTERED, changed(Map.of(Category.JOB, 45), Map.of()))
                    .when(new ChangeSettings(SEEKER, Map.of(), Map.of()))
                    .expectEvents(new SeekerSettingsChanged(SEEKER, ResponseWindows.defaults().ghostingDays(),
                            ResponseWindows.defaults().followUpDays()));
        }

        @Test
        void settingsThatChangeNothingRecordNothing() {
            fixture.given(REGISTERED)
                    .when(new ChangeSettings(SEEKER, Map.of(Category.JOB, 30), null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
            fixture.given(REGISTERED, changed(Map.of(Category.JOB, 45), Map.of()))
                    .when(new ChangeSettings(SEEKER, Map.of(Category.JOB, 45), Map.of()))
                    .expectNoEvents();
        }

        @Test
        void everyWindowIsOneTo365Days() {
            expectInvalid(fixture.given(REGISTERED).when(new ChangeSettings(SEEKER, Map.of(Category.JOB, 0), null)),
                    "ghostingDays.JOB");
            expectInvalid(fixture.given(REGISTERED)
                    .when(new ChangeSettings(SEEKER, Map.of(Category.GRANT, 366), null)), "ghostingDays.GRANT");
            expectInvalid(fixture.given(REGISTERED).when(new ChangeSettings(SEEKER, null, Map.of(Category.OTHER, 0))),
                    "followUpDays.OTHER");
            Map<Category, Integer> withoutValue = new HashMap<>();
            withoutValue.put(Category.PITCH, null);
            expectInvalid(fixture.given(REGISTERED).when(new ChangeSettings(SEEKER, withoutValue, null)),
                    "ghostingDays.PITCH");
            fixture.given(REGISTERED)
                    .when(new ChangeSettings(SEEKER, Map.of(Category.GRANT, 365), Map.of(Category.DATING, 1)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theFollowUpComesBeforeTheGhostingInEveryCategory() {
            expectInvalid(fixture.given(REGISTERED)
                    .when(new ChangeSettings(SEEKER, Map.of(Category.JOB, 7), null)), "followUpDays.JOB");
            expectInvalid(fixture.given(REGISTERED)
                    .when(new ChangeSettings(SEEKER, null, Map.of(Category.DATING, 20))), "followUpDays.DATING");
            fixture.given(REGISTERED)
                    .when(new ChangeSettings(SEEKER, Map.of(Category.JOB, 8), null))
                    .expectSuccessfulHandlerExecution();
        }

        private SeekerSettingsChanged changed(Map<Category, Integer> ghosting, Map<Category, Integer> followUp) {
            ResponseWindows windows = ResponseWindows.defaults().overriddenBy(ghosting, followUp);
            return new SeekerSettingsChanged(SEEKER, windows.ghostingDays(), windows.followUpDays());
        }
    }

    @Nested
    class Profile {

        @Test
        void aGhostResumeIsMadePublic() {
            fixture.given(REGISTERED)
                    .when(new ChangeProfile(SEEKER, true))
                    .expectEvents(new ProfileChanged(SEEKER, true))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void andPrivateAgain() {
            fixture.given(REGISTERED, new ProfileChanged(SEEKER, true))
                    .when(new ChangeProfile(SEEKER, false))
                    .expectEvents(new ProfileChanged(SEEKER, false))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void choosingWhatIsChosenRecordsNothing() {
            fixture.given(REGISTERED)
                    .when(new ChangeProfile(SEEKER, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
            fixture.given(REGISTERED, new ProfileChanged(SEEKER, true))
                    .when(new ChangeProfile(SEEKER, true))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }
    }

    @Nested
    class Erasing {

        @Test
        void anAccountIsErasedOnce() {
            fixture.given(REGISTERED, new ProfileChanged(SEEKER, true))
                    .when(new EraseSeeker(SEEKER, TODAY))
                    .expectEvents(new SeekerErased(SEEKER, TODAY))
                    .expectResultMessagePayload(2L);
            fixture.given(REGISTERED, new SeekerErased(SEEKER, TODAY))
                    .when(new EraseSeeker(SEEKER, TODAY.plusDays(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void nobodyIsErasedWhoWasNeverRegistered() {
            fixture.givenNoPriorActivity()
                    .when(new EraseSeeker(SEEKER, TODAY))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }
}
