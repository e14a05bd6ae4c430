package app.ghostresume.query.insights;

import java.util.List;

/** Continuous percentiles, interpolated between the two nearest values as PostgreSQL's percentile_cont. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code fraction} (0 to 1) percentile of {@code sorted}, which must not be empty. */
    static double of(List<? extends Number> sorted, double fraction) {
        double position = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double low = sorted.get(below).doubleValue();
        double high = sorted.get(above).doubleValue();
        return Math.round((low + (high - low) * (position - below)) * 100) / 100.0;
    }
}
