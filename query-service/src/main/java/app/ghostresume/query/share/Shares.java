package app.ghostresume.query.share;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.DateRange;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import app.ghostresume.query.platform.Cursor;
import app.ghostresume.query.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads shares: one query for the page (in feed position order, on a partial index per feed, with the author's
 * handle for a share that is not anonymous and the ghost résumé behind an acceptance, which an anonymous share shows
 * its author alone), one for the support they got. The author's id never leaves the database: the query answers
 * only whether the reader is the author. An anonymous challenge share shows others no dates, and only once its
 * challenge has {@value #MEMBERS_TO_HIDE_AN_AUTHOR_AMONG} current members.
 */
@Component
class Shares {

    /**
     * {@code s} is the share; {@code :reader} the reader. The ghost résumé behind an acceptance: the author's
     * rejections and ghostings in its category decided after their previous acceptance in that category and on or
     * before this one (on one day, rejections come before an acceptance; acceptances on one day are ordered by the
     * day sent, then id). Until the accepted attempt is on the board the share's own date stands in for it. It is
     * counted only for an acceptance that shows it to the reader: that condition, on the share alone, stands inside
     * the lateral, where PostgreSQL checks it once per share before any scan (in the join's ON it was checked after
     * the counting, which was nine tenths of a feed page's database time).
     */
    private static final String SELECT = """
            SELECT s.share_id, s.outcome, s.category, s.stage_reached, s.sting, s.decided_on, s.shared_on, s.story,
                   s.anonymous, s.audience, s.challenge_id, s.hidden, s.position, s.author_id = :reader AS mine,
                   %s AS attempt_id,
                   CASE WHEN s.anonymous THEN NULL ELSE a.handle END AS handle,
                   CASE WHEN s.anonymous THEN NULL ELSE a.display_name END AS display_name,
                   gr.rejections, gr.ghostings, gr.since
            FROM share s
            LEFT JOIN seeker a ON a.seeker_id = s.author_id AND NOT s.anonymous
            LEFT JOIN attempt_board acc
                   ON acc.attempt_id = s.attempt_id AND acc.seeker_id = s.author_id AND acc.status = 'ACCEPTED'
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE r.status = 'REJECTED') AS rejections,
                       count(*) FILTER (WHERE r.status = 'GHOSTED') AS ghostings,
                       min(r.outcome_on) AS since
                FROM attempt_board r
                WHERE s.outcome = 'ACCEPTED' AND (NOT s.anonymous OR s.author_id = :reader)
                  AND r.seeker_id = s.author_id AND r.status IN ('REJECTED', 'GHOSTED') AND r.category = s.category
                  AND r.outcome_on <= coalesce(acc.outcome_on, s.decided_on)
                  AND r.outcome_on > coalesce((
                      SELECT max(p.outcome_on)
                      FROM attempt_board p
                      WHERE p.seeker_id = s.author_id AND p.status = 'ACCEPTED' AND p.category = s.category
                        AND p.attempt_id <> s.attempt_id
                        AND (p.outcome_on, p.sent_on, p.attempt_id)
                            < (coalesce(acc.outcome_on, s.decided_on), coalesce(acc.sent_on, 'infinity'::date),
                               s.attempt_id)), '-infinity'::date)
            ) gr ON true
            """;

    /**
     * How many current members a challenge needs before its members see an anonymous share in it: with fewer, the
     * members could tell its author apart from the challenge's weekly table.
     */
    static final int MEMBERS_TO_HIDE_AN_AUTHOR_AMONG = 3;

    /** An anonymous challenge share shows only to its author while its challenge is too small to hide them in. */
    private static final String CROWD = """
            (NOT s.anonymous OR s.author_id = :reader
             OR (SELECT count(*) FROM challenge_member crowd
                 WHERE crowd.challenge_id = s.challenge_id AND crowd.left_on IS NULL) >= %d)"""
            .formatted(MEMBERS_TO_HIDE_AN_AUTHOR_AMONG);

    private static final String MEMBER = """
            EXISTS (SELECT 1 FROM challenge_member m
                    WHERE m.challenge_id = s.challenge_id AND m.seeker_id = :reader AND m.left_on IS NULL)""";

    private final JdbcClient jdbc;

    Shares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active, visible PUBLIC shares, newest first. */
    Page<ShareView.Item> publicFeed(UUID reader, int limit, String cursor) {
        return page(reader, "s.active AND NOT s.hidden AND s.audience = 'PUBLIC'", null, false, limit, cursor);
    }

    /** Active, visible shares with the members of one challenge, newest first. */
    Page<ShareView.Item> challengeFeed(UUID reader, UUID challengeId, int limit, String cursor) {
        return page(reader, "s.active AND NOT s.hidden AND s.audience = 'CHALLENGE' AND s.challenge_id = :challengeId"
                + " AND " + CROWD, challengeId, false, limit, cursor);
    }

    /** The reader's own active shares, hidden ones included, newest first. */
    Page<ShareView.Item> own(UUID reader, int limit, String cursor) {
        return page(reader, "s.active AND s.author_id = :reader", null, true, limit, cursor);
    }

    boolean isMember(UUID challengeId, UUID reader) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM challenge_member
                               WHERE challenge_id = :challengeId AND seeker_id = :reader AND left_on IS NULL)
                """)
                .param("challengeId", challengeId)
                .param("reader", reader)
                .query(Boolean.class)
                .single();
    }

    /** One share, if the reader may see it in a feed or wrote it, with its support messages. */
    Optional<ShareView.Item> find(UUID reader, UUID shareId) {
        Optional<Row> found = jdbc.sql(SELECT.formatted("NULL::uuid") + """
                WHERE s.share_id = :shareId AND s.active
                  AND (s.author_id = :reader
                       OR (NOT s.hidden AND (s.audience = 'PUBLIC' OR (s.audience = 'CHALLENGE' AND %s AND %s))))
                """.formatted(MEMBER, CROWD))
                .param("reader", reader)
                .param("shareId", shareId)
                .query((rs, row) -> row(rs))
                .optional();
        return found.map(row -> {
            Map<UUID, Support> support = support(reader, List.of(shareId), true);
            return item(row, support.get(shareId), false, true);
        });
    }

    private Page<ShareView.Item> page(UUID reader, String condition, UUID challengeId, boolean own, int limit,
            String cursor) {
        Long after = cursor == null ? null : Cursor.decode(cursor, 1, keys -> Long.parseLong(keys.get(0)));
        List<Row> rows = jdbc.sql(SELECT.formatted(own ? "s.attempt_id" : "NULL::uuid") + """
                WHERE %s %s
                ORDER BY s.position DESC
                LIMIT %d
                """.formatted(condition, after == null ? "" : "AND s.position < :after", limit + 1))
                .param("reader", reader)
                .param("challengeId", challengeId)
                .param("after", after)
                .query((rs, row) -> row(rs))
                .list();
        List<Row> shown = rows.stream().limit(limit).toList();
        Map<UUID, Support> support = shown.isEmpty() ? Map.of()
                : support(reader, shown.stream().map(Row::shareId).toList(), false);
        List<ShareView.Item> items = shown.stream().map(row -> item(row, support.get(row.shareId()), own, false))
                .toList();
        String next = rows.size() > limit ? Cursor.encode(rows.get(limit - 1).position()) : null;
        return new Page<>(items, next);
    }

    /** Support per share and kind, counted in SQL, with whether the reader gave it (and the messages). */
    private Map<UUID, Support> support(UUID reader, List<UUID> shareIds, boolean withMessages) {
        Map<UUID, Support> support = new HashMap<>();
        jdbc.sql("""
                SELECT share_id, kind, count(*) AS given, bool_or(supporter_id = :reader) AS by_me, %s AS messages
                FROM share_support
                WHERE share_id IN (:shareIds)
                GROUP BY share_id, kind
                ORDER BY share_id, kind
                """.formatted(withMessages
                        ? "array_agg(message ORDER BY offered_at, supporter_id) FILTER (WHERE message IS NOT NULL)"
                        : "NULL::text[]"))
                .param("reader", reader)
                .param("shareIds", shareIds)
                .query(rs -> {
                    Support of = support.computeIfAbsent(rs.getObject("share_id", UUID.class), id -> new Support());
                    SupportKind kind = SupportKind.valueOf(rs.getString("kind"));
                    of.counts.put(kind, rs.getLong("given"));
                    if (rs.getBoolean("by_me")) {
                        of.byMe.add(kind);
                    }
                    Array messages = rs.getArray("messages");
                    if (messages != null) {
                        for (Object message : (Object[]) messages.getArray()) {
                            of.messages.add(new ShareView.Message(kind, (String) message));
                        }
                    }
                });
        return support;
    }

    private static ShareView.Item item(Row row, Support support, boolean own, boolean detail) {
        Support given = support == null ? new Support() : support;
        Map<SupportKind, Long> counts = new EnumMap<>(SupportKind.class);
        for (SupportKind kind : SupportKind.values()) {
            counts.put(kind, given.counts.getOrDefault(kind, 0L));
        }
        boolean unnamed = row.anonymous() && !row.mine();
        // for others, an anonymous acceptance's counts would match its author's public ghost résumé, and an
        // anonymous challenge share's weeks the challenge's weekly table
        ShareView.GhostResume ghostResume = row.outcome() != AttemptStatus.ACCEPTED || unnamed ? null
                : new ShareView.GhostResume(row.rejections(), row.ghostings(), week(row.since()));
        boolean undated = unnamed && row.audience() == ShareAudience.CHALLENGE;
        return new ShareView.Item(row.shareId(), row.outcome(), row.category(), row.stageReached(), row.sting(),
                undated ? null : week(row.decidedOn()), undated ? null : week(row.sharedOn()), row.story(),
                row.anonymous(),
                row.anonymous() || row.handle() == null ? null : new ShareView.Author(row.handle(), row.displayName()),
                row.audience(), row.audience() == ShareAudience.CHALLENGE ? row.challengeId() : null, counts,
                given.byMe.stream().sorted().toList(), row.mine(), ghostResume,
                own ? row.attemptId() : null, own || (detail && row.mine()) ? row.hidden() : null,
                detail ? given.messages : null);
    }

    private static LocalDate week(LocalDate date) {
        return date == null ? null : DateRange.isoWeekOf(date).start();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Integer sting = rs.getObject("sting", Integer.class);
        return new Row(rs.getObject("share_id", UUID.class), AttemptStatus.valueOf(rs.getString("outcome")),
                Category.valueOf(rs.getString("category")), rs.getString("stage_reached"), sting,
                rs.getObject("decided_on", LocalDate.class), rs.getObject("shared_on", LocalDate.class),
                rs.getString("story"), rs.getBoolean("anonymous"), ShareAudience.valueOf(rs.getString("audience")),
                rs.getObject("challenge_id", UUID.class), rs.getBoolean("hidden"), rs.getLong("position"),
                rs.getBoolean("mine"), rs.getObject("attempt_id", UUID.class), rs.getString("handle"),
                rs.getString("display_name"), rs.getLong("rejections"), rs.getLong("ghostings"),
                rs.getObject("since", LocalDate.class));
    }

    /** A share as read; the author only as handle and display name, and only when not anonymous. */
    private record Row(UUID shareId, AttemptStatus outcome, Category category, String stageReached, Integer sting,
            LocalDate decidedOn, LocalDate sharedOn, String story, boolean anonymous, ShareAudience audience,
            UUID challengeId, boolean hidden, long position, boolean mine, UUID attemptId, String handle,
            String displayName, long rejections, long ghostings, LocalDate since) {
    }

    private static final class Support {

        private final Map<SupportKind, Long> counts = new EnumMap<>(SupportKind.class);
        private final List<SupportKind> byMe = new ArrayList<>();
        private final List<ShareView.Message> messages = new ArrayList<>();
    }
}
