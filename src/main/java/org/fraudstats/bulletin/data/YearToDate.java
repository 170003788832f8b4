package org.fraudstats.bulletin.data;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Change;
import org.fraudstats.metrics.Metric;

/** The city since 1 January against the same days last year: every metric, one row each. */
public final class YearToDate {

    /**
     * @param compared false when the bulletin says 数据未到 (its year to date holds the missing days' zeros), or when
     *                 either year's days to date hold a day whose data has not arrived
     */
    public record Row(Metric metric, AreaFigures ytd, AreaFigures lastYear, boolean compared) {

        public Optional<BigDecimal> change() {
            return compared && metric.comparable() ? Change.percent(ytd.value(metric), lastYear.value(metric)) : Optional.empty();
        }
    }

    private YearToDate() {
    }

    public static List<Row> rows(BulletinData data) {
        return Arrays.stream(Metric.values()).map(m -> row(data, m)).toList();
    }

    /** One metric's row; a daily of 1 January with 数据未到 printed -100.0% for every one without this. */
    public static Row row(BulletinData data, Metric metric) {
        return new Row(metric, data.ytd(), data.ytdLastYear(), data.yearToDateCompared());
    }

    public static String heading(BulletinData data) {
        // a year whose records begin after 1 January is named from their first day, and says so
        return "全市今年以来（" + Formats.period(data.ytd().from(), data.ytd().to())
                + (data.ytd().from().getDayOfYear() == 1 ? "" : "，此前无记录") + "）与去年同期（"
                + Formats.period(data.ytdLastYear().from(), data.ytdLastYear().to())
                // its zeros are no record, not no case (BaseGaps.NoRecords)
                + (data.gaps().noRecords().lastYearToDate() ? "，无记录" : "")
                // and a last year begun before the records holds only their days: 去年同期 50宗 of five days (tester)
                + lastYearBeforeRecords(data).map(day -> "，" + day + "前无记录").orElse("") + "）对比";
    }

    /** "10月1日" when last year's days to date begin before the first day of the records and hold days from it on. */
    public static Optional<String> lastYearBeforeRecords(BulletinData data) {
        var before = data.gaps().beforeRecords();
        return before.yearToDate() && before.firstDay() != null
                ? Optional.of(Formats.monthDay(before.firstDay()))
                : Optional.empty();
    }
}
