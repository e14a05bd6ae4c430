package app.ghostresume.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.goal.Streaks;
import app.ghostresume.query.support.History;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The seeker's report fold over plain events: what each figure counts, and as known when. */
class SeekerHistoryTest {

    private static final UUID WRITER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

    /**
     * The November of NO seed: a writer aiming for 3 pitch rejections a week and 12 in the month (from Monday 3
     * November, so four weeks) gets 2, 3, 1 and 1 rejections in weeks 1 to 4, and 3 acceptances.
     */
    private static History novemberOfNo() {
        History history = new History();
        history.at("2025-10-01", new SeekerRegistered(WRITER, "wren", "Wren", ZoneId.of("UTC")));
        history.at("2025-11-02", new GoalSet(UUID.randomUUID(), WRITER, GoalMetric.REJECTIONS, Category.PITCH, 3,
                GoalPeriod.WEEK, LocalDate.parse("2025-11-03"), LocalDate.parse("2025-11-30")));
        history.at("2025-11-02", new GoalSet(UUID.randomUUID(), WRITER, GoalMetric.REJECTIONS, Category.PITCH, 12,
                GoalPeriod.CUSTOM, LocalDate.parse("2025-11-03"), LocalDate.parse("2025-11-30")));
        String[][] rejections = { { "2025-11-04", "2025-11-06" }, { "2025-11-10", "2025-11-12", "2025-11-14" },
                { "2025-11-19" }, { "2025-11-26" } };
        int outlet = 0;
        for (String[] week : rejections) {
            for (String day : week) {
                UUID attempt = history.attempt(WRITER, Category.PITCH, "Outlet " + outlet++, "2025-11-03");
                history.rejected(WRITER, attempt, day, 4);
            }
        }
        for (String day : List.of("2025-11-07", "2025-11-18", "2025-11-28")) {
            UUID attempt = history.attempt(WRITER, Category.PITCH, "Outlet " + outlet++, "2025-11-03");
            history.accepted(WRITER, attempt, day);
        }
        return history;
    }

    private static SeekerReport report(History history, String period, Instant asOf) {
        return SeekerHistory.replay(history.upTo(asOf), List.of()).report(ReportPeriod.parse(period).orElseThrow(),
                asOf);
    }

    @Test
    void theNovemberOfNoInItsMonthReport() {
        SeekerReport report = report(novemberOfNo(), "2025-11", NOW);
        SeekerReport.Figures november = report.current();
        assertThat(november.totals()).isEqualTo(new SeekerReport.Counts(10, 7, 3, 0, 0));
        assertThat(november.rejectionsPerAcceptance()).isCloseTo(2.33, within(0.005));
        assertThat(november.cumulative()).isEqualTo(new SeekerReport.Cumulative(7, 3, 2.3333));
        assertThat(november.byWeek()).extracting(week -> week.week() + "=" + week.counts().rejections())
                .containsExactly("2025-W44=0", "2025-W45=2", "2025-W46=3", "2025-W47=1", "2025-W48=1");
        assertThat(november.byWeek().get(0).start()).isEqualTo(LocalDate.parse("2025-11-01"));
        assertThat(november.goals()).hasSize(2);
        SeekerReport.GoalResult weekly = november.goals().get(0);
        assertThat(weekly.periods()).extracting(SeekerReport.GoalPeriodResult::count).containsExactly(2L, 3L, 1L, 1L);
        assertThat(weekly.periods()).extracting(SeekerReport.GoalPeriodResult::status)
                .containsExactly("MISSED", "MET", "MISSED", "MISSED");
        assertThat(weekly.periodsMet()).isEqualTo(1);
        assertThat(weekly.streak()).isEqualTo(new Streaks.Streak(0, 1));
        SeekerReport.GoalResult month = november.goals().get(1);
        assertThat(month.periods()).containsExactly(new SeekerReport.GoalPeriodResult(LocalDate.parse("2025-11-03"),
                LocalDate.parse("2025-11-30"), 7, 12, "MISSED"));
        assertThat(month.periodsMet()).isZero();
        assertThat(november.byCategory()).extracting(SeekerReport.CategoryFigures::category)
                .containsExactly(Category.PITCH);
        assertThat(november.sting()).isEqualTo(new SeekerReport.Sting(7, 4.0));
    }

    @Test
    void thePreviousPeriodStandsBesideIt() {
        SeekerReport report = report(novemberOfNo(), "2025-12", NOW);
        assertThat(report.current().totals()).isEqualTo(new SeekerReport.Counts(0, 0, 0, 0, 0));
        assertThat(report.previous().period().name()).isEqualTo("2025-11");
        assertThat(report.previous().totals().rejections()).isEqualTo(7);
        // the critical mass of nos carries on to the end of December
        assertThat(report.current().cumulative().rejections()).isEqualTo(7);
        assertThat(report.current().goals()).isEmpty();
    }

    @Test
    void aReplyAfterThePeriodIsWaitingAsKnownThenAndAnsweredAsKnownNow() {
        History history = novemberOfNo();
        UUID late = history.attempt(WRITER, Category.PITCH, "Late Review", "2025-11-20");
        history.rejected(WRITER, late, "2025-12-03", 2);

        SeekerReport then = report(history, "2025-11", Instant.parse("2025-11-30T23:59:59Z"));
        assertThat(then.current().ofAttemptsSent().waiting()).isEqualTo(1);
        assertThat(then.current().ofAttemptsSent().rejected()).isEqualTo(7);
        SeekerReport now = report(history, "2025-11", NOW);
        assertThat(now.current().ofAttemptsSent().waiting()).isZero();
        assertThat(now.current().ofAttemptsSent().rejected()).isEqualTo(8);
        // the rejection itself counts in December, the period of its own date
        assertThat(now.current().totals().rejections()).isEqualTo(7);
        assertThat(report(history, "2025-12", NOW).current().totals().rejections()).isEqualTo(1);
    }

    @Test
    void responseTimesAreDaysFromSendingToTheAnswer() {
        SeekerReport report = report(novemberOfNo(), "2025-11", NOW);
        SeekerReport.ResponseTimes times = report.current().responseTimes();
        assertThat(times.rejections()).isEqualTo(new SeekerReport.Spread(7, 1L, 9.0, 23L));
        assertThat(times.acceptances()).isEqualTo(new SeekerReport.Spread(3, 4L, 15.0, 25L));
        assertThat(times.all().responses()).isEqualTo(10);
        assertThat(times.all().medianDays()).isEqualTo(10.0);
    }

    @Test
    void theStingTrendAgainstThePreviousPeriod() {
        History history = novemberOfNo();
        UUID december = history.attempt(WRITER, Category.PITCH, "December Quarterly", "2025-12-01");
        history.rejected(WRITER, december, "2025-12-10", 2);
        SeekerReport report = report(history, "2025-12", NOW);
        assertThat(report.current().sting()).isEqualTo(new SeekerReport.Sting(1, 2.0));
        assertThat(report.stingChange()).isEqualTo(-2.0);
    }

    @Test
    void reflectionsAndChaptersOfThePeriod() {
        History history = novemberOfNo();
        UUID attempt = history.attempt(WRITER, Category.PITCH, "Harper's", "2025-11-05");
        history.rejected(WRITER, attempt, "2025-11-08", 5);
        history.at("2025-11-09", new ReflectionRecorded(attempt, WRITER, UUID.randomUUID(), "A form no",
                "Pitch the editor by name", null, null, LocalDate.parse("2025-11-09")));
        SeekerReport report = report(history, "2025-11", NOW);
        assertThat(report.reflections()).singleElement()
                .satisfies(reflection -> {
                    assertThat(reflection.target()).isEqualTo("Harper's");
                    assertThat(reflection.whatILearned()).isEqualTo("Pitch the editor by name");
                });
        // three acceptances close three chapters: 2 nos, then the Harper's no and 3 more, then 2
        assertThat(report.chapters()).extracting(chapter -> chapter.rejections()).containsExactly(2L, 4L, 2L);
        assertThat(report.current().chaptersClosed()).isEqualTo(3);
        assertThat(report(history, "2025-10", NOW).reflections()).isEmpty();
    }

    @Test
    void theActivityStreakAtThePeriodsEndSkipsPausedDays() {
        History history = new History();
        history.at("2025-10-01", new SeekerRegistered(WRITER, "wren", "Wren", ZoneId.of("UTC")));
        history.at("2025-11-01", new PauseScheduled(UUID.randomUUID(), WRITER, LocalDate.parse("2025-11-27"),
                LocalDate.parse("2025-11-28"), "Thanksgiving"));
        for (String day : List.of("2025-11-24", "2025-11-25", "2025-11-26", "2025-11-29", "2025-11-30",
                "2025-12-05")) {
            history.attempt(WRITER, Category.JOB, "Company " + day, day);
        }
        SeekerReport report = report(history, "2025-11", NOW);
        assertThat(report.current().activity()).isEqualTo(new Streaks.Activity(5, 5, LocalDate.parse("2025-11-30")));
    }

    @Nested
    class Periods {

        @Test
        void aWeekAMonthAndAYear() {
            assertThat(ReportPeriod.parse("2025-W45")).get().satisfies(period -> {
                assertThat(period.start()).isEqualTo(LocalDate.parse("2025-11-03"));
                assertThat(period.end()).isEqualTo(LocalDate.parse("2025-11-09"));
                assertThat(period.previous().name()).isEqualTo("2025-W44");
            });
            assertThat(ReportPeriod.parse("2026-W01").orElseThrow().start()).isEqualTo(LocalDate.parse("2025-12-29"));
            assertThat(ReportPeriod.parse("2024-03").orElseThrow().previous().end())
                    .isEqualTo(LocalDate.parse("2024-02-29"));
            ReportPeriod year = ReportPeriod.parse("2025").orElseThrow();
            assertThat(year.weeks()).hasSize(53);
            assertThat(year.weeks().get(0).start()).isEqualTo(LocalDate.parse("2025-01-01"));
            assertThat(year.weeks().get(52).end()).isEqualTo(LocalDate.parse("2025-12-31"));
        }

        @Test
        void whatIsNoPeriod() {
            for (String text : List.of("2025-13", "2025-W53", "2026-W54", "2025-W00", "25", "2025-1", "1899",
                    "2025-11-01", "", "W45", "99999")) {
                assertThat(ReportPeriod.parse(text)).as(text).isEmpty();
            }
            assertThat(ReportPeriod.parse("2020-W53")).isPresent();
            assertThat(ReportPeriod.parse("2026-W53")).isPresent();
        }
    }
}
