package app.ghostresume.query.share;

import java.util.UUID;
import java.util.function.Supplier;

import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import app.ghostresume.query.platform.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/feed}: public shares; {@code GET /api/challenges/{challengeId}/feed}: a challenge's shares, for its
 * current members only (404 to anyone else, like an unknown challenge); {@code GET /api/shares/{shareId}}: one share
 * with its support messages, for whoever may see it in a feed and for its author (404 otherwise);
 * {@code GET /api/me/shares}: the caller's own active shares. All newest (re-)shared first.
 */
@RestController
class ShareController {

    private final Shares shares;

    ShareController(Shares shares) {
        this.shares = shares;
    }

    @GetMapping("/api/feed")
    Page<ShareView.Item> feed(@CurrentSeeker UUID seekerId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        return shares.publicFeed(seekerId, limit, cursor);
    }

    @GetMapping("/api/challenges/{challengeId}/feed")
    Page<ShareView.Item> challengeFeed(@CurrentSeeker UUID seekerId, @PathVariable String challengeId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        UUID id = parse(challengeId, () -> noChallenge(challengeId));
        if (!shares.isMember(id, seekerId)) {
            throw noChallenge(challengeId);
        }
        return shares.challengeFeed(seekerId, id, limit, cursor);
    }

    @GetMapping("/api/shares/{shareId}")
    ShareView.Item share(@CurrentSeeker UUID seekerId, @PathVariable String shareId) {
        UUID id = parse(shareId, () -> noShare(shareId));
        return shares.find(seekerId, id).orElseThrow(() -> noShare(shareId));
    }

    @GetMapping("/api/me/shares")
    Page<ShareView.Item> mine(@CurrentSeeker UUID seekerId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        return shares.own(seekerId, limit, cursor);
    }

    private static UUID parse(String id, Supplier<ApiProblem> notFound) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException ex) {
            throw notFound.get();
        }
    }

    /** The same problem as every other challenge endpoint's for a challenge the caller may not see. */
    private static ApiProblem noChallenge(String challengeId) {
        return ApiProblem.notFound("No challenge " + challengeId + ".");
    }

    private static ApiProblem noShare(String shareId) {
        return ApiProblem.notFound("No share " + shareId + ".");
    }
}
