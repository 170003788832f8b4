package org.fraudstats.press;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Counts and yuan amounts as Chinese official releases quote them (press-style.md, "Counts" and "Money").
 *
 * <p>A press figure never overstates: everything is truncated, and {@code 多} marks that something was dropped.
 * All arithmetic is exact {@link BigDecimal}, because a double would turn 0.1 yuan into 0.1000000000000000055
 * and make {@code 多} appear where nothing was dropped.
 *
 * <p>Choices where press-style.md is silent:
 * <ul>
 *   <li>亿 is the largest unit: 10^12 and more stays in 亿 ({@code 12000亿元}, {@code 15000亿条}) rather than
 *       switching to 万亿, which releases of this office never reach and readers would misread.</li>
 *   <li>0 is {@code 0宗} / {@code 0元}; an amount strictly between 0 and 1 yuan follows the rule as written
 *       (fen truncated, 多 because the shown figure is less): {@code 0多元}.</li>
 *   <li>Negative figures and null are rejected: no headline figure can be negative, so one is a bug upstream.</li>
 * </ul>
 */
final class PressNumbers {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final MathContext TWO_SIGNIFICANT_DOWN = new MathContext(2, RoundingMode.DOWN);

    private PressNumbers() {
    }

    /**
     * 416 → {@code 416宗}; 17 345 → {@code 1.7万多宗}; 21 000 → {@code 2.1万个}; 250 000 000 → {@code 2.5亿条};
     * 99 999 999 → {@code 9999.9万多宗}. {@code 多} follows the unit, whatever the figure looks like.
     */
    public static String count(long n, String countingWord) {
        Objects.requireNonNull(countingWord, "countingWord");
        if (n < 0) {
            throw new IllegalArgumentException("a press count cannot be negative: " + n);
        }
        if (n < 10_000) {
            return n + countingWord;
        }
        BigDecimal exact = BigDecimal.valueOf(n);
        BigDecimal unitSize = exact.compareTo(YI) >= 0 ? YI : WAN;
        String unit = unitSize == YI ? "亿" : "万";
        BigDecimal inUnit = exact.divide(unitSize);
        BigDecimal shown = inUnit.setScale(1, RoundingMode.DOWN);
        String more = shown.compareTo(inUnit) < 0 ? "多" : "";
        return plain(shown) + unit + more + countingWord;
    }

    /**
     * 9 800.50 → {@code 9800多元}; 12 345 → {@code 1.2万多元}; 980 000 → {@code 98万元};
     * 980 000.50 → {@code 98多万元}; 43 123 456.78 → {@code 4300多万元}; 410 352 000 → {@code 4.1亿多元};
     * 123 456 789 012 → {@code 1200多亿元}; 10 000.01 → {@code 1万多元}. {@code 多} sits after the unit when the
     * shown figure has a decimal and before it when the figure is whole, as releases write it; a figure below 10
     * (1.0万, 2.0亿) counts as having a decimal even once its {@code .0} is dropped, since Chinese says 一万多 and
     * 两亿多, never 一多万.
     */
    public static String money(BigDecimal yuan) {
        Objects.requireNonNull(yuan, "yuan");
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException("a press amount cannot be negative: " + yuan.toPlainString());
        }
        if (yuan.compareTo(WAN) < 0) {
            BigDecimal shown = yuan.setScale(0, RoundingMode.DOWN);
            return plain(shown) + (shown.compareTo(yuan) < 0 ? "多" : "") + "元";
        }
        BigDecimal unitSize = yuan.compareTo(YI) >= 0 ? YI : WAN;
        String unit = unitSize == YI ? "亿" : "万";
        BigDecimal inUnit = yuan.divide(unitSize);
        BigDecimal shown = inUnit.round(TWO_SIGNIFICANT_DOWN);
        if (shown.compareTo(inUnit) == 0) {
            return plain(shown) + unit + "元";
        }
        // "Has a decimal" is read on the two significant figures before a trailing .0 is dropped: 10 000.01 is
        // 1.0万 → 1万多元, as one says 一万多, never 一多万. Below 10 the figure always has a decimal place.
        return shown.compareTo(BigDecimal.TEN) < 0
                ? plain(shown) + unit + "多元"
                : plain(shown) + "多" + unit + "元";
    }

    /** 4.3E+3 → "4300", 2.0 → "2": the digits a reader expects, never exponent notation or a trailing .0. */
    private static String plain(BigDecimal shown) {
        BigDecimal stripped = shown.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
