package app.ghostresume.query.insights;

/**
 * The privacy threshold: a figure is shown only when it covers at least {@code threshold} distinct seekers, so that
 * no seeker's own history can be read off it; below that the cell is suppressed ({@code null}).
 */
public record Privacy(int threshold) {

    /** As for a target's pooled statistics. */
    public static final int DEFAULT_THRESHOLD = 5;

    public Privacy {
        if (threshold < 2) {
            throw new IllegalArgumentException("a privacy threshold below 2 protects nobody");
        }
    }

    public boolean shows(long seekers) {
        return seekers >= threshold;
    }

    /** {@code value} if it covers enough seekers, else {@code null}. */
    public <T> T shown(long seekers, T value) {
        return shows(seekers) ? value : null;
    }
}
