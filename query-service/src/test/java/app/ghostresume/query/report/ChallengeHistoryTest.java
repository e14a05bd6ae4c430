package app.ghostresume.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.ShareHidden;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.query.challenge.ChallengeTable;
import app.ghostresume.query.support.History;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The challenge report's fold over plain events: who is in the table, and which shares the group sees. */
class ChallengeHistoryTest {

    private static final UUID CHALLENGE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final Map<String, UUID> SEEKERS = Map.of("ann", UUID.randomUUID(), "ben", UUID.randomUUID(),
            "cat", UUID.randomUUID(), "dan", UUID.randomUUID(), "eve", UUID.randomUUID(), "fox", UUID.randomUUID());

    /**
     * November 2025: ann stays; ben leaves on day 12 (during it); cat leaves in January (after it); dan leaves
     * on day 5 and rejoins on day 9; eve joins in December (after it); fox erased the account after the end.
     */
    private static History story() {
        History history = new History();
        SEEKERS.forEach((handle, id) -> history.at("2025-10-01",
                new SeekerRegistered(id, handle, handle.toUpperCase(), ZoneId.of("UTC"))));
        history.at("2025-10-20", new ChallengeCreated(CHALLENGE, seeker("ann"), "November of NO", null,
                LocalDate.parse("2025-11-01"), LocalDate.parse("2025-11-30"),
                new ChallengeGoal(GoalMetric.REJECTIONS, Category.PITCH, 1, ChallengeGoal.Per.WEEK),
                ChallengeVisibility.INVITE, "NO", LocalDate.parse("2025-10-20")));
        for (String handle : List.of("ann", "ben", "cat", "dan", "fox")) {
            history.at("2025-11-01", new ChallengeJoined(CHALLENGE, seeker(handle), LocalDate.parse("2025-11-01")));
        }
        history.at("2025-11-05", new ChallengeLeft(CHALLENGE, seeker("dan"), LocalDate.parse("2025-11-05")));
        history.at("2025-11-09", new ChallengeJoined(CHALLENGE, seeker("dan"), LocalDate.parse("2025-11-09")));
        history.at("2025-11-12", new ChallengeLeft(CHALLENGE, seeker("ben"), LocalDate.parse("2025-11-12")));
        history.at("2025-12-03", new ChallengeJoined(CHALLENGE, seeker("eve"), LocalDate.parse("2025-12-03")));
        history.at("2026-01-10", new ChallengeLeft(CHALLENGE, seeker("cat"), LocalDate.parse("2026-01-10")));
        UUID pitch = history.attempt(seeker("cat"), Category.PITCH, "Cat's Target", "2025-11-03");
        history.rejected(seeker("cat"), pitch, "2025-11-04", 3);
        UUID job = history.attempt(seeker("cat"), Category.JOB, "Not in the goal's category", "2025-11-03");
        history.rejected(seeker("cat"), job, "2025-11-04", 3);
        UUID december = history.attempt(seeker("ann"), Category.PITCH, "Too late", "2025-12-01");
        history.rejected(seeker("ann"), december, "2025-12-02", 3);
        history.at("2026-02-01", new SeekerErased(seeker("fox"), LocalDate.parse("2026-02-01")));
        return history;
    }

    private static UUID seeker(String handle) {
        return SEEKERS.get(handle);
    }

    private static ChallengeReport report(History history, Instant asOf) {
        List<EventEnvelope> events = history.upTo(asOf);
        List<EventEnvelope> challenge = events.stream()
                .filter(event -> event.aggregateId().equals(CHALLENGE.toString())).toList();
        ChallengeHistory replayed = ChallengeHistory.of(CHALLENGE, challenge).orElseThrow();
        List<EventEnvelope> members = events.stream()
                .filter(event -> ChallengeHistory.joiners(challenge).contains(event.seekerId())).toList();
        List<EventEnvelope> shares = events.stream()
                .filter(event -> replayed.sharesIn(members).contains(UUID.fromString(event.aggregateId()))).toList();
        return replayed.report(members, shares, asOf);
    }

    @Test
    void theTableHoldsTheMembersOfTheWindowsLastDay() {
        ChallengeReport report = report(story(), NOW);
        assertThat(report.members()).extracting(member -> member.handle() + " " + member.displayName())
                .containsExactly("ann ANN", "cat CAT", "dan DAN", "null " + ChallengeTable.FORMER_MEMBER);
        assertThat(report.members().get(2).joinedOn()).isEqualTo(LocalDate.parse("2025-11-09"));
        // only cat's pitch rejection counts: in the window and the goal's category
        assertThat(report.group()).isEqualTo(new ChallengeReport.Group(4, 1, 1, 0, 0));
        assertThat(report.leaderboard().get(0).handle()).isEqualTo("cat");
        assertThat(report.ended()).isTrue();
        assertThat(report.weeks()).hasSize(5);
    }

    @Test
    void asKnownWhileItRanTheTableIsThatDaysOne() {
        ChallengeReport report = report(story(), Instant.parse("2025-11-06T00:00:00Z"));
        assertThat(report.members()).extracting(member -> member.handle())
                .containsExactly("ann", "ben", "cat", "fox");
        // fox's erasure was not known yet
        assertThat(report.ended()).isFalse();
        assertThat(report.members().get(2).progress().weeksMet()).isEqualTo(0);
        assertThat(report.members().get(2).progress().count()).isEqualTo(1);
    }

    @Test
    void theMostSupportedSharesAreTheFeedsAsMembersSeeIt() {
        History history = story();
        UUID open = UUID.randomUUID();
        UUID anonymous = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        share(history, open, "ann", false, CHALLENGE, "Ann's story");
        share(history, anonymous, "cat", true, CHALLENGE, "Cat's story");
        share(history, hidden, "dan", false, CHALLENGE, "Dan's story");
        share(history, elsewhere, "ann", false, UUID.randomUUID(), "Another challenge's");
        for (String supporter : List.of("ben", "cat")) {
            history.at("2025-11-21", new SupportOffered(open, seeker(supporter), SupportKind.HUG, null,
                    LocalDate.parse("2025-11-21")));
        }
        history.at("2025-11-21", new SupportOffered(anonymous, seeker("ann"), SupportKind.ME_TOO, null,
                LocalDate.parse("2025-11-21")));
        history.at("2025-11-22", new ShareHidden(hidden, seeker("ann"), 3, LocalDate.parse("2025-11-22")));

        List<ChallengeReport.FeedShare> shares = report(history, NOW).mostSupported();
        assertThat(shares).extracting(ChallengeReport.FeedShare::story).containsExactly("Ann's story", "Cat's story");
        assertThat(shares.get(0).support()).isEqualTo(2);
        assertThat(shares.get(0).authorHandle()).isEqualTo("ann");
        assertThat(shares.get(0).sharedWeek()).isEqualTo(LocalDate.parse("2025-11-17"));
        ChallengeReport.FeedShare cats = shares.get(1);
        assertThat(cats.anonymous()).isTrue();
        assertThat(cats.authorHandle()).isNull();
        assertThat(cats.sharedWeek()).isNull();
        assertThat(cats.decidedWeek()).isNull();
    }

    private static void share(History history, UUID shareId, String author, boolean anonymous, UUID challengeId,
            String story) {
        history.at("2025-11-20", new RejectionShared(shareId, seeker(author), null, AttemptStatus.REJECTED,
                Category.PITCH, null, 3, LocalDate.parse("2025-11-19"), LocalDate.parse("2025-11-20"), story,
                anonymous, ShareAudience.CHALLENGE, challengeId));
    }
}
