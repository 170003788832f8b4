package org.fraudstats.bulletin.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.metrics.CityDay;

/**
 * The points of the trend chart (cases as bars, stop-payment amount as a line) and the heading that says which
 * days they are. A daily bulletin looks back 30 days; a range shows each of its days.
 */
final class TrendChart {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ISO_LOCAL_DATE;

    private TrendChart() {
    }

    static String heading(BulletinData data) {
        String heading = data.kind() == BulletinKind.DAILY
                ? "四、近" + data.days().size() + "日警情及止付金额走势"
                : "四、统计期内每日警情及止付金额走势";
        List<LocalDate> empty = data.days().stream().map(CityDay::day).filter(data::notArrivedInTrend).toList();
        boolean before = data.days().stream().map(CityDay::day).anyMatch(data::beforeRecordsInTrend);
        List<String> said = new java.util.ArrayList<>();
        if (before) {
            LocalDate first = data.recordsFrom().orElseThrow();
            said.add(org.fraudstats.bulletin.look.Formats.monthDay(first) + "前无记录");
        }
        if (!empty.isEmpty()) {
            said.add(named(empty) + "数据未到");
        }
        return said.isEmpty() ? heading : heading + "（" + String.join("，", said) + "，图中空缺）";
    }

    /** "12月5日", "12月5日、12月7日", or "12月5日等4天" beyond three. */
    static String named(List<LocalDate> days) {
        String listed = days.stream().limit(3).map(d -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日")
                .collect(Collectors.joining("、"));
        return days.size() > 3 ? days.get(0).getMonthValue() + "月" + days.get(0).getDayOfMonth() + "日等" + days.size() + "天" : listed;
    }

    /**
     * One row per day; the category label must be unique, so it carries the year once the days span one. A day
     * whose data has not arrived, or before the records, has no values: no bar, and a break in the line.
     */
    static List<Map<String, ?>> rows(BulletinData data) {
        List<CityDay> days = data.days();
        boolean spansAYear = !days.isEmpty()
                && !days.get(0).day().plusYears(1).isAfter(days.get(days.size() - 1).day());
        DateTimeFormatter label = spansAYear ? FULL : MONTH_DAY;
        return days.stream().<Map<String, ?>>map(d -> row(label, d,
                data.notArrivedInTrend(d.day()) || data.beforeRecordsInTrend(d.day()))).toList();
    }

    private static Map<String, ?> row(DateTimeFormatter label, CityDay day, boolean notArrived) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("day", label.format(day.day()));
        row.put("cases", notArrived ? null : day.cases());
        row.put("stop_amount", notArrived ? null : day.stopAmount());
        return row;
    }
}
