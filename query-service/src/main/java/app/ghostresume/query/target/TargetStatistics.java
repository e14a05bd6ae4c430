package app.ghostresume.query.target;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import app.ghostresume.query.platform.Ratio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pools every seeker's attempts at one target, by {@code attempt_board.target_key}, over attempts sent in the last
 * twelve months (from the same day a year ago, UTC). Withdrawn attempts do not count at all. A target is shown only
 * when at least {@value #MIN_SEEKERS} distinct seekers have a decided attempt (rejected, accepted or ghosted) with it
 * in that window, counting only seekers with an established history: registered at least
 * {@code TARGET_SEEKER_ESTABLISHED_AFTER} (30 days) ago by the service's clock, with decided attempts at
 * {@code TARGET_SEEKER_ESTABLISHED_TARGETS} (3) targets or more. That keeps a handful of accounts made for the
 * purpose from unlocking what a few real seekers told; it cannot stop someone patient enough to keep such accounts
 * for a month with plausible histories. One indexed query each.
 */
@Component
class TargetStatistics {

    static final int MIN_SEEKERS = 5;

    private static final String DECIDED = "status IN ('REJECTED', 'ACCEPTED', 'GHOSTED')";

    /**
     * Of the seekers among {@code candidates}, those with an established history: registered at least
     * {@code :establishedBy} ago, with decided attempts at {@code :establishedTargets} targets or more (looked for
     * until that many are found, not counted to the end).
     */
    private static final String ESTABLISHED = """
            established AS (
                SELECT s.seeker_id FROM seeker s
                WHERE s.seeker_id IN (SELECT seeker_id FROM candidates) AND s.registered_at <= :establishedBy
                  AND (SELECT count(*) FROM (SELECT DISTINCT o.target_key FROM attempt_board o
                                             WHERE o.seeker_id = s.seeker_id
                                               AND o.status IN ('REJECTED', 'ACCEPTED', 'GHOSTED')
                                             LIMIT :establishedTargets) enough)
                      >= :establishedTargets)""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration establishedAfter;
    private final int establishedTargets;

    TargetStatistics(JdbcClient jdbc, Clock clock, TargetSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.establishedAfter = settings.seekerEstablishedAfter();
        this.establishedTargets = settings.seekerEstablishedTargets();
    }

    Optional<Target> of(String key) {
        return jdbc.sql("""
                WITH candidates AS (
                    SELECT seeker_id FROM attempt_board
                    WHERE target_key = :key AND sent_on >= :since AND %1$s),
                %2$s
                SELECT count(DISTINCT seeker_id) AS seekers,
                       count(DISTINCT seeker_id) FILTER (WHERE %1$s
                           AND seeker_id IN (SELECT seeker_id FROM established)) AS deciding_seekers,
                       count(*) AS attempts,
                       count(*) FILTER (WHERE %1$s) AS decided,
                       count(*) FILTER (WHERE status = 'ACCEPTED') AS acceptances,
                       count(*) FILTER (WHERE status = 'REJECTED') AS rejections,
                       count(*) FILTER (WHERE status = 'GHOSTED') AS ghostings,
                       count(*) FILTER (WHERE status = 'REJECTED' AND stage IS NOT NULL) AS later_stage_rejections,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY (outcome_on - sent_on)::float8)
                           FILTER (WHERE status IN ('REJECTED', 'ACCEPTED')) AS median_days,
                       percentile_cont(0.75) WITHIN GROUP (ORDER BY (outcome_on - sent_on)::float8)
                           FILTER (WHERE status IN ('REJECTED', 'ACCEPTED')) AS p75_days
                FROM attempt_board
                WHERE target_key = :key AND sent_on >= :since AND status <> 'WITHDRAWN'
                """.formatted(DECIDED, ESTABLISHED))
                .param("key", key)
                .param("since", since())
                .param("establishedBy", establishedBy())
                .param("establishedTargets", establishedTargets)
                .query((rs, row) -> {
                    long decided = rs.getLong("decided");
                    long rejections = rs.getLong("rejections");
                    return rs.getLong("deciding_seekers") < MIN_SEEKERS ? null
                            : new Target(key, TargetKey.name(key), rs.getLong("seekers"), rs.getLong("attempts"),
                                    decided, Ratio.of(rs.getLong("acceptances"), decided), Ratio.of(rejections, decided),
                                    Ratio.of(rs.getLong("ghostings"), decided), rs.getObject("median_days", Double.class),
                                    rs.getObject("p75_days", Double.class),
                                    Ratio.of(rs.getLong("later_stage_rejections"), rejections));
                })
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    /** Targets whose key starts with {@code prefix} and that meet the threshold, most seekers first. */
    List<Summary> search(String prefix, int limit) {
        // the range [prefix, prefix with its last character raised) holds exactly the keys starting with it, and
        // reads as a range on the text_pattern_ops index whatever plan PostgreSQL chooses
        int last = prefix.codePointBefore(prefix.length());
        String upper = prefix.substring(0, prefix.length() - Character.charCount(last))
                + new String(Character.toChars(last + 1));
        return jdbc.sql("""
                WITH board AS (
                    SELECT target_key, seeker_id, status FROM attempt_board
                    WHERE target_key ~>=~ :prefix AND target_key ~<~ :upper AND starts_with(target_key, :prefix)
                      AND sent_on >= :since AND status <> 'WITHDRAWN'),
                candidates AS (SELECT seeker_id FROM board WHERE %1$s),
                %2$s
                SELECT target_key, count(DISTINCT seeker_id) AS seekers, count(*) AS attempts
                FROM board
                GROUP BY target_key
                HAVING count(DISTINCT seeker_id) FILTER (WHERE %1$s
                    AND seeker_id IN (SELECT seeker_id FROM established)) >= :minSeekers
                ORDER BY seekers DESC, attempts DESC, target_key
                LIMIT %3$d
                """.formatted(DECIDED, ESTABLISHED, limit))
                .param("establishedBy", establishedBy())
                .param("establishedTargets", establishedTargets)
                .param("prefix", prefix)
                .param("upper", upper)
                .param("since", since())
                .param("minSeekers", MIN_SEEKERS)
                .query((rs, row) -> new Summary(rs.getString("target_key"), TargetKey.name(rs.getString("target_key")),
                        rs.getLong("seekers"), rs.getLong("attempts")))
                .list();
    }

    private OffsetDateTime establishedBy() {
        return OffsetDateTime.ofInstant(clock.instant().minus(establishedAfter), ZoneOffset.UTC);
    }

    private LocalDate since() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusMonths(12);
    }


    /**
     * {@code GET /api/targets/{targetKey}}. Rates are over decided attempts; days to response over rejections and
     * acceptances; {@code laterStageRejectionShare} is the share of rejections that came after the attempt reached a
     * stage.
     */
    record Target(String targetKey, String name, long seekers, long attempts, long decided, Double acceptanceRate,
            Double rejectionRate, Double ghostingRate, Double medianDaysToResponse, Double p75DaysToResponse,
            Double laterStageRejectionShare) {
    }

    /** One hit of {@code GET /api/targets?query=}. */
    record Summary(String targetKey, String name, long seekers, long attempts) {
    }
}
