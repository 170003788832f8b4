package org.fraudstats.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.metrics.Change;
import org.fraudstats.metrics.Metric;
import org.fraudstats.press.Headline;
import org.fraudstats.press.Topic;
import org.fraudstats.press.UnusualNote;
import org.springframework.stereotype.Component;

/**
 * What a bulletin says first, as text: a daily's 异常提示, the city's headline figures with 同比 and 环比, and both press
 * sentences of the year to date, every figure the one the revision printed (its snapshot, {@link PublishedFigures}).
 * The mail's body says them, and so does the bulletin's page on the portal, where a phone often shows no PDF inside the
 * page and a screen reader finds no structure in an untagged one: a leader reads the same lines either way.
 */
@Component
public class KeyFigures {

    /**
     * @param unusual  a daily's 异常提示 line (heading included), or empty
     * @param heading  the line above the figures
     * @param figures  one line per figure, without a list mark
     * @param bases    the periods the changes compare with, or empty when none is computed (数据未到)
     * @param gapsLine which base holds days not arrived, so that no change is said against it, or empty
     * @param sentences both press sentences of the city's year to date
     */
    public record Said(Optional<String> unusual, String heading, List<String> figures, Optional<String> bases, Optional<String> gapsLine,
                       List<String> sentences) {

        /** The lines as the mail prints them: the parts apart by a blank line, each figure marked "- ". */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            unusual.ifPresent(u -> {
                lines.add(u);
                lines.add("");
            });
            lines.add(heading);
            figures.forEach(f -> lines.add("- " + f));
            bases.ifPresent(lines::add);
            gapsLine.ifPresent(lines::add);
            lines.add("");
            lines.addAll(sentences);
            return lines;
        }
    }

    private final UnusualNotes unusual;
    private final Catalog catalog;

    KeyFigures(UnusualNotes unusual, Catalog catalog) {
        this.unusual = unusual;
        this.catalog = catalog;
    }

    /**
     * What the revision of a bulletin of [from, to] says first; empty when its snapshot lacks one of the city's
     * figures these lines need (the period, either base, the year to date).
     *
     * @param daily whether it is a daily bulletin, the only kind that opens with 异常提示
     */
    public Optional<Said> of(boolean daily, LocalDate from, LocalDate to, PublishedFigures published) {
        return of(daily, from, to, published, true);
    }

    /**
     * As {@link #of}, for a page showing the revision beside its PDF: a revision published before its 异常提示 was kept
     * shows none, rather than one computed from today's data that its PDF may contradict (review).
     */
    public Optional<Said> asPrinted(boolean daily, LocalDate from, LocalDate to, PublishedFigures published) {
        return of(daily, from, to, published, false);
    }

    /** The figures the lines of the period say, with their changes: only these are read from the revision. */
    private static final java.util.Set<Metric> SAID = java.util.EnumSet.of(Metric.CASES, Metric.STOP_ACCOUNTS, Metric.STOP_AMOUNT,
            Metric.REFUND_CASES, Metric.REFUND_AMOUNT);
    /** The figures the two press sentences of the year to date say (press/Headline, handling and prevention). */
    private static final java.util.Set<Metric> SENTENCES = java.util.EnumSet.of(Metric.CASES, Metric.STOP_ACCOUNTS, Metric.STOP_AMOUNT,
            Metric.REFUND_CASES, Metric.REFUND_AMOUNT, Metric.WARNINGS, Metric.DISSUADED_VISITS);

    private Optional<Said> of(boolean daily, LocalDate from, LocalDate to, PublishedFigures published, boolean unusualNowIfNotKept) {
        String cityCode = catalog.cityCode();
        Optional<AreaFigures> city = published.period(cityCode, from, to, SAID);
        Optional<AreaFigures> yoy = published.yearOnYearBase(cityCode, SAID);
        Optional<AreaFigures> pop = published.periodOnPeriodBase(cityCode, SAID);
        Optional<AreaFigures> yearToDate = published.cityYearToDate(cityCode, to, SENTENCES);
        if (city.isEmpty() || yoy.isEmpty() || pop.isEmpty() || yearToDate.isEmpty()) {
            return Optional.empty();
        }
        // leadership reads the first lines only: what is unusual comes before every figure, as in the bulletin; kept
        // with the revision since it was, a revision published before that has its mail say it as computed now. A daily
        // only: a weekly's or monthly's mail computed 28 days of a day's figures here and threw them away (review)
        Optional<String> unusualLine = !daily ? Optional.empty()
                : published.unusualNote().or(() -> published.missingNote().isPresent() ? Optional.of(UnusualNote.NOT_JUDGED)
                        : unusualNowIfNotKept ? Optional.of(unusual.of(from)) : Optional.empty())
                        .map(n -> UnusualNote.HEADING + "：" + n);
        // as the bulletin: a change against a missing day's zeros would read as a fall, one against a base short of a
        // day as a rise (DistrictTable.Row)
        boolean compared = published.missingNote().isEmpty();
        Changes said = new Changes(compared, published.gaps());
        AreaFigures c = city.get();
        // the year's sentences say the days they leave out, as the bulletin's do (review 31b): the year's days not
        // arrived as kept with the revision, and a 数据未到 daily's own (its notice may hold where a later drop came)
        java.util.Set<LocalDate> leftOut = new java.util.TreeSet<>(published.yearToDateNotArrived());
        if (daily && !compared) {
            leftOut.add(from);
        }
        // a figure of a period whose data has not arrived, nothing of it loaded, is no 0: "电诈警情 0宗" caught a leader's
        // eye first on a phone (tester 30a); what did arrive is still said, as not all of it
        // A daily's alone: a week's 0 with one day missing is its six days' figure (review 30c)
        java.util.function.BiFunction<Metric, String, String> figure = (metric, printed) -> daily && !compared && c.value(metric).signum() == 0
                ? "—（数据未到）" : printed + "（" + said.of(c, yoy.get(), pop.get(), metric) + "）";
        // each figure under its name in metrics.md, as the bulletin's tables name it: the mail said 止付涉诈账户 and
        // 资金返还 for two figures in one line, which no table beside it named so (r43a)
        List<String> figures = java.util.stream.Stream.of(Metric.CASES, Metric.STOP_ACCOUNTS, Metric.STOP_AMOUNT,
                        Metric.REFUND_CASES, Metric.REFUND_AMOUNT)
                .map(m -> m.chineseName() + " " + figure.apply(m, Formats.figure(m, c) + m.unit())).toList();
        return Optional.of(new Said(unusualLine, compared ? "全市主要数字（同比 / 环比）：" : "全市主要数字：", figures,
                compared ? Optional.of(bases(from, to)) : Optional.empty(), said.gapsSaid(),
                List.of(Headline.of(yearToDate.get(), catalog, Topic.HANDLING).textNamingDaysNotArrived(leftOut),
                        Headline.of(yearToDate.get(), catalog, Topic.PREVENTION).textNamingDaysNotArrived(leftOut))));
    }


    /**
     * The changes a line of figures says: none of a period whose data has not all arrived, and neither one against a
     * base holding such a day.
     */
    private record Changes(boolean arrived, BaseGaps gaps) {

        String of(AreaFigures current, AreaFigures yoyBase, AreaFigures popBase, Metric metric) {
            if (!arrived) {
                return "数据未到，数字不全，不计算同比、环比";
            }
            return "同比" + change(ComparedBase.YOY, current, yoyBase, metric) + "，环比" + change(ComparedBase.POP, current, popBase, metric);
        }

        private String change(ComparedBase base, AreaFigures current, AreaFigures baseFigures, Metric metric) {
            if (!gaps.notArrived(base).isEmpty()) {
                return "—（基期数据未到）";
            }
            if (gaps.beforeRecords(base)) {
                return "—（基期含无记录的日期）";
            }
            // a base before the records has none, whatever stray record of its days was loaded (BaseGaps.yoyWhole)
            if (gaps.noRecords(base)) {
                return "—（基期无记录）";
            }
            return percent(Change.percent(current.value(metric), baseFigures.value(metric)));
        }

        /**
         * "环比基期（2022-11-06）含数据未到的日期，不计算环比。" or "同比基期含无记录的日期（最早记录为2021-10-01），不计算同比。",
         * or empty when both bases are whole.
         */
        Optional<String> gapsSaid() {
            if (!arrived) {
                return Optional.empty();
            }
            List<String> said = new ArrayList<>();
            List<String> notArrived = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            for (ComparedBase base : ComparedBase.CHANGES) {
                String name = base.change();
                if (!gaps.notArrived(base).isEmpty()) {
                    notArrived.add(name + "基期（" + MissingData.named(gaps.notArrived(base)) + "）");
                    changes.add(name);
                } else if (gaps.beforeRecords(base)) {
                    said.add(name + "基期" + gaps.beforeRecords().said());
                    changes.add(name);
                }
            }
            if (!notArrived.isEmpty()) {
                said.add(0, String.join("、", notArrived) + "含数据未到的日期");
            }
            return said.isEmpty() ? Optional.empty()
                    : Optional.of(String.join("，", said) + "，不计算" + String.join("、", changes) + "。");
        }
    }

    /** What the changes compare with, as the PDF says under its table (BasePeriods). */
    static String bases(LocalDate from, LocalDate to) {
        return BasePeriods.said(from, to) + "。";
    }

    /** metrics.md's change, 1 decimal; a base of 0 has none. */
    private static String percent(Optional<BigDecimal> change) {
        return change.map(Change::said).orElse("—（基期为0）");
    }
}
