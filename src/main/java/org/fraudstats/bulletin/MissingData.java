package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fraudstats.bulletin.BaseGaps;
import org.fraudstats.metrics.Comparison;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 数据未到 notice of a bulletin over days whose data has not arrived, whoever renders it, daily or range
 * (sql/bulletin/days-not-arrived.sql): while no drop dated a day has been loaded, a daily bulletin that said it keeps
 * saying it (a later drop's late record of the day re-renders it, but the day's own drop is still missing), and a
 * first render says it unless a later drop has been loaded (a history loaded from month-end drops) or the day's own
 * drop was tried and did not load. The nightly job
 * says it too when the day's folder is not in the inbox and no drop of the day was loaded otherwise.
 */
@Component
public class MissingData {

    private final NamedParameterJdbcTemplate jdbc;
    private final FirstDayLoaded firstDayLoaded;

    MissingData(NamedParameterJdbcTemplate jdbc, FirstDayLoaded firstDayLoaded) {
        this.jdbc = jdbc;
        this.firstDayLoaded = firstDayLoaded;
    }

    /**
     * The notice printed above a daily bulletin of {@code day} whose data has not arrived. Records of the day that came
     * in other drops (a stop effective after midnight, in the drop before) are counted: "本期数字不含当日数据", until
     * 2026-12-06, had a statistician add the day's figures once it came and count those twice (tester 31c). Two notices
     * naming the same days print the same (SnapshotComparison compares the days), so a wording is no revision.
     */
    public static String notice(LocalDate day) {
        return "数据未到：" + day + " 的数据尚未到达，本期只计入已报送的当日记录，数字不全，数据到达后将以修订版重发。";
    }

    /** The notice of a range bulletin holding days whose data has not arrived. */
    static String notice(List<LocalDate> days) {
        return "数据未到：" + named(days) + " 的数据尚未到达，本期只计入已报送的这些日期的记录，数字不全，数据到达后将以修订版重发。";
    }

    /** The days as a notice names them: up to three listed, more as the first and how many (2022-11-06 等 4 天). */
    public static String named(List<LocalDate> days) {
        return days.size() > 3
                ? days.get(0) + " 等 " + days.size() + " 天"
                : days.stream().map(LocalDate::toString).collect(Collectors.joining("、"));
    }

    /** Whether a drop dated {@code day} has been loaded, from whatever folder (sql/bulletin/drop-loaded.sql). */
    public boolean dropLoaded(LocalDate day) {
        return jdbc.queryForObject(SqlFiles.load("bulletin/drop-loaded.sql"), Map.of("day", day), Boolean.class);
    }

    /**
     * The days whose data has not arrived inside what a bulletin of [from, to] compares with: its 同比 and 环比 base
     * periods, and 1 January to {@code to} of this year and of the last (the 今年以来 comparison); and which of them
     * begin before the first day anything was loaded for and hold days from it on.
     */
    public BaseGaps inBases(LocalDate from, LocalDate to) {
        LocalDate lastYearsTo = to.minusYears(1);
        LocalDate yoyFrom = Comparison.YOY.baseFrom(from, to);
        LocalDate yoyTo = Comparison.YOY.baseTo(from, to);
        LocalDate popFrom = Comparison.POP.baseFrom(from, to);
        LocalDate popTo = Comparison.POP.baseTo(from, to);
        List<LocalDate> yearToDate = new ArrayList<>(daysNotArrived(lastYearsTo.withDayOfYear(1), lastYearsTo));
        yearToDate.addAll(daysNotArrived(to.withDayOfYear(1), to));
        LocalDate firstDay = firstDayLoaded.get().orElse(null);
        BaseGaps.BeforeRecords beforeRecords = new BaseGaps.BeforeRecords(firstDay,
                BaseGaps.BeforeRecords.straddles(firstDay, yoyFrom, yoyTo),
                BaseGaps.BeforeRecords.straddles(firstDay, popFrom, popTo),
                // this year's days to date beginning before the records leave last year's wholly before them: 0
                BaseGaps.BeforeRecords.straddles(firstDay, lastYearsTo.withDayOfYear(1), lastYearsTo));
        BaseGaps.NoRecords noRecords = new BaseGaps.NoRecords(firstDay, BaseGaps.NoRecords.before(firstDay, yoyTo),
                BaseGaps.NoRecords.before(firstDay, popTo), BaseGaps.NoRecords.before(firstDay, lastYearsTo));
        return new BaseGaps(daysNotArrived(yoyFrom, yoyTo), daysNotArrived(popFrom, popTo), yearToDate,
                beforeRecords.none() ? BaseGaps.BeforeRecords.NONE : beforeRecords,
                noRecords.none() ? BaseGaps.NoRecords.NONE : noRecords);
    }

    /** The days of [from, to] whose data has not arrived, oldest first. */
    public List<LocalDate> daysNotArrived(LocalDate from, LocalDate to) {
        return jdbc.queryForList(SqlFiles.load("bulletin/days-not-arrived.sql"), Map.of("from", from, "to", to), LocalDate.class);
    }
}
