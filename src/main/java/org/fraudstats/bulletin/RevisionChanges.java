package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A revision's list of changes as it is recorded (table bulletin_revision, manifest.json, the API's {@code changes}):
 * the figures that moved against the revision before, one line each, then, when loads since the revision before
 * explain them, one line saying why ({@code 更正原因：2022-10-21 的数据有更新（迟报、更正或修复）}). The record keeps
 * one list, so scripts read it as before; readers show the figures and the reason apart. Counted among the changes,
 * the reason made the portal say "本修订变更 3 项" of two figures, and the PDF and the mail listed it as one more
 * changed number.
 */
public final class RevisionChanges {

    private static final String REASON = "更正原因：";

    private RevisionChanges() {
    }

    /**
     * The line saying why a revision's figures moved: the days whose data changed since the revision before, and
     * when the first day of the records moved (a record dated before it loaded, or the only such one
     * corrected to another day): said as that, not as nine months of data updated (review r38g).
     */
    public static String reasonLine(List<LocalDate> changedDays, boolean recordsStartMoved) {
        String moved = "最早记录的日期有变动（载入了更早的记录，或这样的记录改到了其他日期）";
        if (changedDays.isEmpty()) {
            return REASON + moved;
        }
        return REASON + named(changedDays) + " 的数据有更新（迟报、更正或修复）" + (recordsStartMoved ? "；" + moved : "");
    }

    /**
     * The days as runs of consecutive days, up to four runs (2022-10-11 至 2022-10-13、2022-10-15、2022-10-16), then
     * the first three runs and how many days in all: "2022-10-11 等 5 天" named one day of five (tester).
     */
    public static String named(List<LocalDate> days) {
        List<LocalDate[]> runs = new java.util.ArrayList<>();
        for (LocalDate day : days.stream().distinct().sorted().toList()) {
            LocalDate[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1].plusDays(1).equals(day)) {
                last[1] = day;
            } else {
                runs.add(new LocalDate[] {day, day});
            }
        }
        java.util.function.Function<LocalDate[], String> run = r -> r[0].equals(r[1]) ? r[0].toString() : r[0] + " 至 " + r[1];
        if (runs.size() <= 4) {
            return String.join("、", runs.stream().map(run).toList());
        }
        return String.join("、", runs.subList(0, 3).stream().map(run).toList()) + " 等 " + days.stream().distinct().count() + " 天";
    }

    /**
     * The changes without those that repeat a city figure's change under another heading: a daily's trend bar of its
     * own day ("趋势 2022-12-31 电诈警情 45 → 46" beside "佛山市 电诈警情 45 → 46"), and a range from 1 January's year to
     * date, which is the period itself ("今年以来 全市 …", and its 今年以来同比 the city's 同比), as a daily of 1 January's is. One late case read as "本修订变更 18 项" (a leader, 2026-12-06).
     */
    public static List<String> withoutRepeats(List<String> changes, BulletinKind kind, LocalDate from, LocalDate to, String cityName) {
        return withoutRepeats(changes, kind, from, to, to.withDayOfYear(1), cityName);
    }

    /**
     * As above, for a bulletin whose year to date begins on {@code yearToDateFrom}: a first year's begins on the first
     * day of the records, and a daily of that day (or a range from it) repeated its change under 今年以来 (review).
     */
    public static List<String> withoutRepeats(List<String> changes, BulletinKind kind, LocalDate from, LocalDate to,
                                              LocalDate yearToDateFrom, String cityName) {
        java.util.Set<String> cityChanges = new java.util.HashSet<>();
        java.util.Set<String> dayBeforeChanges = new java.util.HashSet<>();
        java.util.Set<String> cityYoyChanges = new java.util.HashSet<>();
        String dayBefore = "环比基期 " + cityName + " ";
        String cityYoy = "同比 " + cityName + " ";
        for (String change : changes) {
            if (change.startsWith(cityYoy)) {
                cityYoyChanges.add(change.substring(cityYoy.length()));
            }
            if (change.startsWith(cityName + " ")) {
                cityChanges.add(figureNow(change.substring(cityName.length() + 1)));
            }
            if (change.startsWith(dayBefore)) {
                dayBeforeChanges.add(figureNow(change.substring(dayBefore.length())));
            }
        }
        String ownDay = "趋势 " + from + " ";
        // a daily's 环比 base is the day before, which its trend prints too: one late case of that day was listed
        // twice, "环比基期 佛山市 电诈警情 39 → 41" and "趋势 2022-12-30 电诈警情 39 → 41" (tester 30a)
        String trendDayBefore = "趋势 " + from.minusDays(1) + " ";
        String yearToDate = "今年以来 全市 ";
        String yearToDateChange = "今年以来同比 全市 ";
        return changes.stream().filter(change -> {
            if (kind == BulletinKind.DAILY && change.startsWith(ownDay)) {
                return !cityChanges.contains(figureNow(change.substring(ownDay.length())));
            }
            if (kind == BulletinKind.DAILY && change.startsWith(trendDayBefore)) {
                return !dayBeforeChanges.contains(figureNow(change.substring(trendDayBefore.length())));
            }
            // and a daily of 1 January, whose year to date is its day (review: two lines for one late case)
            // (a first year's year to date is named from the first day of the records, and counts from 1 January)
            boolean yearToDateIsThePeriod = yearToDateFrom.equals(from) || (from.getDayOfYear() == 1 && from.getYear() == to.getYear());
            if (yearToDateIsThePeriod && change.startsWith(yearToDate)) {
                return !cityChanges.contains(figureNow(change.substring(yearToDate.length())));
            }
            // and its 今年以来同比, the city's 同比 then, come or gone with it (SnapshotComparison)
            if (yearToDateIsThePeriod && change.startsWith(yearToDateChange)) {
                return !cityYoyChanges.contains(change.substring(yearToDateChange.length()));
            }
            return true;
        }).toList();
    }

    /**
     * A change as the figure and what it is now ("电诈警情 → 1"): the same figure printed before as "—" in the table and
     * as 数据未到 in the trend (a 数据未到 daily) is one change all the same.
     */
    private static String figureNow(String change) {
        int arrow = change.lastIndexOf(" → ");
        int space = change.indexOf(' ');
        return arrow < 0 || space < 0 || space > arrow ? change : change.substring(0, space) + change.substring(arrow);
    }

    /** The changed figures of a recorded list, without its reason line. */
    public static List<String> figures(List<String> changes) {
        return changes.stream().filter(c -> !c.startsWith(REASON)).toList();
    }

    /** The reason line of a recorded list, if it has one (revisions published before it was written have none). */
    public static Optional<String> reason(List<String> changes) {
        return changes.stream().filter(c -> c.startsWith(REASON)).findFirst();
    }
}
