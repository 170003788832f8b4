package org.fraudstats.metrics;

import java.math.BigDecimal;

/** The city's cases and loss of one fraud type over a period. */
public record FraudTypeFigures(String fraudType, long cases, BigDecimal lossAmount) {
}
