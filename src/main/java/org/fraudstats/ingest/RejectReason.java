package org.fraudstats.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fraudstats.settings.LineTemplate;

/**
 * Why the loader rejects a row (rule 3 of feeds.md): the English line it records ({@code loss_amount: more than 2
 * decimals}), which `rejects`, the API and scripts read, and the same reason in the statistician's words for
 * /rejects, the column named as the file's header names it. RowCheck writes its lines from here and the page reads
 * them back from here, so a reworded reason cannot fall back to English on the page unnoticed. A recorded line
 * written otherwise (an older wording) is shown as recorded.
 */
enum RejectReason {

    FIELD_COUNT("row has %s fields, header has %s", "该行有 %s 个字段，表头有 %s 个"),
    STRAY_CR("field %s holds a CR not followed by LF: lines end in LF or CRLF, and it may join two records",
            "第 %s 个字段含单独的回车符（CR）：行尾应为 LF 或 CRLF，此处可能把两条记录连成了一行"),
    LONGER("longer than %s characters", "超过 %s 个字符"),
    NUL("contains a NUL character", "含有 NUL 字符"),
    MISSING("missing", "必填项为空"),
    NOT_TIMESTAMP("not an ISO-8601 timestamp", "不是 ISO-8601 时间（如 2022-10-23T23:40:00+08:00）"),
    // written as a timestamp, naming none, said by its part at fault: a statistician checking 2023-02-30T10:00:00+08:00
    // against the source saw a well-formed ISO timestamp under "not an ISO-8601 timestamp" (testers)
    NO_SUCH_DATE("no such date (like February 30 or year 0)", "日期不存在（如 2 月 30 日、0 年）"),
    NO_SUCH_TIME_OF_DAY("no such time of day (like 24:00 or a 60th second)", "时刻不存在（如 24 时、60 分、60 秒）"),
    NO_SUCH_OFFSET("no such offset (like +15:00 or +08:60)", "时差不存在（如 +15:00、+08:60）"),
    UNKNOWN_DISTRICT("unknown district", "不是已配置的区县代码"),
    UNKNOWN_FRAUD_TYPE("unknown fraud type", "不在诈骗类型目录中"),
    UNKNOWN_ACTION("unknown action", "不是 STOP_PAYMENT 或 FREEZE"),
    UNKNOWN_CHANNEL("unknown channel", "不是 SMS、CALL、VISIT 或 APP"),
    UNKNOWN_OUTCOME("unknown outcome", "不是 DISSUADED、UNREACHED 或 ALREADY_DEFRAUDED"),
    NOT_MONEY("not a plain decimal amount in yuan", "不是以元为单位的普通小数（如 1234.5）"),
    MONEY_DECIMALS("more than 2 decimals", "小数超过 2 位"),
    // the limit said (FieldFormats.MONEY_INTEGER_DIGITS): "out of range" left a statistician to guess whether the value
    // or the range was wrong (tester); rows recorded before 2026-12-06 keep "out of range", shown as recorded. What such
    // a value most likely is, said too: an account number in the amount's column (review 30)
    MONEY_TOO_LARGE("out of range: more than 10 digits before the point (10 billion yuan or more: an account number in this column?)",
            "超出范围：整数部分超过 10 位（100 亿元及以上：是否误填了账号？）"),
    /** Recorded until 2026-12-06, when the bound was the storage's 16 digits; read back only, never written now. */
    MONEY_TOO_LARGE_BEFORE("out of range: more than 16 digits before the point", "超出范围：整数部分超过 16 位"),
    NOT_POSITIVE("must be greater than 0", "必须大于 0"),
    NOT_INTEGER("not an integer", "不是整数"),
    AGE_OUT_OF_RANGE("out of range 0-120", "不在 0–120 之间");

    /** A reason about one value is recorded after the column's name; the count of fields and a stray CR are the row's. */
    private static final Pattern COLUMN = Pattern.compile("([a-z_]+): (.+)", Pattern.DOTALL);

    private final LineTemplate english;
    private final String chinese;

    RejectReason(String english, String chinese) {
        this.english = new LineTemplate(english);
        this.chinese = chinese;
    }

    /** The line recorded for a row that is bad as a whole (its count of fields, a stray CR). */
    String rowLine(Object... holes) {
        return english.line(holes);
    }

    /** The line recorded for a bad value: the column's name and the value's reason. */
    String line(String column, Object... holes) {
        return column + ": " + english.line(holes);
    }

    /** The recorded line in the statistician's words; as recorded when no reason here wrote it. */
    static String chinese(String recorded) {
        if (recorded == null) {
            return "";
        }
        for (RejectReason rowReason : List.of(FIELD_COUNT, STRAY_CR)) {
            List<String> holes = rowReason.english.holes(recorded);
            if (holes != null) {
                return rowReason.said(holes);
            }
        }
        List<String> holes;
        Matcher column = COLUMN.matcher(recorded);
        if (column.matches()) {
            for (RejectReason reason : values()) {
                holes = reason == FIELD_COUNT || reason == STRAY_CR ? null : reason.english.holes(column.group(2));
                if (holes != null) {
                    return column.group(1) + "：" + reason.said(holes);
                }
            }
        }
        return recorded;
    }

    /** The column a recorded line is about ({@code loss_amount: more than 2 decimals}), empty of a row's reason. */
    static java.util.Optional<String> column(String recorded) {
        if (recorded == null) {
            return java.util.Optional.empty();
        }
        Matcher column = COLUMN.matcher(recorded);
        return column.matches() ? java.util.Optional.of(column.group(1)) : java.util.Optional.empty();
    }

    private String said(List<String> holes) {
        return chinese.formatted(holes.toArray());
    }
}
