package org.fraudstats.schedule;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a schedule waits for, or why it failed, in the statistician's words on /runs: the record keeps the English
 * line the log says (and {@code /api/v1} gives scripts), and the Chinese page showed it as is ("drop not in /srv/inbox;
 * looking again in PT15M, deadline 2026-12-06T07:30+08:00", tester). A line not listed here is shown as recorded.
 */
final class WaitingWords {

    private static final String AGAIN = "; looking again in (P\\S+?)";
    private static final Pattern DROP = Pattern.compile("drop not in (.+)" + AGAIN + ", deadline (\\S+)");
    private static final Pattern NO_INBOX = Pattern.compile(
            "the inbox (.+) does not exist: no drop can arrive there \\(FRAUDSTATS_INBOX\\)" + AGAIN + ", deadline (\\S+)");
    private static final Pattern NIGHT = Pattern.compile("the nightly run of (\\d{4}-\\d\\d-\\d\\d) (failed and is tried again|is not finished)" + AGAIN);
    private static final Pattern EXIT = Pattern.compile("exit (\\d+) \\(the log of serve says why\\)");

    private WaitingWords() {
    }

    static String chinese(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = DROP.matcher(detail);
        if (m.matches()) {
            return "数据未到（收件目录 " + m.group(1) + "）；" + after(m.group(2)) + "后再查看，截止 " + time(m.group(3));
        }
        m = NO_INBOX.matcher(detail);
        if (m.matches()) {
            return "收件目录 " + m.group(1) + " 不存在，数据无法到达（请检查 FRAUDSTATS_INBOX，或共享目录是否已挂载）；"
                    + after(m.group(2)) + "后再查看，截止 " + time(m.group(3));
        }
        m = NIGHT.matcher(detail);
        if (m.matches()) {
            return "等待 " + m.group(1) + (m.group(2).startsWith("failed") ? " 的日报任务（该任务失败，正在自动重试）" : " 的日报任务完成")
                    + "；" + after(m.group(3)) + "后再查看";
        }
        m = EXIT.matcher(detail);
        if (m.matches()) {
            return "退出码 " + m.group(1) + "（原因见 serve 的日志）";
        }
        return detail;
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
