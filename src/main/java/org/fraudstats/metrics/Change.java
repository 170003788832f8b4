package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * 同比 / 环比 change in percent (metrics.md, "Comparisons"): (current - base) / base × 100, exact, rounded half
 * away from zero to 1 decimal in one step (no intermediate rounding), empty when the base is 0.
 */
public final class Change {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Change() {
    }

    public static Optional<BigDecimal> percent(BigDecimal current, BigDecimal base) {
        if (base == null || current == null || base.signum() == 0) {
            return Optional.empty();
        }
        // BigDecimal has no negative zero, so a change that rounds to zero prints 0.0, never -0.0.
        return Optional.of(current.subtract(base).multiply(HUNDRED).divide(base, 1, RoundingMode.HALF_UP));
    }

    public static Optional<BigDecimal> percent(long current, long base) {
        return percent(BigDecimal.valueOf(current), BigDecimal.valueOf(base));
    }
}
