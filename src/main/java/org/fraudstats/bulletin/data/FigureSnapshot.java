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
 */
public final class FigureSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, Map<String, String>>>> SHAPE =
            new TypeReference<>() { };

    private static final String NOTES = "notes";
    private static final String UNUSUAL = "unusual";
    private static final String MISSING = "missing";
    private static final String BASES_NOT_ARRIVED = "bases_not_arrived";
    private static final String BASES_BEFORE_RECORDS = "bases_before_records";
    private static final String YEAR_TO_DATE_FROM = "year_to_date_from";
    private static final String BASES_WITHOUT_RECORDS = "bases_without_records";

    private FigureSnapshot() {
    }

    /** @param notice the notice printed above everything (数据未到), or null */
    public static String of(BulletinData data, String notice) {
        Map<String, Map<String, Map<String, String>>> snapshot = new LinkedHashMap<>();
        snapshot.put("areas", areas(data.areas()));
        snapshot.put("yoy_base", areas(data.yoyBase()));
        snapshot.put("pop_base", areas(data.popBase()));
        snapshot.put("ytd", Map.of("city", figures(data.ytd())));
        snapshot.put("ytd_last_year", Map.of("city", figures(data.ytdLastYear())));
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        for (FraudTypeRow t : data.fraudTypes()) {
            types.put(t.code(), Map.of("cases", Long.toString(t.cases()), "loss_amount", t.lossAmount().toPlainString()));
        }
        snapshot.put("fraud_types", types);
        Map<String, Map<String, String>> days = new LinkedHashMap<>();
        for (CityDay d : data.days()) {
            days.put(d.day().toString(), Map.of("cases", Long.toString(d.cases()), "stop_amount", d.stopAmount().toPlainString()));
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
            notes.put(MISSING, Map.of("text", notice));
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

    /** The figures that differ, in the bulletin's order but the city first in each table, worded for a reader. */
    public static List<String> changes(String before, String after, Catalog catalog) {
        Read earlier = read(before);
        Read later = read(after);
        Map<String, LinkedHashMap<String, Map<String, String>>> old = earlier.sections;
        Map<String, LinkedHashMap<String, Map<String, String>>> now = later.sections;
        List<String> changes = new ArrayList<>();
        Optional<String> noticeWas = missingNote(earlier);
        Optional<String> noticeIs = missingNote(later);
        if (noticeWas.isPresent() != noticeIs.isPresent()) {
            changes.add(noticeWas.isPresent() ? "数据未到 → 数据已到达" : "数据已到达 → 数据未到");
        } else if (!noticeWas.equals(noticeIs)) {
            // a weekly whose Saturday came and whose Sunday has not: the days it names changed
            changes.add(noticeWas.get().replaceFirst("^数据未到：", "数据未到 ").replaceFirst(" 的数据尚未到达.*", "") + " → "
                    + noticeIs.get().replaceFirst("^数据未到：", "").replaceFirst(" 的数据尚未到达.*", ""));
        }
        BaseGaps gapsWere = gaps(earlier);
        BaseGaps gapsAre = gaps(later);
        for (ComparedBase base : ComparedBase.values()) {
            List<LocalDate> were = gapsWere.notArrived(base);
            List<LocalDate> are = gapsAre.notArrived(base);
            String beforeWere = gapsWere.beforeRecords(base) ? "最早记录为" + gapsWere.beforeRecords().firstDay() : "";
            String beforeAre = gapsAre.beforeRecords(base) ? "最早记录为" + gapsAre.beforeRecords().firstDay() : "";
            if (noticeIs.isPresent()) {
                continue; // a 数据未到 revision compares nothing: its bases are not said
            }
            if (noticeWas.isPresent()) {
                // the one before compared nothing, so "无 → …" would claim it had found its bases whole
                if (!are.isEmpty()) {
                    changes.add(base.noteName() + "数据未到 " + MissingData.named(are));
                }
                if (!beforeAre.isEmpty()) {
                    changes.add(base.noteName() + "无记录 " + beforeAre);
                }
                continue;
            }
            if (!were.equals(are)) {
                changes.add(base.noteName() + "数据未到 " + (were.isEmpty() ? "无" : MissingData.named(were)) + " → "
                        + (are.isEmpty() ? "无" : MissingData.named(are)));
            }
            if (!beforeWere.equals(beforeAre)) {
                changes.add(base.noteName() + "无记录 " + (beforeWere.isEmpty() ? "无" : beforeWere) + " → "
                        + (beforeAre.isEmpty() ? "无" : beforeAre));
            }
        }
        for (String section : List.of("areas", "yoy_base", "pop_base", "ytd", "ytd_last_year", "fraud_types", "days")) {
            if (old.containsKey(section) != now.containsKey(section)) {
                continue; // a table added after the older revision was published: it printed none, so none moved
            }
            Map<String, Map<String, String>> was = old.getOrDefault(section, new LinkedHashMap<>());
            Map<String, Map<String, String>> is = now.getOrDefault(section, new LinkedHashMap<>());
            List<String> rows = new ArrayList<>(is.keySet());
            was.keySet().stream().filter(k -> !is.containsKey(k)).forEach(rows::add);
            // the city's row first, though the table prints it last: leadership reads the first lines of the list
            // (the portal shows five, the rest folded), and the city's change was folded under 其余 21 项 (tester)
            if (rows.remove(catalog.cityCode())) {
                rows.add(0, catalog.cityCode());
            }
            for (String row : rows) {
                Map<String, String> a = was.getOrDefault(row, Map.of());
                Map<String, String> b = is.getOrDefault(row, Map.of());
                if (zeroOnOneSideOnly(a, b)) {
                    continue;
                }
                for (String key : keys(section)) {
                    if (keptByOneOnly(a, b, key)) {
                        continue;
                    }
                    String x = a.getOrDefault(key, "");
                    String y = b.getOrDefault(key, "");
                    if (!x.equals(y)) {
                        changes.add(label(section, row, catalog) + " " + metricName(key) + " " + printed(key, x) + " → " + printed(key, y));
                    }
                }
            }
        }
        return changes;
    }

    /**
     * Whether two renders print the same figures, 数据未到 or not: the 异常提示 is said anew with each render, but the
     * notice going away is what its readers were promised a revision for (数据到达后将以修订版重发).
     */
    public static boolean sameFigures(String a, String b) {
        Read first = read(a);
        Read second = read(b);
        if (!missingNote(first).equals(missingNote(second)) || !gaps(first).equals(gaps(second))) {
            return false;
        }
        Map<String, LinkedHashMap<String, Map<String, String>>> x = first.sections;
        Map<String, LinkedHashMap<String, Map<String, String>>> y = second.sections;
        x.remove(NOTES);
        y.remove(NOTES);
        for (String section : union(x.keySet(), y.keySet())) {
            if (x.containsKey(section) != y.containsKey(section)) {
                continue;
            }
            Map<String, Map<String, String>> p = x.get(section);
            Map<String, Map<String, String>> q = y.get(section);
            for (String row : union(p.keySet(), q.keySet())) {
                Map<String, String> r = p.getOrDefault(row, Map.of());
                Map<String, String> t = q.getOrDefault(row, Map.of());
                if (zeroOnOneSideOnly(r, t)) {
                    continue;
                }
                if (r.isEmpty() || t.isEmpty()) {
                    return false;
                }
                for (String key : union(r.keySet(), t.keySet())) {
                    if (!keptByOneOnly(r, t, key) && !r.getOrDefault(key, "").equals(t.getOrDefault(key, ""))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A figure one snapshot of a row keeps and the other does not: a metric added to metrics.md after the older
     * revision was published, which it did not print, so it did not move. Compared as "— → 5.00", every bulletin
     * rendered again after such a release was published and mailed as a correction of every area though no published
     * figure changed (a newcomer adding a figure found it).
     */
    private static boolean keptByOneOnly(Map<String, String> a, Map<String, String> b, String key) {
        return !a.isEmpty() && !b.isEmpty() && a.containsKey(key) != b.containsKey(key);
    }

    /**
     * A row one render has and the other has not, all its figures zero: a district added to the catalogue, with no
     * record yet. Its "新区 电诈警情 — → 0" moved no figure, yet a rerun published (and mailed) every bulletin again as a
     * correction listing nothing but such lines (tester).
     */
    private static boolean zeroOnOneSideOnly(Map<String, String> a, Map<String, String> b) {
        return a.isEmpty() != b.isEmpty() && (a.isEmpty() ? b : a).values().stream()
                .allMatch(v -> v == null || v.isEmpty() || new BigDecimal(v).signum() == 0);
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(all::add);
        return all;
    }

    private static Map<String, Map<String, String>> areas(List<AreaFigures> areas) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (AreaFigures area : areas) {
            rows.put(area.districtCode(), figures(area));
        }
        return rows;
    }

    private static Map<String, String> figures(AreaFigures area) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            BigDecimal v = area.value(m);
            values.put(m.key(), v == null ? "" : v.toPlainString());
        }
        return values;
    }

    private static List<String> keys(String section) {
        return switch (section) {
            case "fraud_types" -> List.of("cases", "loss_amount");
            case "days" -> List.of("cases", "stop_amount");
            default -> java.util.Arrays.stream(Metric.values()).map(Metric::key).toList();
        };
    }

    private static String label(String section, String row, Catalog catalog) {
        String area = catalog.areaName(row).orElse(row);
        return switch (section) {
            case "areas" -> area;
            case "yoy_base" -> "同比基期 " + area;
            case "pop_base" -> "环比基期 " + area;
            case "ytd" -> "今年以来 全市";
            case "ytd_last_year" -> "去年同期 全市";
            case "fraud_types" -> "诈骗类型 " + catalog.fraudTypeName(row);
            default -> "趋势 " + row;
        };
    }

    private static String metricName(String key) {
        return java.util.Arrays.stream(Metric.values()).filter(m -> m.key().equals(key)).map(Metric::chineseName)
                .findFirst().orElse(key);
    }

    private static String dash(String v) {
        return v.isEmpty() ? "—" : v;
    }

    /**
     * A figure of a change as the bulletin's table prints it (1,920,383.94 → 2,008,383.94): the list read
     * 1920383.94 → 2008383.94 beside the table's grouped figures, in the PDF, its mail and the portal.
     */
    private static String printed(String key, String v) {
        if (v.isEmpty()) {
            return dash(v);
        }
        Metric metric = java.util.Arrays.stream(Metric.values()).filter(m -> m.key().equals(key)).findFirst().orElse(null);
        if (metric == null) {
            return v;
        }
        try {
            return switch (metric.kind()) {
                case COUNT -> org.fraudstats.metrics.Printed.count(Long.parseLong(v));
                case MONEY -> org.fraudstats.metrics.Printed.money(new BigDecimal(v));
                case MINUTES -> org.fraudstats.metrics.Printed.minutes(new BigDecimal(v));
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return v;
        }
    }

    private static Map<String, LinkedHashMap<String, Map<String, String>>> parse(String json) {
        return JSON.readValue(json, SHAPE);
    }
}
