package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * P(X ≥ k | λ) against values computed with 40 significant digits (mpmath: 1 − Σ_{i<k} e^−λ λ^i / i!), in the
 * far tail where a naive 1 − CDF in doubles would give 0 or noise, near the 0.001 threshold, and below the mean.
 */
class PoissonTailTest {

    @Test
    void shouldMatchKnownValuesNearTheThreshold() {
        assertRelative(PoissonTail.atLeast(5, 1.0), 0.0036598468273437123455);
        assertRelative(PoissonTail.atLeast(6, 1.0), 0.00059418481758169299883);
        assertRelative(PoissonTail.atLeast(8, 2.0), 0.001096718967858702687147);
        assertRelative(PoissonTail.atLeast(9, 2.0), 0.0002374473282611617862323);
        assertRelative(PoissonTail.atLeast(25, 347.0 / 28), 0.001062712065869247435372);
        assertRelative(PoissonTail.atLeast(26, 347.0 / 28), 0.0004919029039903399198197);
        assertRelative(PoissonTail.atLeast(31, 347.0 / 28), 6.296338526235441282e-6);
        assertRelative(PoissonTail.atLeast(4, 0.5), 0.0017516225562908236521);
        assertRelative(PoissonTail.atLeast(5, 0.5), 0.00017211562995584077811);
    }

    @Test
    void shouldStayExactFarInTheTailWhereOneMinusTheCdfCancels() {
        assertRelative(PoissonTail.atLeast(60, 20.0), 4.2332846947129029558e-13);
        assertRelative(PoissonTail.atLeast(150, 100.0), 1.8842104660386700135e-6);
    }

    @Test
    void shouldGiveLargeTailsAtAndBelowTheMean() {
        assertRelative(PoissonTail.atLeast(10, 347.0 / 28), 0.79024758775058011613);
        assertRelative(PoissonTail.atLeast(1, 0.5), 0.3934693402873665764);
    }

    @Test
    void shouldHandleTheEdges() {
        assertThat(PoissonTail.atLeast(0, 3.0)).isEqualTo(1.0);
        assertThat(PoissonTail.atLeast(0, 0.0)).isEqualTo(1.0);
        // a district without a case for 28 days: any case at all is beyond its baseline
        assertThat(PoissonTail.atLeast(1, 0.0)).isEqualTo(0.0);
        assertThatThrownBy(() -> PoissonTail.atLeast(1, -1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(expected * 1e-9));
    }
}
