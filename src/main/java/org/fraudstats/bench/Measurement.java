package org.fraudstats.bench;

/**
 * One row of the benchmark table: what was measured, the pipeline's figure, the bare baseline's (or "—" when
 * the goal is absolute), their ratio, the goal and whether it was met.
 */
record Measurement(String measure, String pipeline, String baseline, String ratio, String goal, boolean met) {

    public String verdict() {
        return met ? "met" : "**missed**";
    }
}
