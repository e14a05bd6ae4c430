package app.ghostresume.command.seeker;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import app.ghostresume.events.Category;

/**
 * A seeker's windows, per category, in days after sending: when a waiting attempt is due a follow-up, and when it
 * counts as ghosted. Always complete, one value for each of the categories.
 *
 * <p>The defaults, kept here and nowhere else: ghosting after <b>30</b> days, but <b>60</b> for GRANT and
 * ADMISSION (committees are slow) and <b>14</b> for DATING and SOCIAL (silence speaks sooner); a follow-up after
 * <b>7</b> days, but <b>21</b> for GRANT and ADMISSION and <b>3</b> for DATING and SOCIAL.
 *
 * <p>The rules: every value is {@value #MIN_DAYS} to {@value #MAX_DAYS} days, and in each category the follow-up
 * comes strictly before the ghosting ({@link #problem()}).
 *
 * <p>Complete windows come from {@link #defaults()} and {@link #overriddenBy}: stored or requested values are
 * always laid over the defaults, so a category added later simply takes its default.
 */
public record ResponseWindows(Map<Category, Integer> ghostingDays, Map<Category, Integer> followUpDays) {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;

    private static final ResponseWindows DEFAULTS = defaultWindows();

    public ResponseWindows {
        ghostingDays = copy(ghostingDays);
        followUpDays = copy(followUpDays);
    }

    public static ResponseWindows defaults() {
        return DEFAULTS;
    }

    /**
     * These windows with some categories set anew; categories not listed keep their value here. A {@code null}
     * map lists none. The result may break the rules: check {@link #problem()}.
     */
    public ResponseWindows overriddenBy(Map<Category, Integer> ghosting, Map<Category, Integer> followUp) {
        Map<Category, Integer> newGhosting = new EnumMap<>(ghostingDays);
        Map<Category, Integer> newFollowUp = new EnumMap<>(followUpDays);
        if (ghosting != null) {
            newGhosting.putAll(ghosting);
        }
        if (followUp != null) {
            newFollowUp.putAll(followUp);
        }
        return new ResponseWindows(newGhosting, newFollowUp);
    }

    /** The first broken rule, as the request field at fault ({@code ghostingDays.JOB}) and what is wrong with it. */
    public Optional<Problem> problem() {
        for (Category category : Category.values()) {
            Integer ghosting = ghostingDays.get(category);
            Integer followUp = followUpDays.get(category);
            if (outOfRange(ghosting)) {
                return Optional.of(new Problem("ghostingDays." + category, range()));
            }
            if (outOfRange(followUp)) {
                return Optional.of(new Problem("followUpDays." + category, range()));
            }
            if (followUp >= ghosting) {
                return Optional.of(new Problem("followUpDays." + category,
                        "must be fewer than the " + ghosting + " ghosting days of " + category));
            }
        }
        return Optional.empty();
    }

    public int ghostingDays(Category category) {
        return ghostingDays.get(category);
    }

    public int followUpDays(Category category) {
        return followUpDays.get(category);
    }

    /** A broken rule: the field at fault and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    private static boolean outOfRange(Integer days) {
        return days == null || days < MIN_DAYS || days > MAX_DAYS;
    }

    private static String range() {
        return "must be a number of days from " + MIN_DAYS + " to " + MAX_DAYS;
    }

    /** An unmodifiable copy that keeps {@code null} values, so that {@link #problem()} can name them. */
    private static Map<Category, Integer> copy(Map<Category, Integer> days) {
        Map<Category, Integer> copy = new EnumMap<>(Category.class);
        if (days != null) {
            copy.putAll(days);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static ResponseWindows defaultWindows() {
        Map<Category, Integer> ghosting = new EnumMap<>(Category.class);
        Map<Category, Integer> followUp = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            ghosting.put(category, switch (category) {
                case GRANT, ADMISSION -> 60;
                case DATING, SOCIAL -> 14;
                default -> 30;
            });
            followUp.put(category, switch (category) {
                case GRANT, ADMISSION -> 21;
                case DATING, SOCIAL -> 3;
                default -> 7;
            });
        }
        return new ResponseWindows(ghosting, followUp);
    }
}
