package org.fraudstats.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the schedules ran, night by night, for the statisticians' /runs page and the administrator's /schedules: a night that failed or ended without
 * its drop is otherwise only in `serve`'s log and in table schedule_run, out of reach of anyone without a shell.
 */
@Component
public class ScheduledRuns {

    /**
     * One period a schedule ran: the night of a business day, or the week or month beginning on it.
     *
     * @param to      the period's last day (the day itself for a night)
     * @param status RUNNING, WAITING, DONE, MISSING_DATA or FAILED
     * @param detail  why it failed, or what it waits for, in one line; null otherwise
     * @param retried whether a failed one is tried again by itself (a night of the last week)
     * @param doneByHand whether a failed night has been done by hand since (./fraudstats nightly --date D), a failed
     *                   week or month rendered since (rerun --range)
     * @param completedSince whether a period published with 数据未到 has been published again since, whole: its
     *                       bulletin's latest revision no longer says 数据未到
     */
    public record Period(String schedule, LocalDate day, LocalDate to, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                         String detail, boolean retried, boolean doneByHand, boolean completedSince) {

        /** When it started and ended, in Beijing time to the second; empty while it runs. */
        public String started() {
            return BusinessTime.isoSeconds(startedAt.toInstant());
        }

        public String finished() {
            return finishedAt == null ? "" : BusinessTime.isoSeconds(finishedAt.toInstant());
        }

        /**
         * The detail as the page says it: in Chinese where it is one of the schedule's own lines (WaitingWords); of a
         * week or month that failed, what renders it, since its schedule does not try it again (a 周报 refused for
         * rollups stayed 失败 after the repair with nothing on the page saying what to do next: closing note 29).
         */
        public String reason() {
            return reason("在上方“重算一个区间”", WaitingWords.chinese(detail));
        }

        /**
         * The same for the administrator's page, which has no rerun form: who renders it, and where; a rollup refusal
         * without its row of a district's figures, which web.md gives leaders and statisticians only (review r39e).
         */
        public String reasonForAdministrator() {
            return reason("由统计人员在“运行与重算”页面", org.fraudstats.nightly.NightlyLines.chineseOfFailureWithoutFigures(detail)
                    .orElseGet(() -> WaitingWords.chinese(detail)));
        }

        /** The recorded line as the administrator's API answers it: a rollup refusal without its row of figures. */
        public String detailForAdministrator() {
            return org.fraudstats.nightly.NightlyLines.withoutFigures(detail);
        }

        private String reason(String where, String said) {
            if ("FAILED".equals(status) && !retried && !doneByHand && !to.equals(day)) {
                return said + "（不自动重试：问题解决后，" + where + "重算 " + day + " 至 " + to + "，勾选“同时生成整个区间的通报”；生成后按订阅名单邮件发送）";
            }
            if (completedSince) {
                return said + "（此后数据已到，已发布数据齐全的修订版）";
            }
            return said;
        }

        /** The status as the page says it. */
        public String statusName() {
            return switch (status) {
                case "DONE" -> "完成";
                case "MISSING_DATA" -> completedSince ? "数据未到，现已补齐" : "数据未到";
                // the scheduled run failed, and the night was done by hand since: /runs said 失败（自动重试中） until the
                // next fire (tester A)
                case "FAILED" -> doneByHand ? "失败，已手工补做" : "失败";
                case "WAITING" -> "等待";
                case "RUNNING" -> "运行中";
                default -> status;
            };
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ScheduleDefinitions definitions;
    private final Clock clock;

    ScheduledRuns(NamedParameterJdbcTemplate jdbc, ScheduleDefinitions definitions, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** The latest {@code limit} periods, newest business day first. */
    public List<Period> latest(int limit) {
        return jdbc.query(SqlFiles.load("schedule/recent-runs.sql"), Map.of("limit", limit),
                (rs, n) -> {
                    LocalDate day = rs.getObject("business_day", LocalDate.class);
                    OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
                    boolean failed = "FAILED".equals(rs.getString("status"));
                    LocalDate to = lastDay(rs.getString("schedule"), day);
                    boolean nightly = nightly(rs.getString("schedule"));
                    boolean doneByHand = nightly ? rs.getBoolean("done_by_hand") : rendered(rs.getArray("ranges_rendered_to"), to);
                    boolean completed = nightly ? rs.getBoolean("night_completed_since") : rendered(rs.getArray("ranges_completed_to"), to);
                    return new Period(rs.getString("schedule"), day, to, rs.getString("status"), started,
                            rs.getObject("finished_at", OffsetDateTime.class), rs.getString("detail"),
                            failed && !doneByHand && retried(rs.getString("schedule"), day), doneByHand, completed);
                });
    }

    /** Whether a range bulletin ending on {@code to} is among those listed (an SQL array of last days, or null). */
    private static boolean rendered(java.sql.Array lastDays, LocalDate to) throws java.sql.SQLException {
        if (lastDays == null) {
            return false;
        }
        for (Object day : (Object[]) lastDays.getArray()) {
            if (day instanceof java.sql.Date date && date.toLocalDate().equals(to)) {
                return true;
            }
        }
        return false;
    }

    /** The last day of the period beginning on {@code day}: a schedule since removed from jobs/ says the day alone. */
    private LocalDate lastDay(String schedule, LocalDate day) {
        return definitions.all().stream().filter(d -> d.name().equals(schedule)).findFirst()
                .map(d -> d.cadence().end(day)).orElse(day);
    }

    private boolean nightly(String schedule) {
        return definitions.enabled().stream().anyMatch(d -> d.name().equals(schedule) && d.work() == ScheduleDefinition.Work.NIGHTLY);
    }

    private boolean retried(String schedule, LocalDate day) {
        return definitions.enabled().stream().filter(d -> d.name().equals(schedule)).findFirst()
                .map(d -> ScheduleRunner.failedRetriedSince(d, d.cadence().latestComplete(BusinessTime.today(clock))))
                .map(since -> !day.isBefore(since)).orElse(false);
    }
}
