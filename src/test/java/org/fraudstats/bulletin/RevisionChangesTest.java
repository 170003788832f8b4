package org.fraudstats.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RevisionChangesTest {

    /** One late case read as "本修订变更 18 项": the same figure's change under the trend's and the year to date's headings. */
    @Test
    void aCityChangeRepeatedUnderAnotherHeadingIsListedOnce() {
        List<String> daily = List.of("佛山市 电诈警情 45 → 46", "南海区 电诈警情 5 → 6", "今年以来 全市 电诈警情 17,120 → 17,121",
                "趋势 2022-12-31 电诈警情 45 → 46", "趋势 2022-12-31 止付金额 10.00 → 12.00", "趋势 2022-12-30 电诈警情 40 → 41");
        LocalDate day = LocalDate.parse("2022-12-31");
        // the daily's own bar repeats the city's row, unless what it says differs; its year to date is not its day
        assertThat(RevisionChanges.withoutRepeats(daily, BulletinKind.DAILY, day, day, "佛山市")).containsExactly("佛山市 电诈警情 45 → 46",
                "南海区 电诈警情 5 → 6", "今年以来 全市 电诈警情 17,120 → 17,121", "趋势 2022-12-31 止付金额 10.00 → 12.00",
                "趋势 2022-12-30 电诈警情 40 → 41");

        List<String> year = List.of("佛山市 电诈警情 17,120 → 17,121", "今年以来 全市 电诈警情 17,120 → 17,121",
                "去年同期 全市 电诈警情 16,000 → 16,001", "趋势 2022-12-31 电诈警情 45 → 46");
        // a range from 1 January: its year to date is the period itself
        assertThat(RevisionChanges.withoutRepeats(year, BulletinKind.RANGE, LocalDate.parse("2022-01-01"), day, "佛山市"))
                .containsExactly("佛山市 电诈警情 17,120 → 17,121", "去年同期 全市 电诈警情 16,000 → 16,001", "趋势 2022-12-31 电诈警情 45 → 46");
        // a daily of 1 January: its year to date is its day, and its trend bar too
        LocalDate newYear = LocalDate.parse("2023-01-01");
        List<String> first = List.of("佛山市 电诈警情 45 → 46", "今年以来 全市 电诈警情 45 → 46", "趋势 2023-01-01 电诈警情 45 → 46");
        assertThat(RevisionChanges.withoutRepeats(first, BulletinKind.DAILY, newYear, newYear, "佛山市"))
                .containsExactly("佛山市 电诈警情 45 → 46");
        // a daily of the first day of the records: its year to date, named from that day, is its day too
        LocalDate firstDay = LocalDate.parse("2021-10-01");
        assertThat(RevisionChanges.withoutRepeats(List.of("佛山市 电诈警情 7 → 8", "今年以来 全市 电诈警情 7 → 8"), BulletinKind.DAILY,
                firstDay, firstDay, firstDay, "佛山市")).containsExactly("佛山市 电诈警情 7 → 8");
        // and a first year's range from 1 January, whose year to date is named from that day
        assertThat(RevisionChanges.withoutRepeats(year, BulletinKind.RANGE, LocalDate.parse("2022-01-01"), day, firstDay, "佛山市"))
                .containsExactly("佛山市 电诈警情 17,120 → 17,121", "去年同期 全市 电诈警情 16,000 → 16,001", "趋势 2022-12-31 电诈警情 45 → 46");
        // a week's year to date is not its week
        List<String> week = List.of("佛山市 电诈警情 300 → 301", "今年以来 全市 电诈警情 300 → 301");
        assertThat(RevisionChanges.withoutRepeats(week, BulletinKind.WEEKLY, LocalDate.parse("2022-12-26"), LocalDate.parse("2023-01-01"), "佛山市"))
                .containsExactlyElementsOf(week);
    }

    /** A daily's 环比 base is the day before, which its trend prints too: one late case listed twice (tester 30a). */
    @Test
    void aYearToDateChangeThatCameWithTheCitys同比IsListedOnceWhenTheYearToDateIsThePeriod() {
        List<String> year = List.of("同比基期无记录 最早记录为2021-10-01 → 无", "同比 佛山市 电诈警情 — → +50.0%",
                "同比 禅城区 电诈警情 — → +50.0%", "今年以来或去年同期无记录 最早记录为2021-10-01 → 无", "今年以来同比 全市 电诈警情 — → +50.0%");
        assertThat(RevisionChanges.withoutRepeats(year, BulletinKind.RANGE, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-10-05"), "佛山市"))
                .containsExactly("同比基期无记录 最早记录为2021-10-01 → 无", "同比 佛山市 电诈警情 — → +50.0%",
                        "同比 禅城区 电诈警情 — → +50.0%", "今年以来或去年同期无记录 最早记录为2021-10-01 → 无");
        // a daily's year to date is not its day: both stay
        assertThat(RevisionChanges.withoutRepeats(year, BulletinKind.DAILY, LocalDate.parse("2022-10-05"), LocalDate.parse("2022-10-05"), "佛山市"))
                .isEqualTo(year);
    }

    @Test
    void aMoveOfTheFirstDayOfTheRecordsIsSaidAsSuchInTheReason() {
        String moved = "最早记录的日期有变动（载入了更早的记录，或这样的记录改到了其他日期）";
        assertThat(RevisionChanges.reasonLine(List.of(), true)).isEqualTo("更正原因：" + moved);
        assertThat(RevisionChanges.reasonLine(List.of(LocalDate.parse("2022-10-20")), true))
                .isEqualTo("更正原因：2022-10-20 的数据有更新（迟报、更正或修复）；" + moved);
        assertThat(RevisionChanges.reasonLine(List.of(LocalDate.parse("2022-10-20")), false))
                .isEqualTo("更正原因：2022-10-20 的数据有更新（迟报、更正或修复）");
    }

    @Test
    void theDayBeforeIsListedOnceUnderTheBaseNotAgainUnderTheTrend() {
        LocalDate day = LocalDate.parse("2022-12-31");
        List<String> daily = List.of("环比基期 佛山市 电诈警情 39 → 41", "环比基期 南海区 电诈警情 9 → 11", "趋势 2022-12-30 电诈警情 39 → 41",
                "趋势 2022-12-30 止付金额 1.00 → 2.00", "趋势 2022-12-29 电诈警情 39 → 41");
        assertThat(RevisionChanges.withoutRepeats(daily, BulletinKind.DAILY, day, day, "佛山市")).containsExactly(
                "环比基期 佛山市 电诈警情 39 → 41", "环比基期 南海区 电诈警情 9 → 11", "趋势 2022-12-30 止付金额 1.00 → 2.00",
                "趋势 2022-12-29 电诈警情 39 → 41");
        // a week's 环比 base is the week before, no day of its trend
        assertThat(RevisionChanges.withoutRepeats(daily, BulletinKind.WEEKLY, LocalDate.parse("2022-12-31"), LocalDate.parse("2023-01-06"),
                "佛山市")).containsExactlyElementsOf(daily);
    }

    @Test
    void namesTheChangedDaysAsRuns() {
        assertThat(RevisionChanges.reasonLine(days("2022-10-20"), false)).isEqualTo("更正原因：2022-10-20 的数据有更新（迟报、更正或修复）");
        assertThat(RevisionChanges.named(days("2022-10-11", "2022-10-12", "2022-10-13", "2022-10-15", "2022-10-16")))
                .isEqualTo("2022-10-11 至 2022-10-13、2022-10-15 至 2022-10-16");
        assertThat(RevisionChanges.named(days("2022-10-01", "2022-10-03", "2022-10-05", "2022-10-07", "2022-10-09", "2022-10-10")))
                .isEqualTo("2022-10-01、2022-10-03、2022-10-05 等 6 天");
    }

    @Test
    void tellsTheReasonFromTheFigures() {
        List<String> changes = List.of("佛山市 电诈警情 1 → 2", "今年以来 全市 电诈警情 3 → 4",
                RevisionChanges.reasonLine(days("2022-10-20"), false));
        assertThat(RevisionChanges.figures(changes)).containsExactly("佛山市 电诈警情 1 → 2", "今年以来 全市 电诈警情 3 → 4");
        assertThat(RevisionChanges.reason(changes)).contains("更正原因：2022-10-20 的数据有更新（迟报、更正或修复）");
        assertThat(RevisionChanges.reason(List.of("数据未到 → 数据已到达"))).isEmpty();
    }

    private static List<LocalDate> days(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
    }
}
