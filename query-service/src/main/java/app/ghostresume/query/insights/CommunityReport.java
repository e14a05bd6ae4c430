package app.ghostresume.query.insights;

import java.time.Instant;
import java.util.List;

/**
 * The community report: the answers to every question over all history, computed at {@code computedAt} from the
 * topic's first {@code events} events, no cell covering fewer than {@code privacyThreshold} seekers. What
 * {@code GET /api/insights} serves.
 */
public record CommunityReport(Instant computedAt, long events, int privacyThreshold, List<Table> tables) {

    static CommunityReport of(CommunityHistory history, Privacy privacy, Instant computedAt) {
        return new CommunityReport(computedAt, history.events(), privacy.threshold(),
                Questions.ALL.stream().map(question -> question.answer(history, privacy)).toList());
    }
}
