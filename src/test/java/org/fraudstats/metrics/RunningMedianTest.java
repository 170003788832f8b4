package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RunningMedianTest {

    @Test
    void nothingAddedHasNoMedian() {
        assertThat(new RunningMedian().minutes()).isNull();
    }

    @Test
    void theMeanOfTheTwoMiddleTimesRoundedHalfUp() {
        RunningMedian median = new RunningMedian();
        median.add(30 * 60_000_000L);
        assertThat(median.minutes()).isEqualByComparingTo("30.0");
        median.add(45 * 60_000_000L);
        assertThat(median.minutes()).isEqualTo(new BigDecimal("37.5"));
        median.add(0);
        assertThat(median.minutes()).isEqualTo(new BigDecimal("30.0"));
        // 30 min and 30 min 3 s: the mean is 30.025 min, which rounds half-up to 30.0; 30 min 6 s gives 30.05 -> 30.1
        RunningMedian halves = new RunningMedian();
        halves.add(30 * 60_000_000L);
        halves.add(30 * 60_000_000L + 6_000_000L);
        assertThat(halves.minutes()).isEqualTo(new BigDecimal("30.1"));
    }

    @Test
    void afterEveryAdditionItIsTheMedianOfAllSoFar() {
        Random random = new Random(7);
        RunningMedian running = new RunningMedian();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long micros = random.nextInt(5) == 0 ? 42_000_000L : (long) (random.nextDouble() * 3e11);
            running.add(micros);
            all.add(micros);
            assertThat(running.minutes()).as("after %d", i + 1).isEqualTo(sortedMedian(all));
        }
    }

    private static BigDecimal sortedMedian(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        long sum = n % 2 == 1 ? 2 * sorted.get(n / 2) : sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(120_000_000L), 1, RoundingMode.HALF_UP);
    }
}
