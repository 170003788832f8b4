package org.fraudstats.metrics;

import java.util.List;

/** The rollups of some days are not what the facts say: every figure read from them could be wrong. */
public class RollupMismatch extends RuntimeException {

    public RollupMismatch(List<RollupCheck.RollupDifference> differences) {
        super(differences.size() + " rollup rows differ from the facts, the first: " + differences.get(0).line()
                + "; nothing was rendered, run fraudstats verify for the days");
    }
}
