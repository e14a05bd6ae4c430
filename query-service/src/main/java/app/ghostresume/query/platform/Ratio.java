package app.ghostresume.query.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one way figures are divided for display: rounded half up to four decimals, none when dividing by zero. */
public final class Ratio {

    private Ratio() {
    }

    /** {@code numerator / denominator} to four decimals; {@code null} when the denominator is 0. */
    public static Double of(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
