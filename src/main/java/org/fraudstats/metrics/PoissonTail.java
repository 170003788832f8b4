package org.fraudstats.metrics;

/**
 * The upper tail of the Poisson distribution, P(X ≥ k | λ), to about 1e-14 relative error where it matters
 * here: in the far tail (k well above λ), where 1 − P(X &lt; k) would cancel to zero in doubles. Each term is
 * computed in log space once and the rest by the ratio of neighbouring terms, so nothing overflows for any
 * count a district reports in a day.
 */
final class PoissonTail {

    private PoissonTail() {
    }

    static double atLeast(long k, double lambda) {
        if (lambda < 0 || Double.isNaN(lambda)) {
            throw new IllegalArgumentException("a Poisson mean is not negative: " + lambda);
        }
        if (k <= 0) {
            return 1.0;
        }
        if (lambda == 0) {
            return 0.0;
        }
        if (k > lambda) {
            // terms fall from k on (ratio λ/(i+1) < 1): sum them until they no longer change the sum
            double term = Math.exp(logTerm(k, lambda));
            double sum = 0;
            for (long i = k; term > 0 && term > sum * 1e-17; i++) {
                sum += term;
                term *= lambda / (i + 1);
            }
            return sum;
        }
        // k ≤ λ: the tail is large (above about a third), so 1 − P(X ≤ k−1) loses nothing that matters;
        // the lower terms fall from k−1 down (ratio i/λ < 1)
        double term = Math.exp(logTerm(k - 1, lambda));
        double lower = 0;
        for (long i = k - 1; i >= 0 && term > 0 && term > lower * 1e-17; i--) {
            lower += term;
            term *= i / lambda;
        }
        return Math.max(0.0, 1.0 - lower);
    }

    /** ln P(X = i | λ) = −λ + i ln λ − ln i!. */
    private static double logTerm(long i, double lambda) {
        double logFactorial = 0;
        for (long j = 2; j <= i; j++) {
            logFactorial += Math.log(j);
        }
        return -lambda + i * Math.log(lambda) - logFactorial;
    }
}
