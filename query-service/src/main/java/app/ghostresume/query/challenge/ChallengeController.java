package app.ghostresume.query.challenge;

import java.util.UUID;

import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.query.platform.CurrentSeeker;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/challenges/{challengeId}}: one challenge with its members' counts and leaderboard; an INVITE
 * challenge exists only for its members (404 to anyone else, like an unknown id), and only members see the invite
 * code. {@code GET /api/challenges[?mine=true]&limit=&cursor=}: public challenges, or the caller's, newest first.
 */
@RestController
class ChallengeController {

    private final Challenges challenges;

    ChallengeController(Challenges challenges) {
        this.challenges = challenges;
    }

    @GetMapping("/api/challenges/{challengeId}")
    ChallengeView.Challenge challenge(@CurrentSeeker UUID seekerId, @PathVariable String challengeId) {
        UUID id = ChallengeIds.parse(challengeId);
        Challenges.ChallengeRow challenge = challenges.find(id).orElseThrow(() -> ChallengeIds.notFound(challengeId));
        boolean member = challenges.isMember(id, seekerId);
        if (challenge.visibility() == ChallengeVisibility.INVITE && !member) {
            throw ChallengeIds.notFound(challengeId);
        }
        return challenges.view(challenge, member);
    }

    @GetMapping("/api/challenges")
    ChallengeView.ChallengeList challenges(@CurrentSeeker UUID seekerId,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        return challenges.page(seekerId, mine, limit, cursor);
    }
}
