package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fraudstats.metrics.Comparison;
import tools.jackson.databind.json.JsonMapper;

/**
 * The days a bulletin's figures read: its period, its 同比 and 环比 bases (metrics/Comparison), its year to date and
 * last year's, and its trend (a daily's 30 days, a range's own period). bulletin/data/BulletinAssembler reads the
 * figures of these very spans; whether a bulletin may have changed since it was published is whether a day of them
 * changed, which the rerun's dry run, a revision's 更正原因 and a bulletin page's notice ask. Asked of "1 January of
 * last year to its last day", they named a late case of 2021-11-15 under the daily of 2022-10-24, which reads no day
 * of November 2021, and missed a base before that window (review).
 */
public record ReadDays(Span period, Span yoy, Span pop, Span yearToDate, Span lastYearToDate, Span trend) {

    /** One span of days read, first and last included. */
    public record Span(LocalDate first, LocalDate last) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TREND_DAYS = 30;

    public static ReadDays of(BulletinKind kind, LocalDate from, LocalDate to) {
        LocalDate lastYearsTo = to.minusYears(1);
        return new ReadDays(new Span(from, to),
                new Span(Comparison.YOY.baseFrom(from, to), Comparison.YOY.baseTo(from, to)),
                new Span(Comparison.POP.baseFrom(from, to), Comparison.POP.baseTo(from, to)),
                new Span(to.withDayOfYear(1), to),
                new Span(lastYearsTo.withDayOfYear(1), lastYearsTo),
                kind == BulletinKind.DAILY ? new Span(to.minusDays(TREND_DAYS - 1), to) : new Span(from, to));
    }

    /** Every span once (a range's trend is its period), in the order above. */
    public List<Span> spans() {
        return Stream.of(period, yoy, pop, yearToDate, lastYearToDate, trend).distinct().toList();
    }

    /**
     * Every day the bulletins read, as few spans as cover them (overlapping or adjacent spans joined), oldest first: a
     * question asked of every bulletin of a year's rerun (365 dailies, five spans each) is a handful of queries.
     */
    public static List<Span> union(List<Map.Entry<BulletinKind, Span>> bulletins) {
        List<Span> all = new ArrayList<>();
        for (Map.Entry<BulletinKind, Span> b : bulletins) {
            all.addAll(of(b.getKey(), b.getValue().first(), b.getValue().last()).spans());
        }
        all.sort(java.util.Comparator.comparing(Span::first));
        List<Span> joined = new ArrayList<>();
        for (Span span : all) {
            Span last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && !span.first().isAfter(last.last().plusDays(1))) {
                joined.set(joined.size() - 1, new Span(last.first(), span.last().isAfter(last.last()) ? span.last() : last.last()));
            } else {
                joined.add(span);
            }
        }
        return joined;
    }

    /** The spans of one bulletin as the JSON rows {@link #json(List)} writes. */
    public static String json(BulletinKind kind, LocalDate from, LocalDate to) {
        return json(List.of(Map.entry(kind, new Span(from, to))));
    }

    /**
     * The spans of each bulletin as JSON rows {kind, date_from, date_to, first_day, last_day} (kind as table
     * bulletin_revision keys it), for SQL that reads them with json_to_recordset.
     */
    public static String json(List<Map.Entry<BulletinKind, Span>> bulletins) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map.Entry<BulletinKind, Span> b : bulletins) {
            for (Span read : of(b.getKey(), b.getValue().first(), b.getValue().last()).spans()) {
                rows.add(Map.of("kind", b.getKey().key(), "date_from", b.getValue().first().toString(),
                        "date_to", b.getValue().last().toString(), "first_day", read.first().toString(), "last_day", read.last().toString()));
            }
        }
        return JSON.writeValueAsString(rows);
    }
}
