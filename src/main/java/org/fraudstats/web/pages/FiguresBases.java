package org.fraudstats.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fraudstats.bulletin.BaseGaps;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.metrics.Comparison;

/**
 * What 统计数据 says of what its changes compare with, and which changes it shows as —: a base short of a day's data, or
 * reaching before the first day of the records, makes a change that did not happen. The bulletins compute none
 * (bulletin/BaseGaps), and this page printed 同比 +5,552.0% for a 2022 year to date against five days of 2021 under a
 * notice not to rely on it (tester); its CSV keeps what metrics computes.
 *
 * @param firstDay        the first day of the records, or null when nothing was loaded
 * @param recordsStartSet whether the deployment says it (fraudstats.records-start): records before it may be loaded
 * @param missingInBase   the days not arrived in the base (by day: between the first and the last day's base days)
 */
record FiguresBases(LocalDate from, LocalDate to, Comparison comparison, boolean byDay, LocalDate firstDay,
                    boolean recordsStartSet, List<LocalDate> missingInBase) {

    /** Whether the change of a row (by day: of its day) is shown. */
    boolean changeShown(LocalDate day) {
        return byDay ? !baseDayBefore(day) : missingInBase.isEmpty() && !baseStraddles() && !baseWhollyBefore();
    }

    /** "同比基期：2021-10-01 至 2021-10-24（本期 …）。", as the bulletins say under their tables; null without a comparison. */
    String basePeriod() {
        if (comparison == null) {
            return null;
        }
        return byDay
                ? name() + "基期：每日与" + (comparison == Comparison.YOY ? "上一年的同一日（2月29日对应2月28日）" : "前一日") + "比较。"
                : name() + "基期：" + baseFrom() + " 至 " + baseTo() + "（本期 " + from + " 至 " + to + "）。";
    }

    /** "基期数据未到：…", or null. */
    String missingInBaseSaid() {
        return missingInBase.isEmpty() ? null : "基期数据未到：" + MissingData.named(missingInBase) + " 的数据尚未到达，" + name()
                + "基期只计入已报送的这些日期的记录，数字不全，" + (byDay ? "这些日期的变化不可作为判断依据。" : "不计算变化（显示为—），与通报一致。");
    }

    /**
     * "无记录：…" when the period or what it compares with reaches before the first day of the records, or null: a
     * period or base beginning before it counts only the days since, one wholly before it has none (its 0 read as "no
     * case last October"), and by day a day whose own base day is before it has nothing to compare with.
     */
    String beforeRecordsSaid() {
        List<String> straddling = new ArrayList<>();
        if (firstDay != null && from.isBefore(firstDay)) {
            straddling.add("本期");
        }
        if (baseStraddles()) {
            straddling.add(name() + "基期");
        }
        boolean whollyBefore = firstDay != null && to.isBefore(firstDay);
        if (whollyBefore) {
            return "无记录：最早记录为 " + firstDay + "，本期在此之前，没有记录（显示为 0 不代表没有警情）。";
        }
        String said = straddling.isEmpty() ? null : "无记录：最早记录为 " + firstDay + "，" + String.join("、", straddling)
                + "中此前的日期没有记录，"
                // under records-start, stray records before it may be loaded: this page counts them as metrics does, the
                // bulletins do not (tester: "只含该日以后" above a base holding 974 earlier cases)
                + (recordsStartSet ? "本页数字计入已载入的此前数据（通报不计入）" : "数字只含该日以后的数据")
                + "（显示为 0 不代表没有警情）" + (straddling.size() > 1 || !straddling.get(0).equals("本期") ? "，不计算变化（显示为—）" : "")
                + "。";
        if (baseWhollyBefore()) {
            said = (said == null ? "无记录：最早记录为 " + firstDay + "，" : said) + name() + "基期（" + baseFrom() + " 至 " + baseTo()
                    + "）在此之前，没有记录：基期显示的数字不代表当时的警情，不计算变化（显示为—）。";
        }
        if (baseDayBefore(from)) {
            said = (said == null ? "无记录：最早记录为 " + firstDay + "，" : said) + "基期日在 " + firstDay
                    + " 之前的日期没有记录可比，不计算变化（显示为—）。";
        }
        return said;
    }

    private boolean baseStraddles() {
        return comparison != null && !byDay && BaseGaps.BeforeRecords.straddles(firstDay, baseFrom(), baseTo());
    }

    private boolean baseWhollyBefore() {
        return comparison != null && !byDay && BaseGaps.NoRecords.before(firstDay, baseTo());
    }

    /** Whether a day shown by day compares with a base day before the first day of the records. */
    private boolean baseDayBefore(LocalDate day) {
        return byDay && comparison != null && firstDay != null && comparison.baseDay(day).isBefore(firstDay);
    }

    private LocalDate baseFrom() {
        return comparison.baseFrom(from, to);
    }

    private LocalDate baseTo() {
        return comparison.baseTo(from, to);
    }

    private String name() {
        return comparison == Comparison.YOY ? "同比" : "环比";
    }
}
