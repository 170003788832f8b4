package org.fraudstats.metrics;

/**
 * The keys of metrics.md, in the column order of cli.md, with their Chinese names as metrics.md gives them, the
 * median's bracket written full-width as Chinese text writes it (metrics.md's half-width 止付中位时长(分钟) stood beside
 * （宗） and （元） in every table: r43a).
 */
public enum Metric {
    CASES("cases", "电诈警情", Kind.COUNT),
    LOSS_AMOUNT("loss_amount", "案损金额", Kind.MONEY),
    STOP_ACCOUNTS("stop_accounts", "止付账户", Kind.COUNT),
    STOP_AMOUNT("stop_amount", "止付金额", Kind.MONEY),
    FREEZE_ACCOUNTS("freeze_accounts", "冻结账户", Kind.COUNT),
    FREEZE_AMOUNT("freeze_amount", "冻结金额", Kind.MONEY),
    REFUND_CASES("refund_cases", "返还案件", Kind.COUNT),
    REFUND_AMOUNT("refund_amount", "返还金额", Kind.MONEY),
    MEDIAN_MINUTES_TO_STOP("median_minutes_to_stop", "止付中位时长（分钟）", Kind.MINUTES),
    WARNINGS("warnings", "处置预警", Kind.COUNT),
    DISSUADED_VISITS("dissuaded_visits", "见面劝阻", Kind.COUNT);

    public enum Kind { COUNT, MONEY, MINUTES }

    private final String key;
    private final String chineseName;
    private final Kind kind;

    Metric(String key, String chineseName, Kind kind) {
        this.key = key;
        this.chineseName = chineseName;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public String chineseName() {
        return chineseName;
    }

    public Kind kind() {
        return kind;
    }

    /** Its counting word or unit, as every table heads it: 宗, 个, 元, 分钟, 条, 人次. */
    public String unit() {
        return switch (this) {
            case CASES, REFUND_CASES -> "宗";
            case STOP_ACCOUNTS, FREEZE_ACCOUNTS -> "个";
            case LOSS_AMOUNT, STOP_AMOUNT, FREEZE_AMOUNT, REFUND_AMOUNT -> "元";
            case MEDIAN_MINUTES_TO_STOP -> "分钟";
            case WARNINGS -> "条";
            case DISSUADED_VISITS -> "人次";
        };
    }

    /** The full name with its unit, as a row or column heading: 案损金额（元）; the median's name carries its own. */
    public String nameWithUnit() {
        return this == MEDIAN_MINUTES_TO_STOP ? chineseName : chineseName + "（" + unit() + "）";
    }

    /** 同比 and 环比 are defined for every metric but the median (metrics.md, "Comparisons"). */
    public boolean comparable() {
        return this != MEDIAN_MINUTES_TO_STOP;
    }
}
