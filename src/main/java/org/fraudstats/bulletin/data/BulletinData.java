package org.fraudstats.bulletin.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.fraudstats.bulletin.BaseGaps;
import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.RevisionChanges;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.CityDay;
import org.fraudstats.metrics.Metric;

/**
 * Everything one bulletin prints, already computed: the renderer only lays it out.
 *
 * @param kind        a daily bulletin (日报) covers one day; a weekly (周报), monthly (月报) or other range covers [from, to]
 * @param issue       the issue number printed as 第N期 (a daily's day of the year); 0 for a range bulletin, which numbers none
 * @param title       the heading line under the masthead, as the caller words it
 * @param summary     the press sentences that open the bulletin (see press-style.md)
 * @param areas       the districts in catalogue order, then the city, as {@code metrics} produced them
 * @param yoyBase     the same areas over the 同比 base period (zero rows allowed)
 * @param popBase     the same areas over the 环比 base period (zero rows allowed)
 * @param fraudTypes  the city's figures per fraud type, in any order (the bulletin ranks them)
 * @param days        the city's daily points: the 30 days ending at {@code to} for a daily bulletin, every day
 *                    of the period for a range
 * @param ytd         the city from 1 January to {@code to}
 * @param ytdLastYear the city over the same days one year earlier
 * @param unusual     the 异常提示 sentences of a daily bulletin (UnusualNote), printed before everything else; null
 *                    for a range, which has none
 * @param gaps        the days whose data has not arrived inside the bases it compares with ({@link BaseGaps})
 * @param trendNotArrived the days of {@code days} whose data has not arrived: the trend leaves them empty and says so.
 *                    Drawn as 0 (or as the few late records loaded), the last day of a 数据未到 daily fell to the floor
 *                    of its chart, and a missing day among the 30 read as a day without fraud (tester A). Not kept
 *                    with a revision's figures (FigureSnapshot): the days themselves are, and a day arriving is a
 *                    change of its figures or of the 数据未到 notice.
 */
public record BulletinData(
        BulletinKind kind,
        LocalDate from,
        LocalDate to,
        int issue,
        String title,
        String summary,
        List<AreaFigures> areas,
        List<AreaFigures> yoyBase,
        List<AreaFigures> popBase,
        List<FraudTypeRow> fraudTypes,
        List<CityDay> days,
        AreaFigures ytd,
        AreaFigures ytdLastYear,
        Provenance provenance,
        int revision,
        List<String> changes,
        String notice,
        String unusual,
        BaseGaps gaps,
        List<LocalDate> trendNotArrived) {

    /** A first revision without notice. */
    public BulletinData(BulletinKind kind, LocalDate from, LocalDate to, int issue, String title, String summary,
                        List<AreaFigures> areas, List<AreaFigures> yoyBase, List<AreaFigures> popBase,
                        List<FraudTypeRow> fraudTypes, List<CityDay> days, AreaFigures ytd, AreaFigures ytdLastYear,
                        Provenance provenance) {
        this(kind, from, to, issue, title, summary, areas, yoyBase, popBase, fraudTypes, days, ytd, ytdLastYear,
                provenance, 1, List.of(), null, null, BaseGaps.NONE, List.of());
    }

    /**
     * The same bulletin as revision {@code revision}, listing what changed against the revision before, with an
     * optional notice (数据未到) printed above everything else.
     */
    public BulletinData withRevision(int revision, List<String> changes, String notice) {
        return new BulletinData(kind, from, to, issue, title, summary, areas, yoyBase, popBase, fraudTypes, days, ytd,
                ytdLastYear, provenance, revision, changes, notice, unusual, gaps, trendNotArrived);
    }

    /** The same bulletin with another summary paragraph. */
    public BulletinData withSummary(String summary) {
        return new BulletinData(kind, from, to, issue, title, summary, areas, yoyBase, popBase, fraudTypes, days, ytd,
                ytdLastYear, provenance, revision, changes, notice, unusual, gaps, trendNotArrived);
    }

    /** The same bulletin with its 异常提示 block. */
    public BulletinData withUnusual(String unusual) {
        return new BulletinData(kind, from, to, issue, title, summary, areas, yoyBase, popBase, fraudTypes, days, ytd,
                ytdLastYear, provenance, revision, changes, notice, unusual, gaps, trendNotArrived);
    }

    /** The same bulletin knowing which days of its bases have not arrived. */
    public BulletinData withGaps(BaseGaps gaps) {
        return new BulletinData(kind, from, to, issue, title, summary, areas, yoyBase, popBase, fraudTypes, days, ytd,
                ytdLastYear, provenance, revision, changes, notice, unusual, gaps, trendNotArrived);
    }

    /** The same bulletin knowing which days of its trend have not arrived. */
    public BulletinData withTrendNotArrived(List<LocalDate> trendNotArrived) {
        return new BulletinData(kind, from, to, issue, title, summary, areas, yoyBase, popBase, fraudTypes, days, ytd,
                ytdLastYear, provenance, revision, changes, notice, unusual, gaps, trendNotArrived);
    }

    /** Whether the trend leaves this day empty: its data has not arrived. */
    public boolean notArrivedInTrend(LocalDate day) {
        return trendNotArrived.contains(day);
    }

    /**
     * The first day of the records, when a base or the trend of this bulletin reaches before it (its gaps name it then):
     * a daily of the first days drew the 29 days before as a month without fraud (tester).
     */
    public java.util.Optional<LocalDate> recordsFrom() {
        return java.util.Optional.ofNullable(gaps.noRecords().firstDay() != null ? gaps.noRecords().firstDay() : gaps.beforeRecords().firstDay());
    }

    /** Whether the trend leaves this day empty for want of records: before the first day of them. */
    public boolean beforeRecordsInTrend(LocalDate day) {
        return recordsFrom().map(day::isBefore).orElse(false);
    }

    /**
     * Whether the bulletin's changes are computed: not when it says 数据未到, whose zeros are no data (a change against
     * them, -100.0% for every figure, reads as a fall). The district table and the year to date both ask here.
     */
    public boolean compared() {
        return notice == null;
    }

    /**
     * Whether this figure is a 0 of a period nothing of which has arrived (a daily saying 数据未到): no data, not no
     * fraud. The PDF prints "—" for it, as the mail's and page's key figures say —（数据未到）: its 0宗 under the notice
     * was still the first figure a leader's eye caught (review 30c). Late records of the day that were loaded are
     * figures and print; a week's 0 with one day missing is its other days' figure and prints too.
     */
    public boolean notArrived(AreaFigures figures, Metric metric) {
        BigDecimal value = figures.value(metric);
        return zerosNotArrived(figures, notice) && value != null && value.signum() == 0;
    }

    /** Whether the zeros of these figures print "—" ({@link #notArrived}) in a bulletin saying {@code notice}. */
    public boolean zerosNotArrived(AreaFigures figures, String notice) {
        return kind == BulletinKind.DAILY && notice != null && !figures.from().isBefore(from) && figures.to().equals(to);
    }

    /**
     * Whether the 同比 columns are computed: the period and its base one year earlier both hold every day's data, and
     * the base does not begin before the records do.
     */
    public boolean yoyCompared() {
        return compared() && gaps.yoyWhole();
    }

    /** Whether the 环比 columns are computed: the period and the period before it both hold every day's data. */
    public boolean popCompared() {
        return compared() && gaps.popWhole();
    }

    /** Whether the 今年以来 change is computed: both years' days to date hold every day's data. */
    public boolean yearToDateCompared() {
        return compared() && gaps.yearToDateWhole();
    }

    /** The summary as the PDF and the workbook open it: after the 数据未到 notice, in brackets, when there is one. */
    public String summaryWithNotice() {
        return (notice == null ? "" : "【" + notice + "】") + summary;
    }

    /**
     * What marks a revision wherever the bulletin is named (its title line, the files' document properties):
     * "（修订版 第2版）", empty for a first revision. While only the PDF's title line carried it, r2's PDF and workbook
     * said in their properties and on the workbook's first sheet exactly what r1's did (tester A).
     */
    public String revisionMark() {
        return revision > 1 ? "（修订版 第" + revision + "版）" : "";
    }

    /** "本期为修订版（第2版）…" for the footnote and the data-quality sheet; empty for a first revision. */
    public String revisionNote() {
        if (revision <= 1) {
            return "";
        }
        List<String> figures = RevisionChanges.figures(changes);
        return "本期为修订版（第" + revision + "版），与上一版相比变化的数字："
                + (figures.isEmpty() ? "无" : String.join("；", figures)) + "。"
                + RevisionChanges.reason(changes).map(reason -> reason + "。").orElse("");
    }

    public BulletinData {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(ytd, "ytd");
        Objects.requireNonNull(ytdLastYear, "ytdLastYear");
        Objects.requireNonNull(provenance, "provenance");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (kind == BulletinKind.DAILY && !from.equals(to)) {
            throw new IllegalArgumentException("a daily bulletin covers one day, not " + from + " to " + to);
        }
        if (kind != BulletinKind.DAILY && kind != BulletinKind.ofRange(from, to)) {
            throw new IllegalArgumentException(from + " to " + to + " is a " + BulletinKind.ofRange(from, to) + " bulletin, not " + kind);
        }
        if (kind == BulletinKind.DAILY ? issue < 1 : issue < 0) {
            throw new IllegalArgumentException("issue number must be positive (0 for a range bulletin, which numbers none): " + issue);
        }
        areas = List.copyOf(areas);
        yoyBase = List.copyOf(yoyBase);
        popBase = List.copyOf(popBase);
        fraudTypes = List.copyOf(fraudTypes);
        days = List.copyOf(days);
        changes = changes == null ? List.of() : List.copyOf(changes);
        gaps = gaps == null ? BaseGaps.NONE : gaps;
        trendNotArrived = trendNotArrived == null ? List.of() : List.copyOf(trendNotArrived);
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be positive: " + revision);
        }
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a bulletin needs at least the city's figures");
        }
    }
}
