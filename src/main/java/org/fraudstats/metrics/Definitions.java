package org.fraudstats.metrics;

import java.util.List;

/**
 * The 统计口径 of every figure, in the Chinese a reader of the figures reads: metrics.md's definitions, said where
 * the figures are (the 统计数据 page, the workbook's 统计口径 sheet), so that a leader or a statistician need not open
 * a code repository to learn what a figure counts (tester: the bulletins sent them to "代码库 sql/metrics/", and the
 * median's name read as stops only, while a freeze counts too). The computation is sql/metrics/area-figures.sql;
 * these lines say what it computes, and change with it.
 */
public final class Definitions {

    private Definitions() {
    }

    /** What {@code metric} counts, in one sentence. */
    public static String of(Metric metric) {
        return switch (metric) {
            case CASES -> "统计期内接报的电诈警情数（按报警时间所在业务日计）。";
            case LOSS_AMOUNT -> "统计期内接报的电诈警情的案损金额合计（元）。";
            case STOP_ACCOUNTS -> "统计期内有止付操作的不同银行账户数（按止付生效时间）；同一账户在统计期和区域内只计一次。";
            case STOP_AMOUNT -> "统计期内各次止付操作的金额合计（元，按止付生效时间）。";
            case FREEZE_ACCOUNTS -> "统计期内有冻结操作的不同银行账户数（按冻结生效时间）；同一账户在统计期和区域内只计一次。";
            case FREEZE_AMOUNT -> "统计期内各次冻结操作的金额合计（元，按冻结生效时间）。";
            case REFUND_CASES -> "统计期内有资金返还的不同警情数（按返还时间）；同一警情只计一次。";
            case REFUND_AMOUNT -> "统计期内各笔资金返还的金额合计（元，按返还时间）。";
            case MEDIAN_MINUTES_TO_STOP -> "统计期内接报、且有止付或冻结操作（不限操作日期）的警情，每宗取其最早一次止付或冻结的生效时间"
                    + "与报警时间之差（分钟，负值计为0），取这些值的中位数（偶数个时取中间两个的平均），保留一位小数。冻结也计入；"
                    + "没有止付或冻结的警情不计入；无此类警情时为空。一个区、一天的中位数常只基于几宗警情，"
                    + "一两宗即可使其大幅变动，宜结合警情数阅读。";
            case WARNINGS -> "统计期内下发的预警信息条数（按下发时间）。";
            case DISSUADED_VISITS -> "统计期内下发的预警中，处置方式为见面、结果为劝阻成功的条数，每条计一人次（按下发时间）。";
        };
    }

    /** The rules every figure follows (metrics.md's preamble, "The city", "Comparisons", "Money and rounding"). */
    public static List<String> general() {
        return List.of(
                "业务日按北京时间（Asia/Shanghai）计。每条记录按其自身时间归入统计期：警情按报警时间，止付、冻结按生效时间，"
                        + "返还按返还时间，预警按下发时间。",
                "同一记录号多次报送时只计最新版本；被拒收的行、尚无对应警情而待处理的止付冻结和返还，不计入任何数字。",
                "止付、冻结和返还归入其所属警情（最新版本）的辖区。",
                "全市的警情数、金额和预警数为所配置各区之和；止付账户、冻结账户和返还案件是全市去重计数，可小于各区之和，"
                        + "一个时段的数也可小于其各日之和；全市的止付中位时长按全市符合条件的全部警情取中位数，不是各区之和或平均。",
                "同比：同一指标在上一年的同期（2月29日对应2月28日）；环比：紧接本期之前、天数相同的时段（月报的环比基期是之前同样天数，"
                        + "不一定是上一个自然月）。变化率 =（本期 − 基期）÷ 基期 × 100%，保留一位小数；基期为0时不计算。"
                        + "止付中位时长不计算同比、环比。",
                "金额按元精确到分合计；“万”“亿”“多”等新闻口径的写法只用于对外表述，旁边给出精确数。");
    }
}
