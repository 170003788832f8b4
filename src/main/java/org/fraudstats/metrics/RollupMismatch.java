package org.fraudstats.metrics;

import java.util.List;
import java.util.Optional;

import org.fraudstats.settings.LineTemplate;

/** The rollups of some days are not what the facts say: every figure read from them could be wrong. */
public class RollupMismatch extends RuntimeException {

    /** The line a night records on /runs and the log; read back by {@link #chineseOf} for the page. */
    private static final LineTemplate LINE = new LineTemplate(
            "%s rollup rows differ from the facts, the first: %s; nothing was rendered: fraudstats verify --from %s --to %s lists "
                    + "them, and with --repair mends them");

    private final List<RollupCheck.RollupDifference> differences;

    public RollupMismatch(List<RollupCheck.RollupDifference> differences) {
        // the days, and the repair: "run fraudstats verify for the days" named neither (retester 29)
        super(LINE.line(differences.size(), differences.get(0).line(), differences.get(0).day(),
                differences.get(differences.size() - 1).day()));
        this.differences = List.copyOf(differences);
    }

    /**
     * A recorded line of a night refused for rollups, in the page's words (the night's failure on /runs stayed English
     * while the rerun's said it in Chinese: review 29d); empty for any other line.
     */
    public static Optional<String> chineseOf(String line) {
        List<String> holes = LINE.holes(line);
        return holes == null ? Optional.empty() : Optional.of("日汇总与明细数据不一致（共 " + holes.get(0) + " 行，第一行：" + holes.get(1)
                + "），未生成任何通报；请运维人员运行 fraudstats verify --from " + holes.get(2) + " --to " + holes.get(3) + " --repair 修复");
    }

    /**
     * A recorded line without the first differing row, whose district's figures of one day only leaders and
     * statisticians may read (web.md): what the administrator's schedules page and API say (review r39e). Empty for any
     * other line.
     */
    public static Optional<String> withoutFigures(String line) {
        List<String> holes = LINE.holes(line);
        return holes == null ? Optional.empty() : Optional.of(holes.get(0) + " rollup rows differ from the facts; nothing was "
                + "rendered: fraudstats verify --from " + holes.get(2) + " --to " + holes.get(3) + " lists them, and with --repair mends them");
    }

    /** {@link #withoutFigures} in the page's words. */
    public static Optional<String> chineseWithoutFigures(String line) {
        List<String> holes = LINE.holes(line);
        return holes == null ? Optional.empty() : Optional.of("日汇总与明细数据不一致（共 " + holes.get(0) + " 行），未生成任何通报；请运维人员运行 "
                + "fraudstats verify --from " + holes.get(2) + " --to " + holes.get(3) + " --repair 修复");
    }

    /** The same in the portal's words, for a statistician who has no shell: who repairs it, and with what. */
    public String chinese() {
        RollupCheck.RollupDifference first = differences.get(0);
        return "日汇总与明细数据不一致（共 " + differences.size() + " 行，第一行：" + first.line() + "），未生成任何通报。"
                + "请运维人员先运行 fraudstats verify --from " + first.day() + " --to " + differences.get(differences.size() - 1).day()
                + " --repair 修复，再重算。";
    }
}
