package org.fraudstats.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a row was rejected, in the statistician's words for /rejects: the record keeps the loader's line ({@code
 * loss_amount: more than 2 decimals}), which `rejects`, the API and scripts read, and the page says it in Chinese
 * beside it, the column named as the file's header names it. A reason not listed here is shown as recorded.
 */
public final class RejectWords {

    private static final Map<String, String> PROBLEMS = Map.ofEntries(
            Map.entry("missing", "必填项为空"),
            Map.entry("not an ISO-8601 timestamp", "不是 ISO-8601 时间（如 2022-10-23T23:40:00+08:00）"),
            Map.entry("unknown district", "不是已配置的区县代码"),
            Map.entry("unknown fraud type", "不在诈骗类型目录中"),
            Map.entry("unknown action", "不是 STOP_PAYMENT 或 FREEZE"),
            Map.entry("unknown channel", "不是 SMS、CALL、VISIT 或 APP"),
            Map.entry("unknown outcome", "不是 DISSUADED、UNREACHED 或 ALREADY_DEFRAUDED"),
            Map.entry("not a plain decimal amount in yuan", "不是以元为单位的普通小数（如 1234.5）"),
            Map.entry("more than 2 decimals", "小数超过 2 位"),
            Map.entry("out of range", "超出范围"),
            Map.entry("must be greater than 0", "必须大于 0"),
            Map.entry("not an integer", "不是整数"),
            Map.entry("out of range 0-120", "不在 0–120 之间"),
            Map.entry("contains a NUL character", "含有 NUL 字符"));

    private static final Pattern COLUMN = Pattern.compile("([a-z_]+): (.+)");
    private static final Pattern LONGER = Pattern.compile("longer than (\\d+) characters");
    private static final Pattern FIELDS = Pattern.compile("row has (\\d+) fields, header has (\\d+)");

    private RejectWords() {
    }

    public static String chinese(String reason) {
        if (reason == null) {
            return "";
        }
        Matcher fields = FIELDS.matcher(reason);
        if (fields.matches()) {
            return "该行有 " + fields.group(1) + " 个字段，表头有 " + fields.group(2) + " 个";
        }
        Matcher column = COLUMN.matcher(reason);
        if (!column.matches()) {
            return reason;
        }
        String problem = column.group(2);
        Matcher longer = LONGER.matcher(problem);
        String said = longer.matches() ? "超过 " + longer.group(1) + " 个字符" : PROBLEMS.get(problem);
        return said == null ? reason : column.group(1) + "：" + said;
    }
}
