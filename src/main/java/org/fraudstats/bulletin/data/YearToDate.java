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

    public record Row(Metric metric, AreaFigures ytd, AreaFigures lastYear) {

        public Optional<BigDecimal> change() {
            return metric.comparable() ? Change.percent(ytd.value(metric), lastYear.value(metric)) : Optional.empty();
        }
    }

    private YearToDate() {
    }

    public static List<Row> rows(BulletinData data) {
        return Arrays.stream(Metric.values()).map(m -> new Row(m, data.ytd(), data.ytdLastYear())).toList();
    }

    public static String heading(BulletinData data) {
        return "全市今年以来（" + Formats.period(data.ytd().from(), data.ytd().to()) + "）与去年同期（"
                + Formats.period(data.ytdLastYear().from(), data.ytdLastYear().to()) + "）对比";
    }
}
