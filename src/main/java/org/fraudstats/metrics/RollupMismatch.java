package org.fraudstats.metrics;

import java.util.List;

/** The rollups of some days are not what the facts say: every figure read from them could be wrong. */
public class RollupMismatch extends RuntimeException {

    private final List<RollupCheck.RollupDifference> differences;

    public RollupMismatch(List<RollupCheck.RollupDifference> differences) {
        super(differences.size() + " rollup rows differ from the facts, the first: " + differences.get(0).line()
                + "; nothing was rendered, run fraudstats verify for the days");
        this.differences = List.copyOf(differences);
    }

    /** The same in the portal's words, for a statistician who has no shell: who repairs it, and with what. */
    public String chinese() {
        RollupCheck.RollupDifference first = differences.get(0);
        return "日汇总与明细数据不一致（共 " + differences.size() + " 行，第一行：" + first.line() + "），未生成任何通报。"
                + "请运维人员先运行 fraudstats verify --from " + first.day() + " --to " + differences.get(differences.size() - 1).day()
                + " --repair 修复，再重算。";
    }
}
