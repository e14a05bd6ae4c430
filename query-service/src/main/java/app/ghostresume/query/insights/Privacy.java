package app.ghostresume.query.insights;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * A percentile of one value per seeker ({@code sorted}), shown only when at least the threshold of seekers lie
     * on each side of it: the 90th percentile of ten seekers would be about the top one's own figure.
     */
    public Double percentile(List<? extends Number> sorted, double fraction) {
        return Math.min(fraction, 1 - fraction) * sorted.size() >= threshold ? Percentiles.of(sorted, fraction)
                : null;
    }

    /**
     * Seekers counted in the parts of a shown total: each part below the threshold is hidden, then the smallest
     * shown ones too until the hidden parts add up to none or at least the threshold, so that no hidden part can be
     * had by subtracting the shown ones from the total.
     */
    public List<Long> parts(List<Long> counts) {
        List<Long> shown = new ArrayList<>(counts);
        long hidden = 0;
        for (int i = 0; i < shown.size(); i++) {
            if (!shows(shown.get(i))) {
                hidden += shown.get(i);
                shown.set(i, null);
            }
        }
        while (hidden > 0 && hidden < threshold) {
            int smallest = -1;
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i) != null && (smallest < 0 || shown.get(i) < shown.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            hidden += shown.get(smallest);
            shown.set(smallest, null);
        }
        return shown;
    }
}
