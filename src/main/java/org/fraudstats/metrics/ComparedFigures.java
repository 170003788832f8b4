package org.fraudstats.metrics;

/** An area's figures with the figures of its base period (null when no comparison was asked for). */
public record ComparedFigures(AreaFigures current, AreaFigures base) {
}
