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

    /**
     * A change as people read it: {@code +4.0%}, {@code -7.2%}, {@code 0.0%}, {@code +1,204,999,900.0%}; a rise
     * carries its sign as a fall does, alike in the bulletin, its mail and the portal (the PDF said 4.0% where the
     * mail of the same bulletin said +4.0%, and the mail 1204999900.0% where the PDF grouped its digits).
     */
    public static String said(BigDecimal percent) {
        java.text.DecimalFormat grouped = new java.text.DecimalFormat("#,##0.0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        grouped.setRoundingMode(RoundingMode.UNNECESSARY);
        return (percent.signum() > 0 ? "+" : "") + grouped.format(percent) + "%";
    }
}
