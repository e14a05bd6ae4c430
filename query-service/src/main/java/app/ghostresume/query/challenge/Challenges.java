package app.ghostresume.query.challenge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.ChallengeWeeks;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.query.seeker.SeekerDirectory;
import app.ghostresume.query.platform.Cursor;
import app.ghostresume.query.platform.StorableDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads challenges, their members and the members' counts. Only current members are shown. A member's counts are
 * their counted facts inside the challenge window, whatever day they joined: attempts by the day sent, rejections
 * and acceptances by the day received, in the goal's category when it names one (the group sees nothing of a
 * member's other categories).
 */
@Component
class Challenges {

    /** How a member who erased their account appears in the challenge's table, with their counts. */
    static final String FORMER_MEMBER = ChallengeTable.FORMER_MEMBER;

    private final JdbcClient jdbc;
    private final SeekerDirectory seekers;

    Challenges(JdbcClient jdbc, SeekerDirectory seekers) {
        this.jdbc = jdbc;
        this.seekers = seekers;
    }

    Optional<ChallengeRow> find(UUID challengeId) {
        return jdbc.sql("""
                SELECT challenge_id, name, description, starts_on, ends_on, goal_metric, goal_category, goal_target,
                       goal_per, visibility, invite_code
                FROM challenge WHERE challenge_id = :challengeId
                """)
                .param("challengeId", challengeId)
                .query((rs, row) -> {
                    String category = rs.getString("goal_category");
                    return new ChallengeRow(rs.getObject("challenge_id", UUID.class), rs.getString("name"),
                            rs.getString("description"), rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("ends_on", LocalDate.class),
                            new ChallengeGoal(GoalMetric.valueOf(rs.getString("goal_metric")),
                                    category == null ? null : Category.valueOf(category), rs.getInt("goal_target"),
                                    ChallengeGoal.Per.valueOf(rs.getString("goal_per"))),
                            ChallengeVisibility.valueOf(rs.getString("visibility")), rs.getString("invite_code"));
                })
                .optional();
    }

    boolean isMember(UUID challengeId, UUID seekerId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM challenge_member
                               WHERE challenge_id = :challengeId AND seeker_id = :seekerId AND left_on IS NULL)
                """)
                .param("challengeId", challengeId)
                .param("seekerId", seekerId)
                .query(Boolean.class)
                .single();
    }

    /** The challenge as the group sees it; {@code withInviteCode} for members. */
    ChallengeView.Challenge view(ChallengeRow challenge, boolean withInviteCode) {
        List<ChallengeWeeks.Week> weeks = ChallengeWeeks.of(challenge.startsOn(), challenge.endsOn());
        ChallengeTable.Table table = ChallengeTable.of(challenge.goal(), weeks, memberWeeks(challenge, weeks.size()));
        return new ChallengeView.Challenge(challenge.challengeId(), challenge.name(), challenge.description(),
                challenge.startsOn(), challenge.endsOn(), challenge.goal(), challenge.visibility(),
                withInviteCode ? challenge.inviteCode() : null, table.members().size(), weeks, table.members(),
                table.leaderboard());
    }

    /**
     * Public challenges, or (with {@code mine}) the caller's of any visibility, newest first: up to {@code limit}
     * after the cursor, plus the next page's cursor.
     */
    ChallengeView.ChallengeList page(UUID seekerId, boolean mine, int limit, String cursor) {
        Position after = cursor == null ? null : Position.fromCursor(cursor);
        String membership = mine
                ? "JOIN challenge_member me ON me.challenge_id = c.challenge_id AND me.seeker_id = :seekerId "
                        + "AND me.left_on IS NULL"
                : "";
        List<String> conditions = new ArrayList<>();
        if (!mine) {
            conditions.add("c.visibility = 'PUBLIC'");
        }
        if (after != null) {
            conditions.add("(c.created_at, c.challenge_id) < (:afterAt, :afterId)");
        }
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT c.challenge_id, c.name, c.starts_on, c.ends_on, c.visibility, c.created_at,
                       (SELECT count(*) FROM challenge_member m
                        WHERE m.challenge_id = c.challenge_id AND m.left_on IS NULL) AS member_count,
                       EXISTS (SELECT 1 FROM challenge_member m
                               WHERE m.challenge_id = c.challenge_id AND m.seeker_id = :seekerId
                                 AND m.left_on IS NULL) AS member
                FROM challenge c %s
                %s
                ORDER BY c.created_at DESC, c.challenge_id DESC
                LIMIT %d
                """.formatted(membership, conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions),
                        limit + 1))
                .param("seekerId", seekerId);
        if (after != null) {
            query = query.param("afterAt", OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                    .param("afterId", after.challengeId());
        }
        List<SummaryRow> rows = query.query((rs, row) -> new SummaryRow(new ChallengeView.Summary(
                rs.getObject("challenge_id", UUID.class), rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                ChallengeVisibility.valueOf(rs.getString("visibility")), rs.getLong("member_count"),
                rs.getBoolean("member")), new Position(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("challenge_id", UUID.class))))
                .list();
        List<ChallengeView.Summary> summaries = rows.stream().limit(limit).map(SummaryRow::summary).toList();
        String next = rows.size() > limit ? rows.get(limit - 1).position().toCursor() : null;
        return new ChallengeView.ChallengeList(summaries, next);
    }

    /**
     * Current members and their counted facts inside the window ({@code counted_fact}, migration V12), by
     * challenge week ({@link ChallengeWeeks}): one query. The members go in as an array, so each branch of the
     * view is read through its index per member; joined to the members instead, the planner scans the whole board
     * (125 against 13 ms for a 183-member challenge at 1M events). Their names are read the same way: joined, the
     * planner reads every seeker into a hash (a millisecond per 10,000 seekers, for 183 members).
     */
    private List<ChallengeTable.MemberWeeks> memberWeeks(ChallengeRow challenge, int weeks) {
        String categoryFilter = challenge.goal().category() == null ? "" : "AND f.category = :category";
        Map<UUID, ChallengeTable.MemberWeeks> members = new LinkedHashMap<>();
        jdbc.sql("""
                WITH member AS (
                    SELECT m.seeker_id, m.joined_on FROM challenge_member m
                    WHERE m.challenge_id = :challengeId AND m.left_on IS NULL
                ), named AS (
                    SELECT s.seeker_id, s.handle, s.time_zone,
                           CASE WHEN s.erased_on IS NULL THEN s.display_name ELSE :formerMember END AS display_name
                    FROM seeker s WHERE s.seeker_id = ANY(ARRAY(SELECT seeker_id FROM member))
                ), daily AS (
                    SELECT f.seeker_id, f.day, count(*) FILTER (WHERE f.fact = 'SENT') AS attempts,
                           count(*) FILTER (WHERE f.fact = 'REJECTED') AS rejections,
                           count(*) FILTER (WHERE f.fact = 'ACCEPTED') AS acceptances
                    FROM counted_fact f
                    WHERE f.seeker_id = ANY(ARRAY(SELECT seeker_id FROM member))
                      AND f.fact IN ('SENT', 'REJECTED', 'ACCEPTED') AND f.day BETWEEN :startsOn AND :endsOn %s
                    GROUP BY f.seeker_id, f.day
                )
                SELECT m.seeker_id, n.handle, n.display_name, n.time_zone, m.joined_on, d.day, d.attempts,
                       d.rejections, d.acceptances
                FROM member m LEFT JOIN named n ON n.seeker_id = m.seeker_id
                LEFT JOIN daily d ON d.seeker_id = m.seeker_id
                """.formatted(categoryFilter))
                .param("challengeId", challenge.challengeId())
                .param("formerMember", FORMER_MEMBER)
                .param("startsOn", challenge.startsOn())
                .param("endsOn", challenge.endsOn())
                .param("category", challenge.goal().category() == null ? null : challenge.goal().category().name())
                .query(rs -> {
                    UUID seekerId = rs.getObject("seeker_id", UUID.class);
                    if (!members.containsKey(seekerId)) {
                        members.put(seekerId, new ChallengeTable.MemberWeeks(rs.getString("handle"),
                                rs.getString("display_name"), rs.getObject("joined_on", LocalDate.class),
                                seekers.todayIn(rs.getString("time_zone")), weeks));
                    }
                    ChallengeTable.MemberWeeks member = members.get(seekerId);
                    member.add(challenge.startsOn(), rs.getObject("day", LocalDate.class), rs.getLong("attempts"),
                            rs.getLong("rejections"), rs.getLong("acceptances"));
                });
        return new ArrayList<>(members.values());
    }

    /** A challenge as stored. */
    record ChallengeRow(UUID challengeId, String name, String description, LocalDate startsOn, LocalDate endsOn,
            ChallengeGoal goal, ChallengeVisibility visibility, String inviteCode) {
    }

    private record SummaryRow(ChallengeView.Summary summary, Position position) {
    }

    /** Where a page of challenges ends, newest first. */
    private record Position(Instant createdAt, UUID challengeId) {

        String toCursor() {
            return Cursor.encode(createdAt, challengeId);
        }

        static Position fromCursor(String cursor) {
            return Cursor.decode(cursor, 2, keys -> new Position(
                    StorableDates.require(Instant.parse(keys.get(0)), "cursor"), UUID.fromString(keys.get(1))));
        }
    }
}
