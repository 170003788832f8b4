package org.fraudstats.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Distributions and value formats. Instants are epoch seconds (long) so that nothing here depends on the JVM's
 * time zone; money is in fen (long) and only becomes text through BigDecimal, never through a double.
 */
final class Shapes {

    static final long DAY = 86_400;
    private static final int BEIJING = 8 * 3600;

    /** Relative weight of each Beijing hour: quiet nights, busy working hours and evenings. */
    private static final double[] HOURS = {1, .6, .4, .3, .3, .4, .8, 1.5, 3, 4, 4.5, 4.5, 4, 4, 4.5, 4.5, 4.5, 4, 4,
            4.5, 4.5, 4, 3, 2};

    private Shapes() {
    }

    static int pick(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** Log-normal with the given median: the shape of fraud losses, a few cases in the millions. */
    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    /** Poisson count; the normal approximation is exact enough above 30 and keeps national days O(1). */
    static int poisson(SplittableRandom rng, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /** A Beijing business day's start as epoch seconds. */
    static long dayStart(LocalDate day) {
        return day.toEpochDay() * DAY - BEIJING;
    }

    static LocalDate businessDay(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + BEIJING, DAY));
    }

    /** A moment of the given day, following the daily rhythm, on the minute like the case system writes it. */
    static long momentOf(SplittableRandom rng, LocalDate day) {
        return dayStart(day) + pick(rng, HOURS) * 3600L + rng.nextInt(60) * 60L;
    }

    /** Minutes to seconds, rounded to the minute most of the time (bank confirmations sometimes carry seconds). */
    static long afterMinutes(SplittableRandom rng, long start, double minutes) {
        long s = start + Math.max(60, Math.round(minutes * 60));
        return chance(rng, 0.7) ? s - Math.floorMod(s, 60) + 60 : s;
    }

    /** One instant in one of the forms feeds.md accepts: +08:00, Z or naive (Beijing); seconds optional. */
    static String timestamp(SplittableRandom rng, long epochSecond) {
        double form = rng.nextDouble();
        boolean utc = form >= 0.6 && form < 0.8;
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, utc ? ZoneOffset.UTC : ZoneOffset.ofHours(8));
        StringBuilder sb = new StringBuilder(25);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute());
        if (t.getSecond() != 0 || chance(rng, 0.8)) {
            two(sb.append(':'), t.getSecond());
            if (chance(rng, 0.02)) {
                sb.append(".000");
            }
        }
        return form < 0.6 ? sb.append("+08:00").toString() : utc ? sb.append('Z').toString() : sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** Fen as yuan: "1704247.6" mostly, sometimes the two-digit "1704247.60"; both are valid money. */
    static String money(SplittableRandom rng, long fen) {
        BigDecimal yuan = BigDecimal.valueOf(fen, 2);
        return (chance(rng, 0.7) ? yuan.stripTrailingZeros() : yuan).toPlainString();
    }

    /** Bank card numbers in China are 16-19 digits, UnionPay ones start with 62. */
    static String accountNo(SplittableRandom rng) {
        int len = 16 + rng.nextInt(4);
        StringBuilder sb = new StringBuilder(len).append("62");
        while (sb.length() < len) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }
}
