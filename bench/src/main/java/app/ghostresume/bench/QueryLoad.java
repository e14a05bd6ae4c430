package app.ghostresume.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import app.ghostresume.stack.testing.HttpApi;

/**
 * Concurrent readers against the query service, one endpoint at a time so each gets its own latency figures:
 * every client is a stream of different seekers of the seeded history (a deterministic sample of "active" ones,
 * whose tokens are minted beforehand so signing stays out of the measured time) reading the same page.
 */
final class QueryLoad {

    /** One of the reads, and which seeker (with token) asks for which path. */
    record Endpoint(String name, List<Reader> readers, Function<Reader, String> path) {
    }

    /** A seeker who reads, with their token; {@code subject} is what they read when it is not their own page. */
    record Reader(String token, String subject) {
    }

    private QueryLoad() {
    }

    /** The reads measured; {@code targets} is how many targets the seeded attempts went to. */
    /** @param month the month of each seeker's report, {@code 2026-11} */
    static List<Endpoint> endpoints(List<Reader> seekers, List<Reader> withGoals, List<Reader> challengeMembers,
            int targets, String month) {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("board GET /api/me/attempts", seekers, reader -> "/api/me/attempts"));
        endpoints.add(new Endpoint("stats GET /api/me/stats", seekers, reader -> "/api/me/stats"));
        endpoints.add(new Endpoint("timeline GET /api/me/timeline", seekers, reader -> "/api/me/timeline"));
        endpoints.add(new Endpoint("goals GET /api/me/goals", withGoals.isEmpty() ? seekers : withGoals,
                reader -> "/api/me/goals"));
        endpoints.add(new Endpoint("streaks GET /api/me/streaks", seekers, reader -> "/api/me/streaks"));
        endpoints.add(new Endpoint("challenge GET /api/challenges/{id}", challengeMembers,
                reader -> "/api/challenges/" + reader.subject()));
        endpoints.add(new Endpoint("feed GET /api/feed", seekers, reader -> "/api/feed"));
        endpoints.add(new Endpoint("ghost résumé GET /api/me/ghost-resume", seekers,
                reader -> "/api/me/ghost-resume"));
        endpoints.add(new Endpoint("resilience GET /api/me/resilience", seekers, reader -> "/api/me/resilience"));
        endpoints.add(new Endpoint("target GET /api/targets/{key}", seekers,
                reader -> "/api/targets/target-" + Math.floorMod(reader.token().hashCode(), targets)));
        endpoints.add(new Endpoint("month report GET /api/me/reports/{month}", seekers,
                reader -> "/api/me/reports/" + month));
        endpoints.add(new Endpoint("challenge report GET /api/challenges/{id}/report", challengeMembers,
                reader -> "/api/challenges/" + reader.subject() + "/report"));
        return endpoints;
    }

    static Measurement measure(String queryUrl, Endpoint endpoint, int clients, Duration warmUp,
            Duration window, long seed, Supplier<Map<String, Double>> cpu) throws InterruptedException {
        HttpApi api = new HttpApi(queryUrl);
        return LoadRunner.run(endpoint.name(), clients, warmUp, window, cpu, client -> {
            Random random = new Random(seed * 31 + client);
            return () -> {
                Reader reader = endpoint.readers().get(random.nextInt(endpoint.readers().size()));
                return api.get(endpoint.path().apply(reader)).token(reader.token()).send().status() == 200;
            };
        });
    }
}
