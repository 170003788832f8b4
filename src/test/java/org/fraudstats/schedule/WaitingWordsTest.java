package org.fraudstats.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schedule's own lines on /runs in Chinese; anything else, a loader's message, as recorded. */
class WaitingWordsTest {

    @Test
    void theScheduleOwnLinesInChinese() {
        assertThat(WaitingWords.chinese("drop not in /srv/inbox; looking again in PT15M, deadline 2026-12-06T07:30+08:00"))
                .isEqualTo("数据未到（收件目录 /srv/inbox）；15 分钟后再查看，截止 2026-12-06 07:30");
        assertThat(WaitingWords.chinese("the inbox /mnt/feeds does not exist: no drop can arrive there (FRAUDSTATS_INBOX); "
                + "looking again in PT1H30M, deadline 2026-12-05T23:30Z"))
                .isEqualTo("收件目录 /mnt/feeds 不存在，数据无法到达（请检查 FRAUDSTATS_INBOX，或共享目录是否已挂载）；"
                        + "1 小时 30 分钟后再查看，截止 2026-12-06 07:30");
        assertThat(WaitingWords.chinese("the nightly run of 2022-10-22 failed and is tried again; looking again in PT1S"))
                .isEqualTo("等待 2022-10-22 的日报任务（该任务失败，正在自动重试）；1 秒后再查看");
        assertThat(WaitingWords.chinese("the nightly run of 2022-10-23 is not finished; looking again in PT1M"))
                .isEqualTo("等待 2022-10-23 的日报任务完成；1 分钟后再查看");
        assertThat(WaitingWords.chinese("exit 3 (the log of serve says why)")).isEqualTo("退出码 3（原因见 serve 的日志）");
        // a period published with 数据未到 names its days, as its notice does (r33f)
        java.time.LocalDate d20 = java.time.LocalDate.of(2022, 10, 20);
        assertThat(WaitingWords.chinese(WaitingWords.PUBLISHED_NOT_ARRIVED.line(org.fraudstats.settings.BusinessTime.daysNamed(java.util.List.of(d20, d20.plusDays(2))))))
                .isEqualTo("已按数据未到发布：2022-10-20、2022-10-22 的数据尚未到达；数据到达后，下一次日报任务或重算将发布修订版");
        String week = WaitingWords.PUBLISHED_NOT_ARRIVED.line(org.fraudstats.settings.BusinessTime.daysNamed(d20.datesUntil(d20.plusDays(7)).toList()));
        assertThat(week).isEqualTo("published with 数据未到: the data of 2022-10-20 and 6 more days had not arrived; the next "
                + "night or a rerun revises it once loaded");
        assertThat(WaitingWords.chinese(week)).isEqualTo("已按数据未到发布：2022-10-20 等 7 天 的数据尚未到达；数据到达后，下一次日报任务或重算将发布修订版");
        assertThat(WaitingWords.chinese("drop 2031-01-02 not loaded: cases.csv: required column 'loss_amount' missing from the header"))
                .isEqualTo("drop 2031-01-02 not loaded: cases.csv: required column 'loss_amount' missing from the header");
        // a night refused for rollups differing from the facts (review 29d: it stayed English on /runs)
        assertThat(WaitingWords.chinese("1 rollup rows differ from the facts, the first: case_day 2022-10-01 440604 OTHER: rollup "
                + "[2 cases, loss 100.00], facts [1 cases, loss 100.00]; nothing was rendered: fraudstats verify --from 2022-10-01 "
                + "--to 2022-10-03 lists them, and with --repair mends them"))
                .isEqualTo("日汇总与明细数据不一致（共 1 行，第一行：case_day 2022-10-01 440604 OTHER: rollup [2 cases, loss 100.00], "
                        + "facts [1 cases, loss 100.00]），未生成任何通报；请运维人员运行 fraudstats verify --from 2022-10-01 --to 2022-10-03 --repair 修复");
        assertThat(WaitingWords.chinese(null)).isNull();
        assertThat(WaitingWords.after("PT2M40.5S")).isEqualTo("2 分钟 41 秒");
        assertThat(WaitingWords.after("PT0S")).isEqualTo("0 秒");
    }

    /** Whatever line ScheduleRunner writes, /runs reads back: none stays English. */
    @Test
    void everyLineTheScheduleWritesIsReadBack() {
        for (WaitingWords words : WaitingWords.values()) {
            String line = words.line(java.nio.file.Path.of("/srv/inbox"), java.time.Duration.ofMinutes(15),
                    java.time.OffsetDateTime.parse("2026-12-06T07:30+08:00"));
            assertThat(WaitingWords.chinese(line)).as(line).doesNotContain("looking again", "(the log");
        }
    }
}
