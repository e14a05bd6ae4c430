package app.ghostresume.bench;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.ghostresume.events.Category;

/**
 * What one simulated seeker does, generated from a seed so every run sends the same commands: mostly new
 * attempts, and answers to earlier ones days after sending, about 80 % of them rejections, 10 % ghostings.
 */
final class Workload {

    private static final List<Category> CATEGORIES = List.of(Category.JOB, Category.JOB, Category.JOB,
            Category.PITCH, Category.PITCH, Category.SUBMISSION, Category.GRANT, Category.AUDITION,
            Category.APPEARANCE, Category.DATING);

    private final Random random;
    private final LocalDate today;
    private final Deque<Waiting> waiting = new ArrayDeque<>();

    Workload(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** The next command: a path and its JSON body. */
    Command next() {
        if (waiting.size() >= 3 && random.nextInt(100) < 45) {
            Waiting attempt = waiting.removeFirst();
            LocalDate answered = attempt.sentOn().plusDays(random.nextInt(
                    (int) Math.max(1, today.toEpochDay() - attempt.sentOn().toEpochDay() + 1)));
            int kind = random.nextInt(100);
            if (kind < 80) {
                return new Command("/api/attempts/" + attempt.id() + "/rejection",
                        Map.of("receivedOn", answered.toString(), "sting", 1 + random.nextInt(5),
                                "feedback", "not this time"), null);
            }
            if (kind < 90) {
                return new Command("/api/attempts/" + attempt.id() + "/ghosting",
                        Map.of("declaredOn", answered.toString()), null);
            }
            return new Command("/api/attempts/" + attempt.id() + "/acceptance",
                    Map.of("receivedOn", answered.toString()), null);
        }
        LocalDate sentOn = today.minusDays(10 + random.nextInt(50));
        Category category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        return new Command("/api/attempts", Map.of("category", category.name(),
                "target", "Target " + random.nextInt(500), "title", "Attempt " + random.nextInt(100_000),
                "sentOn", sentOn.toString()), sentOn);
    }

    /** Remembers a logged attempt so a later command can answer it. */
    void logged(String attemptId, LocalDate sentOn) {
        waiting.addLast(new Waiting(attemptId, sentOn));
    }

    record Command(String path, Map<String, Object> body, LocalDate logsAttemptSentOn) {
    }

    private record Waiting(String id, LocalDate sentOn) {
    }
}
