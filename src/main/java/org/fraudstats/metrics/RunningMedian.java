package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.PriorityQueue;

/**
 * The median of a growing set of per-case times, available after every addition: the lower half in a max-heap,
 * the upper half in a min-heap. Times are whole microseconds (exact); the median in minutes follows metrics.md
 * (linear interpolation = the mean of the two middle values, rounded half-up to 1 decimal), computed exactly.
 * Holds every time added (boxed, some 40 bytes each): a year of one city's cases is about a megabyte, a year at
 * the benchmark's national scale (2.5M cases with an action) about 100 MB.
 */
final class RunningMedian {

    private static final BigDecimal MICROS_PER_MINUTE_TIMES_TWO = BigDecimal.valueOf(2L * 60 * 1_000_000);

    private final PriorityQueue<Long> lower = new PriorityQueue<>(Collections.reverseOrder());
    private final PriorityQueue<Long> upper = new PriorityQueue<>();

    void add(long micros) {
        if (lower.isEmpty() || micros <= lower.peek()) {
            lower.add(micros);
        } else {
            upper.add(micros);
        }
        // keep lower the same size as upper, or one larger
        if (lower.size() > upper.size() + 1) {
            upper.add(lower.poll());
        } else if (upper.size() > lower.size()) {
            lower.add(upper.poll());
        }
    }

    /** The median in minutes with 1 decimal, or null when nothing was added. */
    BigDecimal minutes() {
        if (lower.isEmpty()) {
            return null;
        }
        long middleSum = lower.size() > upper.size() ? 2 * lower.peek() : lower.peek() + upper.peek();
        return BigDecimal.valueOf(middleSum).divide(MICROS_PER_MINUTE_TIMES_TWO, 1, RoundingMode.HALF_UP);
    }
}
