package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fraudstats.metrics.Comparison;
import tools.jackson.databind.json.JsonMapper;

/**
 * The days a bulletin's figures read, as bulletin/data/BulletinAssembler reads them: its period, its 同比 and 环比
 * bases (metrics/Comparison, the very code the assembler uses), its year to date and last year's, and for a daily its
 * 30-day trend. Whether a bulletin may have changed since it was published is whether a day of these changed: the
 * rerun's dry run, a revision's 更正原因 and a bulletin page's notice ask it of these spans. Asked of "1 January of last
 * year to its last day", they named a late case of 2021-11-15 under the daily of 2022-10-24, which reads no day of
 * November 2021, and missed a base before that window (review).
 */
public final class ReadDays {

    /** One span of days read, first and last included. */
    public record Span(LocalDate first, LocalDate last) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TREND_DAYS = 30;

    private ReadDays() {
    }

    public static List<Span> of(BulletinKind kind, LocalDate from, LocalDate to) {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(from, to));
        spans.add(new Span(Comparison.YOY.baseFrom(from, to), Comparison.YOY.baseTo(from, to)));
        spans.add(new Span(Comparison.POP.baseFrom(from, to), Comparison.POP.baseTo(from, to)));
        spans.add(new Span(to.withDayOfYear(1), to));
        LocalDate lastYearsTo = to.minusYears(1);
        spans.add(new Span(lastYearsTo.withDayOfYear(1), lastYearsTo));
        if (kind == BulletinKind.DAILY) {
            spans.add(new Span(to.minusDays(TREND_DAYS - 1), to));
        }
        return spans;
    }

    /**
     * The spans of each bulletin as JSON rows {kind, date_from, date_to, first_day, last_day} (kind as table
     * bulletin_revision keys it), for SQL that reads them with json_to_recordset.
     */
    public static String json(List<Map.Entry<BulletinKind, Span>> bulletins) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map.Entry<BulletinKind, Span> b : bulletins) {
            for (Span read : of(b.getKey(), b.getValue().first(), b.getValue().last())) {
                rows.add(Map.of("kind", b.getKey().key(), "date_from", b.getValue().first().toString(),
                        "date_to", b.getValue().last().toString(), "first_day", read.first().toString(), "last_day", read.last().toString()));
            }
        }
        return JSON.writeValueAsString(rows);
    }
}
