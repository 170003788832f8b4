package org.fraudstats.bulletin.pdf;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return data.kind() == BulletinKind.DAILY
                ? "四、近" + data.days().size() + "日警情及止付金额走势"
                : "四、统计期内每日警情及止付金额走势";
    }

    /** One row per day; the category label must be unique, so it carries the year once the days span one. */
    static List<Map<String, ?>> rows(List<CityDay> days) {
        boolean spansAYear = !days.isEmpty()
                && !days.get(0).day().plusYears(1).isAfter(days.get(days.size() - 1).day());
        DateTimeFormatter label = spansAYear ? FULL : MONTH_DAY;
        return days.stream().<Map<String, ?>>map(d -> row(label, d)).toList();
    }

    private static Map<String, ?> row(DateTimeFormatter label, CityDay day) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("day", label.format(day.day()));
        row.put("cases", day.cases());
        row.put("stop_amount", day.stopAmount());
        return row;
    }
}
