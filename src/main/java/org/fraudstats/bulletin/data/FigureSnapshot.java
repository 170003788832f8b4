package org.fraudstats.bulletin.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.bulletin.BaseGaps;
import org.fraudstats.bulletin.ComparedBase;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.CityDay;
import org.fraudstats.metrics.Metric;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure a bulletin prints — the district table, both comparison bases, the year to date and the same
 * days last year, the fraud types and the trend — kept with each revision, so that the next render can say
 * exactly what moved (南海区 电诈警情 35 → 36) instead of changing a published figure silently, and so that the
 * bulletin's mail, sent later and perhaps sent again, says the figures of the revision it carries (a late record loaded
 * meanwhile is the next revision's, not this mail's). The 异常提示 a daily printed, its 数据未到 notice and the days
 * not arrived in its bases (whose changes it did not compute) are kept beside them under "notes": they are said, not
 * figures; the notice and the bases' gaps are still a change of their own, since they decide which changes print.
 * {@link SnapshotComparison} says what moved between two of them.
 */
public final class FigureSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, Map<String, String>>>> SHAPE =
            new TypeReference<>() { };

    static final String NOTES = "notes";
    private static final String UNUSUAL = "unusual";
    private static final String MISSING = "missing";
    /** Within the MISSING note: the days of the year to date not arrived (yearToDateNotArrived). */
    static final String YEAR_TO_DATE_NOT_ARRIVED = "year_to_date_days";
    private static final String BASES_NOT_ARRIVED = "bases_not_arrived";
    /**
     * Within a row, its data had not arrived (kept since 2026-12-06): of a trend day, the trend printed no bar; of the
     * district table or the year to date of a 数据未到 daily, its zeros printed "—".
     */
    static final String NOT_ARRIVED = "not_arrived";
    private static final String BASES_BEFORE_RECORDS = "bases_before_records";
    private static final String YEAR_TO_DATE_FROM = "year_to_date_from";
    private static final String BASES_WITHOUT_RECORDS = "bases_without_records";

    private FigureSnapshot() {
    }

    /** @param notice the notice printed above everything (数据未到), or null */
    public static String of(BulletinData data, String notice) {
        Map<String, Map<String, Map<String, String>>> snapshot = new LinkedHashMap<>();
        // the rows whose zeros printed "—" say so, and a day of the trend left empty (数据未到): the next revision's
        // change list said "佛山市 电诈警情 0 → 1" and "趋势 2022-12-04 电诈警情 0 → 10" of them (tester 31c)
        snapshot.put("areas", areas(data.areas(), a -> data.zerosNotArrived(a, notice)));
        snapshot.put("yoy_base", areas(data.yoyBase(), a -> false));
        snapshot.put("pop_base", areas(data.popBase(), a -> false));
        snapshot.put("ytd", Map.of("city", marked(figures(data.ytd()), data.zerosNotArrived(data.ytd(), notice))));
        snapshot.put("ytd_last_year", Map.of("city", figures(data.ytdLastYear())));
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        for (FraudTypeRow t : data.fraudTypes()) {
            types.put(t.code(), Map.of("cases", Long.toString(t.cases()), "loss_amount", t.lossAmount().toPlainString()));
        }
        snapshot.put("fraud_types", types);
        Map<String, Map<String, String>> days = new LinkedHashMap<>();
        for (CityDay d : data.days()) {
            Map<String, String> day = new LinkedHashMap<>();
            day.put("cases", Long.toString(d.cases()));
            day.put("stop_amount", d.stopAmount().toPlainString());
            days.put(d.day().toString(), marked(day, data.trendNotArrived().contains(d.day())));
        }
        snapshot.put("days", days);
        Map<String, Map<String, String>> notes = new LinkedHashMap<>();
        if (data.unusual() != null) {
            notes.put(UNUSUAL, Map.of("text", data.unusual()));
        }
        if (data.ytd().from().getDayOfYear() != 1) {
            notes.put(YEAR_TO_DATE_FROM, Map.of("day", data.ytd().from().toString()));
        }
        if (notice != null) {
            // and the days of its year to date not arrived, which the mail's and page's sentences name as the bulletin's
            // do: under a notice no base gaps are kept, and a weekly's mail quoted its year as whole (review 31d)
            List<LocalDate> shortDays = java.util.stream.Stream.concat(data.trendNotArrived().stream(), data.gaps().yearToDate().stream())
                    .filter(d -> !d.isBefore(data.ytd().from()) && !d.isAfter(data.ytd().to())).distinct().sorted().toList();
            notes.put(MISSING, shortDays.isEmpty() ? Map.of("text", notice) : Map.of("text", notice, YEAR_TO_DATE_NOT_ARRIVED, days(shortDays)));
        } else {
            BaseGaps gaps = data.gaps();
            if (!gaps.yoy().isEmpty() || !gaps.pop().isEmpty() || !gaps.yearToDate().isEmpty()) {
                notes.put(BASES_NOT_ARRIVED, Map.of(ComparedBase.YOY.key(), days(gaps.yoy()),
                        ComparedBase.POP.key(), days(gaps.pop()), ComparedBase.YEAR_TO_DATE.key(), days(gaps.yearToDate())));
            }
            if (!gaps.beforeRecords().none()) {
                notes.put(BASES_BEFORE_RECORDS, basesNote(gaps.beforeRecords().firstDay(), gaps::beforeRecords));
            }
            // kept to be said, not compared (BaseGaps.NoRecords is no part of BaseGaps.equals, which sameFigures asks)
            if (!gaps.noRecords().none()) {
                notes.put(BASES_WITHOUT_RECORDS, basesNote(gaps.noRecords().firstDay(), gaps::noRecords));
            }
        }
        if (!notes.isEmpty()) {
            snapshot.put(NOTES, notes);
        }
        return JSON.writeValueAsString(snapshot);
    }

    /**
     * One row of a section as the figures the bulletin printed: {@code areas}, {@code yoy_base} and {@code pop_base}
     * by area code, {@code ytd} and {@code ytd_last_year} by "city"; empty when the snapshot has no such row, or when
     * the row lacks one of the figures {@code needed}. A revision kept before a figure was added to metrics.md never
     * printed it: a caller that does not need it gets the row with it as 0 (a count) or undefined, which it must not
     * print; one that needs it gets nothing rather than a figure made up (review: it threw for a count, and then every
     * older revision lost its 要点 and its mails for a figure they never said).
     */
    public static Optional<AreaFigures> figures(String json, String section, String row, String areaCode, LocalDate from, LocalDate to,
                                                java.util.Set<Metric> needed) {
        return figures(read(json), section, row, areaCode, from, to, needed);
    }

    /** As {@link #figures(String, String, String, String, LocalDate, LocalDate, java.util.Set)}, of a snapshot read once. */
    public static Optional<AreaFigures> figures(Read snapshot, String section, String row, String areaCode, LocalDate from, LocalDate to,
                                                java.util.Set<Metric> needed) {
        Map<String, String> v = snapshot.sections.getOrDefault(section, new LinkedHashMap<>()).get(row);
        if (v == null || needed.stream().anyMatch(m -> !v.containsKey(m.key()))) {
            return Optional.empty();
        }
        return Optional.of(new AreaFigures(from, to, areaCode,
                count(v, Metric.CASES), money(v, Metric.LOSS_AMOUNT), count(v, Metric.STOP_ACCOUNTS), money(v, Metric.STOP_AMOUNT),
                count(v, Metric.FREEZE_ACCOUNTS), money(v, Metric.FREEZE_AMOUNT), count(v, Metric.REFUND_CASES),
                money(v, Metric.REFUND_AMOUNT), money(v, Metric.MEDIAN_MINUTES_TO_STOP), count(v, Metric.WARNINGS),
                count(v, Metric.DISSUADED_VISITS)));
    }

    /**
     * A snapshot parsed once: a bulletin's page and its mail ask one revision's snapshot up to eight things (the
     * period, both bases, the year to date, three notes), and each parsed the whole JSON again.
     */
    public static final class Read {

        private final Map<String, LinkedHashMap<String, Map<String, String>>> sections;

        private Read(Map<String, LinkedHashMap<String, Map<String, String>>> sections) {
            this.sections = sections;
        }

        Map<String, LinkedHashMap<String, Map<String, String>>> sections() {
            return sections;
        }
    }

    public static Read read(String json) {
        return new Read(parse(json));
    }

    /** The 异常提示 the daily bulletin printed; empty for other kinds and for revisions published before it was kept. */
    public static Optional<String> unusualNote(Read snapshot) {
        return Optional.ofNullable(snapshot.sections.getOrDefault(NOTES, new LinkedHashMap<>()).get(UNUSUAL)).map(n -> n.get("text"));
    }

    /**
     * The first day of the year to date the revision printed, when its records began after 1 January; empty when it
     * began on 1 January, or was published before this was kept (it then named the year to date from 1 January).
     */
    public static Optional<LocalDate> yearToDateFrom(Read snapshot) {
        return Optional.ofNullable(snapshot.sections.getOrDefault(NOTES, new LinkedHashMap<>()).get(YEAR_TO_DATE_FROM))
                .map(n -> LocalDate.parse(n.get("day")));
    }

    /** The 数据未到 notice the daily bulletin printed; empty when it printed none. */
    public static Optional<String> missingNote(Read snapshot) {
        return Optional.ofNullable(snapshot.sections.getOrDefault(NOTES, new LinkedHashMap<>()).get(MISSING)).map(n -> n.get("text"));
    }

    /**
     * The days of the year to date whose data had not arrived when it was rendered: the bases' gaps of a revision that
     * computed its changes, the days kept with the notice of one that did not; none for one published before either.
     */
    public static List<LocalDate> yearToDateNotArrived(Read snapshot) {
        Map<String, String> missing = snapshot.sections.getOrDefault(NOTES, new LinkedHashMap<>()).get(MISSING);
        return missing != null ? days(missing.get(YEAR_TO_DATE_NOT_ARRIVED)) : gaps(snapshot).yearToDate();
    }

    /**
     * Every day the revision printed as not arrived (数据未到): its own day under its notice, the days of its year to date
     * and of its bases, and the trend's days left empty; of a revision published before these were kept, those it kept.
     */
    public static java.util.SortedSet<LocalDate> saidNotArrived(Read snapshot, LocalDate ownDay) {
        java.util.SortedSet<LocalDate> said = new java.util.TreeSet<>(yearToDateNotArrived(snapshot));
        if (missingNote(snapshot).isPresent()) {
            said.add(ownDay);
        }
        // (the year to date's gaps are yearToDateNotArrived's when no notice was printed)
        BaseGaps gaps = gaps(snapshot);
        said.addAll(gaps.yoy());
        said.addAll(gaps.pop());
        snapshot.sections.getOrDefault("days", new LinkedHashMap<>()).forEach((day, row) -> {
            if ("true".equals(row.get(NOT_ARRIVED))) {
                said.add(LocalDate.parse(day));
            }
        });
        return said;
    }

    /**
     * The days not arrived in the bases of a revision that computed its changes, and the bases it found beginning before
     * the records; none for one published before they were kept.
     */
    public static BaseGaps gaps(Read snapshot) {
        Map<String, Map<String, String>> notes = snapshot.sections.getOrDefault(NOTES, new LinkedHashMap<>());
        Map<String, String> gaps = notes.getOrDefault(BASES_NOT_ARRIVED, Map.of());
        Map<String, String> before = notes.get(BASES_BEFORE_RECORDS);
        BaseGaps.BeforeRecords beforeRecords = before == null ? BaseGaps.BeforeRecords.NONE : new BaseGaps.BeforeRecords(
                firstDay(before), marked(before, ComparedBase.YOY), marked(before, ComparedBase.POP), marked(before, ComparedBase.YEAR_TO_DATE));
        Map<String, String> without = notes.get(BASES_WITHOUT_RECORDS);
        BaseGaps.NoRecords noRecords = without == null ? BaseGaps.NoRecords.NONE : new BaseGaps.NoRecords(
                firstDay(without), marked(without, ComparedBase.YOY), marked(without, ComparedBase.POP), marked(without, ComparedBase.YEAR_TO_DATE));
        return new BaseGaps(days(gaps.get(ComparedBase.YOY.key())), days(gaps.get(ComparedBase.POP.key())),
                days(gaps.get(ComparedBase.YEAR_TO_DATE.key())), beforeRecords, noRecords);
    }

    /** A note of bases against the first day of the records: {"first_day": "2021-10-01", "bases": "yoy,year_to_date"}. */
    private static Map<String, String> basesNote(LocalDate firstDay, java.util.function.Predicate<ComparedBase> marked) {
        return Map.of("first_day", firstDay.toString(),
                "bases", String.join(",", java.util.Arrays.stream(ComparedBase.values()).filter(marked).map(ComparedBase::key).toList()));
    }

    private static LocalDate firstDay(Map<String, String> basesNote) {
        return LocalDate.parse(basesNote.get("first_day"));
    }

    private static boolean marked(Map<String, String> basesNote, ComparedBase base) {
        return List.of(basesNote.get("bases").split(",")).contains(base.key());
    }

    private static String days(List<LocalDate> days) {
        return String.join(",", days.stream().map(LocalDate::toString).toList());
    }

    private static List<LocalDate> days(String days) {
        return days == null || days.isEmpty() ? List.of() : java.util.Arrays.stream(days.split(",")).map(LocalDate::parse).toList();
    }

    /** A count the row keeps, or 0 for one it does not (see figures: only for a caller that does not print it). */
    private static long count(Map<String, String> values, Metric metric) {
        String v = values.get(metric.key());
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    private static BigDecimal money(Map<String, String> values, Metric metric) {
        String v = values.get(metric.key());
        return v == null || v.isEmpty() ? null : new BigDecimal(v);
    }

    private static Map<String, Map<String, String>> areas(List<AreaFigures> areas, java.util.function.Predicate<AreaFigures> notArrived) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (AreaFigures area : areas) {
            rows.put(area.districtCode(), marked(figures(area), notArrived.test(area)));
        }
        return rows;
    }

    private static Map<String, String> marked(Map<String, String> row, boolean notArrived) {
        if (notArrived) {
            row.put(NOT_ARRIVED, "true");
        }
        return row;
    }

    private static Map<String, String> figures(AreaFigures area) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            BigDecimal v = area.value(m);
            values.put(m.key(), v == null ? "" : v.toPlainString());
        }
        return values;
    }

    private static Map<String, LinkedHashMap<String, Map<String, String>>> parse(String json) {
        return JSON.readValue(json, SHAPE);
    }
}
