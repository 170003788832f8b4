package org.fraudstats.schedule;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.settings.LineTemplate;

/**
 * What a schedule waits for, or why it failed: the English line the record keeps (the log says it), and the same line in the statistician's words on /runs, where the Chinese page showed it as is
 * ("drop not in /srv/inbox; looking again in PT15M, deadline 2026-12-06T07:30+08:00", tester). ScheduleRunner writes
 * its lines from here and the page reads them back from here, so a reworded line cannot stay English on the page
 * unnoticed. A line not written from here (a loader's message, an older wording) is shown as recorded.
 */
enum WaitingWords {

    DROP_NOT_IN("drop not in %s; looking again in %s, deadline %s",
            h -> "数据未到（收件目录 " + h.get(0) + "）；" + after(h.get(1)) + "后再查看，截止 " + time(h.get(2))),
    NO_INBOX("the inbox %s does not exist: no drop can arrive there (FRAUDSTATS_INBOX); looking again in %s, deadline %s",
            h -> "收件目录 " + h.get(0) + " 不存在，数据无法到达（请检查 FRAUDSTATS_INBOX，或共享目录是否已挂载）；"
                    + after(h.get(1)) + "后再查看，截止 " + time(h.get(2))),
    NIGHT_FAILED("the nightly run of %s failed and is tried again; looking again in %s",
            h -> "等待 " + h.get(0) + " 的日报任务（该任务失败，正在自动重试）；" + after(h.get(1)) + "后再查看"),
    NIGHT_NOT_FINISHED("the nightly run of %s is not finished; looking again in %s",
            h -> "等待 " + h.get(0) + " 的日报任务完成；" + after(h.get(1)) + "后再查看"),
    BUSY("another run (a rerun, a nightly or a load by hand) is working on these days; looking again in %s",
            h -> "另一项任务（重算、手动日报或载入）正在处理这些日期，完成后自动生成；" + after(h.get(0)) + "后再查看"),
    EXIT("exit %s (the log of serve says why)", h -> "退出码 " + h.get(0) + "（原因见 serve 的日志）"),
    // a night or a week published with 数据未到 said nothing on /runs and "detail": null in the API (r33f): which days
    PUBLISHED_NOT_ARRIVED("published with 数据未到: the data of %s had not arrived; the next night or a rerun revises it once loaded",
            h -> "已按数据未到发布：" + BusinessTime.daysNamedInChinese(h.get(0)) + " 的数据尚未到达；数据到达后，下一次日报任务或重算将发布修订版");

    private final LineTemplate english;
    private final Function<List<String>, String> chinese;

    WaitingWords(String english, Function<List<String>, String> chinese) {
        this.english = new LineTemplate(english);
        this.chinese = chinese;
    }

    /** The line to record and log. */
    String line(Object... holes) {
        return english.line(holes);
    }

    static String chinese(String detail) {
        if (detail == null) {
            return null;
        }
        for (WaitingWords words : values()) {
            List<String> holes = words.english.holes(detail);
            if (holes != null) {
                return words.chinese.apply(holes);
            }
        }
        // a night refused because rollups differ from the facts records the check's own line
        return org.fraudstats.nightly.NightlyLines.chineseOfFailure(detail).orElse(detail);
    }

    /** PT14M59.999S as 15 分钟, PT1H30M as 1 小时 30 分钟, PT40S as 40 秒: to the second, rounded up. */
    static String after(String iso) {
        Duration wait;
        try {
            wait = Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return iso;
        }
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder said = new StringBuilder();
        if (hours > 0) {
            said.append(hours).append(" 小时");
        }
        if (minutes > 0) {
            said.append(said.length() > 0 ? " " : "").append(minutes).append(" 分钟");
        }
        if (rest > 0 || said.length() == 0) {
            said.append(said.length() > 0 ? " " : "").append(rest).append(" 秒");
        }
        return said.toString();
    }

    /** 2026-12-06T07:30+08:00 as 2026-12-06 07:30, Beijing time: a deadline is said to the minute. */
    private static String time(String iso) {
        try {
            java.time.LocalDateTime at = OffsetDateTime.parse(iso).atZoneSameInstant(org.fraudstats.settings.BusinessTime.ZONE).toLocalDateTime();
            return at.toLocalDate() + " " + at.toLocalTime().toString().substring(0, 5);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
