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
import org.fraudstats.metrics.Metric;

/**
 * What moved between two revisions' {@link FigureSnapshot}s: whether a render prints the same figures as the
 * revision before (then nothing is published), and the list of changes a revision prints, mails and shows
 * (南海区 电诈警情 35 → 36), each figure as the bulletin's table prints it.
 */
public final class SnapshotComparison {

    private SnapshotComparison() {
    }

    /** The figures that differ, in the bulletin's order but the city first in each table, worded for a reader. */
    public static List<String> changes(String before, String after, Catalog catalog) {
        FigureSnapshot.Read earlier = FigureSnapshot.read(before);
        FigureSnapshot.Read later = FigureSnapshot.read(after);
        Map<String, LinkedHashMap<String, Map<String, String>>> old = earlier.sections();
        Map<String, LinkedHashMap<String, Map<String, String>>> now = later.sections();
        List<String> changes = new ArrayList<>();
        Optional<String> noticeWas = FigureSnapshot.missingNote(earlier);
        Optional<String> noticeIs = FigureSnapshot.missingNote(later);
        if (noticeWas.isPresent() != noticeIs.isPresent()) {
            changes.add(noticeWas.isPresent() ? "数据未到 → 数据已到达" : "数据已到达 → 数据未到");
        } else if (!noticeDays(noticeWas).equals(noticeDays(noticeIs))) {
            // a weekly whose Saturday came and whose Sunday has not: the days it names changed
            changes.add(noticeWas.get().replaceFirst("^数据未到：", "数据未到 ").replaceFirst(" 的数据尚未到达.*", "") + " → "
                    + noticeIs.get().replaceFirst("^数据未到：", "").replaceFirst(" 的数据尚未到达.*", ""));
        }
        BaseGaps gapsWere = FigureSnapshot.gaps(earlier);
        BaseGaps gapsAre = FigureSnapshot.gaps(later);
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
                if (section.equals("days") && notArrived(a) && notArrived(b)) {
                    continue; // no bar either time, whatever few records of the day other drops brought
                }
                for (String key : keys(section)) {
                    if (keptByOneOnly(a, b, key)) {
                        continue;
                    }
                    String x = a.getOrDefault(key, "");
                    String y = b.getOrDefault(key, "");
                    if (!x.equals(y)) {
                        changes.add(label(section, row, catalog) + " " + metricName(key) + " " + shown(section, a, key)
                                + " → " + shown(section, b, key));
                    }
                }
            }
        }
        // after the figures that moved, which the portal's first lines show (review r38g); a 数据未到 revision computes no
        // change at all, so the notice coming or going makes every one come or go: a month that turned 数据未到 dropped
        // 48 同比 from its PDF and workbook under the notice's line alone (r39a)
        for (ComparedBase base : ComparedBase.values()) {
            boolean computedBefore = noticeWas.isEmpty() && whole(gapsWere, base);
            boolean computedAfter = noticeIs.isEmpty() && whole(gapsAre, base);
            if (computedBefore != computedAfter) {
                changes.addAll(changesNowComputedOrNot(base, old, now, computedBefore, computedAfter, catalog));
            }
        }
        return changes;
    }

    /** Whether the bulletin computes the changes against the base (BulletinData's yoyCompared and the others). */
    private static boolean whole(BaseGaps gaps, ComparedBase base) {
        return switch (base) {
            case YOY -> gaps.yoyWhole();
            case POP -> gaps.popWhole();
            case YEAR_TO_DATE -> gaps.yearToDateWhole();
        };
    }

    /**
     * The printed changes against a base that one revision computes and the other does not (a base that now reaches
     * before the first record, or whose missing day arrived): each is a figure that appeared or went, the city's on a
     * line of its own (今年以来同比 全市 电诈警情 -1.4% → —), the districts' counted (环比 各区县 12 项 — → 已计算（见分区表）).
     * The note's line alone named what changed in the base, and ten 今年以来同比 cells vanished from the workbook and the
     * PDF unnamed, no figure of the snapshot having moved (r38d).
     */
    private static List<String> changesNowComputedOrNot(ComparedBase base, Map<String, LinkedHashMap<String, Map<String, String>>> old,
                                                        Map<String, LinkedHashMap<String, Map<String, String>>> now,
                                                        boolean computedBefore, boolean computedNow, Catalog catalog) {
        String current = base == ComparedBase.YEAR_TO_DATE ? "ytd" : "areas";
        String against = switch (base) {
            case YOY -> "yoy_base";
            case POP -> "pop_base";
            case YEAR_TO_DATE -> "ytd_last_year";
        };
        List<String> rows = new ArrayList<>(now.getOrDefault(current, new LinkedHashMap<>()).keySet());
        old.getOrDefault(current, new LinkedHashMap<>()).keySet().stream().filter(k -> !rows.contains(k)).forEach(rows::add);
        if (rows.remove(catalog.cityCode())) {
            rows.add(0, catalog.cityCode());
        }
        List<String> lines = new ArrayList<>();
        int districtsCame = 0;
        int districtsWent = 0;
        for (String row : rows) {
            boolean city = row.equals(catalog.cityCode()) || base == ComparedBase.YEAR_TO_DATE;
            String label = base == ComparedBase.YEAR_TO_DATE ? "今年以来同比 全市"
                    : base.change() + " " + catalog.areaName(row).orElse(row);
            Map<String, String> wasRow = old.getOrDefault(current, new LinkedHashMap<>()).getOrDefault(row, Map.of());
            Map<String, String> isRow = now.getOrDefault(current, new LinkedHashMap<>()).getOrDefault(row, Map.of());
            for (Metric metric : Metric.values()) {
                // a figure one revision keeps and the other does not was not printed by it: it did not move
                if (!metric.comparable() || keptByOneOnly(wasRow, isRow, metric.key())) {
                    continue;
                }
                String was = computedBefore ? percent(old, current, against, row, metric) : "—";
                String is = computedNow ? percent(now, current, against, row, metric) : "—";
                if (was.equals(is)) {
                    continue;
                }
                if (city) {
                    lines.add(label + " " + metric.chineseName() + " " + was + " → " + is);
                } else if (computedNow) {
                    districtsCame++;
                } else {
                    districtsWent++;
                }
            }
        }
        // the districts' counted, not listed: a missing day's drop coming turned on 100 环比 cells of a province's
        // dailies, and the figures that moved were folded away under them (review r38g); the table shows them
        if (districtsCame > 0) {
            lines.add(base.change() + " 各区县 " + districtsCame + " 项 — → 已计算（见分区表）");
        }
        if (districtsWent > 0) {
            lines.add(base.change() + " 各区县 " + districtsWent + " 项 已计算 → —");
        }
        return lines;
    }

    /** A change as the bulletin prints it, from a snapshot's figures: "—" when the base is 0 or a figure is not kept. */
    private static String percent(Map<String, LinkedHashMap<String, Map<String, String>>> sections, String current, String against,
                                  String row, Metric metric) {
        String x = sections.getOrDefault(current, new LinkedHashMap<>()).getOrDefault(row, Map.of()).getOrDefault(metric.key(), "");
        String y = sections.getOrDefault(against, new LinkedHashMap<>()).getOrDefault(row, Map.of()).getOrDefault(metric.key(), "");
        if (x.isEmpty() || y.isEmpty()) {
            return "—";
        }
        return org.fraudstats.metrics.Change.percent(new BigDecimal(x), new BigDecimal(y)).map(org.fraudstats.metrics.Change::said).orElse("—");
    }

    /**
     * The days a 数据未到 notice names ("2022-10-23", "2022-10-21 等 5 天"): two notices naming the same days say the
     * same, whatever their wording (MissingData.notice was reworded on 2026-12-06; every bulletin published with the
     * notice before would otherwise be revised, and mailed, for a word).
     */
    private static Optional<String> noticeDays(Optional<String> notice) {
        return notice.map(n -> n.replaceFirst("^数据未到：", "").replaceFirst(" 的数据尚未到达.*", ""));
    }

    /**
     * Whether two renders print the same figures, 数据未到 or not: the 异常提示 is said anew with each render, but the
     * notice going away is what its readers were promised a revision for (数据到达后将以修订版重发).
     */
    public static boolean sameFigures(String a, String b) {
        FigureSnapshot.Read first = FigureSnapshot.read(a);
        FigureSnapshot.Read second = FigureSnapshot.read(b);
        if (!noticeDays(FigureSnapshot.missingNote(first)).equals(noticeDays(FigureSnapshot.missingNote(second)))
                || !FigureSnapshot.gaps(first).equals(FigureSnapshot.gaps(second))) {
            return false;
        }
        Map<String, LinkedHashMap<String, Map<String, String>>> x = first.sections();
        Map<String, LinkedHashMap<String, Map<String, String>>> y = second.sections();
        x.remove(FigureSnapshot.NOTES);
        y.remove(FigureSnapshot.NOTES);
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
                if (section.equals("days") && notArrived(r) && notArrived(t)) {
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

    /** A row whose data had not arrived (FigureSnapshot.NOT_ARRIVED). */
    private static boolean notArrived(Map<String, String> row) {
        return "true".equals(row.get(FigureSnapshot.NOT_ARRIVED));
    }

    /**
     * A figure of a row as the revision printed it: 数据未到 of a trend day it drew no bar for, "—" of a 0 of a day
     * not arrived (a 数据未到 daily's table), else the figure as the table prints it.
     */
    private static String shown(String section, Map<String, String> row, String key) {
        String v = row.getOrDefault(key, "");
        if (notArrived(row) && section.equals("days")) {
            return "数据未到";
        }
        if (notArrived(row) && !v.isEmpty() && new BigDecimal(v).signum() == 0) {
            return "—";
        }
        return printed(key, v);
    }

    /**
     * A row one render has and the other has not, all its figures zero: a district added to the catalogue, with no
     * record yet. Its "新区 电诈警情 — → 0" moved no figure, yet a rerun published (and mailed) every bulletin again as a
     * correction listing nothing but such lines (tester).
     */
    private static boolean zeroOnOneSideOnly(Map<String, String> a, Map<String, String> b) {
        return a.isEmpty() != b.isEmpty() && (a.isEmpty() ? b : a).entrySet().stream()
                .filter(e -> !e.getKey().equals(FigureSnapshot.NOT_ARRIVED)).map(Map.Entry::getValue)
                .allMatch(v -> v == null || v.isEmpty() || new BigDecimal(v).signum() == 0);
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(all::add);
        return all;
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
}
