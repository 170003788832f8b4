package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is exact yuan with 2 decimals everywhere (metrics.md, "Money and rounding"). */
public final class Money {

    private Money() {
    }

    public static BigDecimal of(BigDecimal yuan) {
        // Sums of numeric(18,2) already have scale 2; UNNECESSARY turns any surprise into a failure, not a rounding.
        return (yuan == null ? BigDecimal.ZERO : yuan).setScale(2, RoundingMode.UNNECESSARY);
    }
}
