package org.fraudstats.bulletin.data;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.FirstDayLoaded;
import org.fraudstats.bulletin.ReadDays;
import org.fraudstats.bulletin.UnusualNotes;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.ingest.LoadProvenance;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.CityDay;
import org.fraudstats.metrics.Figures;
import org.fraudstats.press.Headline;
import org.springframework.stereotype.Component;

/**
 * Gathers what one bulletin prints, all of it from {@link Figures} (the same code path as `metrics`) and the
 * summary from the press module's sentence (the same wording as `headline`). Nothing here computes a figure.
 */
@Component
public class BulletinAssembler {

    private final Figures figures;
    private final Catalog catalog;
    private final LoadProvenance provenance;
    private final UnusualNotes unusual;
    private final FirstDayLoaded firstDayLoaded;

    BulletinAssembler(Figures figures, Catalog catalog, LoadProvenance provenance, UnusualNotes unusual, FirstDayLoaded firstDayLoaded) {
        this.firstDayLoaded = firstDayLoaded;
        this.figures = figures;
        this.catalog = catalog;
        this.provenance = provenance;
        this.unusual = unusual;
    }

    /** The daily bulletin (日报) of one day, opening with its 异常提示; its trend shows the 30 days ending that day. */
    public BulletinData daily(LocalDate day, Long jobExecutionId, ZonedDateTime generatedAt) {
        return assemble(BulletinKind.DAILY, day, day, day.getDayOfYear(), jobExecutionId, generatedAt)
                .withUnusual(unusual.of(day));
    }

    /**
     * The bulletin with its summary naming, in each sentence, the days of its period whose data has not arrived
     * ({@link Headline#textNamingDaysNotArrived}): a weekly under the 数据未到 notice quoted its six days as the week's release
     * sentence, and every bulletin its year to date short of a missing day as the year's (review 31b).
     *
     * @param notArrived   the days of its period and year to date whose data has not arrived
     * @param daysSentence false for a daily whose day has not arrived: under its 【数据未到】 notice it stated
     *                     "12月5日，全市共处置电诈警情0宗…", the sentence the press quotes, about data that had not come
     *                     (tester A); the year's sentence stays, saying what it leaves out
     */
    public BulletinData withSummaryNamingDaysNotArrived(BulletinData data, java.util.Collection<LocalDate> notArrived, boolean daysSentence) {
        AreaFigures said = said(data.areas(), data.from(), data.to(), firstDayLoaded.get().orElse(data.to().withDayOfYear(1)));
        return data.withSummary(summary(said, data.ytd(), notArrived, daysSentence));
    }

    private String summary(AreaFigures said, AreaFigures ytd, java.util.Collection<LocalDate> notArrived, boolean daysSentence) {
        String summary = daysSentence ? Headline.of(said, catalog).textNamingDaysNotArrived(notArrived) : "";
        if (!said.from().equals(ytd.from())) {
            summary = summary + Headline.of(ytd, catalog).textNamingDaysNotArrived(notArrived);
        }
        return summary;
    }

    /**
     * The city's figures of the period as its sentence names them: a period beginning before the records is named by
     * the days it counts, as its year to date is (the first 月报 said "2021年以来…4宗" and "10月以来…4宗" of October's
     * cases only: review).
     */
    private AreaFigures said(List<AreaFigures> areas, LocalDate from, LocalDate to, LocalDate firstDay) {
        AreaFigures said = city(areas);
        return firstDay.isAfter(from) && !firstDay.isAfter(to) ? said.over(firstDay, to) : said;
    }

    /** A range bulletin (周报, 月报, 年初以来, any period), with a daily series over the period. */
    public BulletinData range(LocalDate from, LocalDate to, Long jobExecutionId, ZonedDateTime generatedAt) {
        // a weekly, monthly or any other range bulletin numbers no issue: each daily's is its day of the year, and
        // "第1期" printed on every range bulletin counted nothing
        return assemble(BulletinKind.ofRange(from, to), from, to, 0, jobExecutionId, generatedAt);
    }

    private BulletinData assemble(BulletinKind kind, LocalDate from, LocalDate to, int issue, Long jobExecutionId,
                                  ZonedDateTime generatedAt) {
        // the spans a bulletin reads are written once (ReadDays): the dry run and 更正原因 ask of the same days
        ReadDays reads = ReadDays.of(kind, from, to);
        // Under a deployment's records-start, records dated before it (stray, or history not yet whole) are loaded and
        // counted by metrics, by no bulletin: each span a bulletin reads counts from the start (review: a weekly printed
        // 同比 +33.3% against three stray cases, a 去年同期 of five days of records counted four strays). Without the
        // setting every span counts what was loaded, as it always did: a stop-payment effective the evening before its
        // case's day is a record, not a stray (review).
        java.util.Optional<LocalDate> start = firstDayLoaded.recordsStart();
        List<AreaFigures> areas = counted(from, to, start);
        List<AreaFigures> yoy = counted(reads.yoy().first(), reads.yoy().last(), start);
        List<AreaFigures> pop = counted(reads.pop().first(), reads.pop().last(), start);
        // the year of the period's last day, as ReadDays says once for every reader of a bulletin's days
        LocalDate yearStart = reads.yearToDate().first();
        // last year's same period is [1 January, to - 1 year]: 29 February maps to 28 February (metrics.md)
        AreaFigures ytd = city(counted(yearStart, reads.yearToDate().last(), start));
        AreaFigures ytdLastYear = city(counted(reads.lastYearToDate().first(), reads.lastYearToDate().last(), start));
        // a year whose records begin after 1 January: its year to date is named from their first day ("10月1日至10日，
        // 全市共处置…"), not as the year's ("2021年以来…", which counted only October's cases)
        LocalDate firstDay = firstDayLoaded.get().orElse(yearStart);
        if (firstDay.isAfter(yearStart) && !firstDay.isAfter(to)) {
            ytd = ytd.over(firstDay, ytd.to());
        }
        AreaFigures said = said(areas, from, to, firstDay);

        LocalDate typesFrom = start.filter(from::isBefore).orElse(from);
        List<FraudTypeRow> fraudTypes = (typesFrom.isAfter(to) ? List.<org.fraudstats.metrics.FraudTypeFigures>of()
                : figures.fraudTypes(typesFrom, to)).stream()
                .map(f -> new FraudTypeRow(f.fraudType(), catalog.fraudTypeName(f.fraudType()), f.cases(), f.lossAmount()))
                .toList();
        // the trend's days, read through the same query as every other span (ReadDays says which)
        List<CityDay> days = figures.cityDays(reads.trend().first(), reads.trend().last());
        // and no trend bar before the start: drawn empty, kept as none, or every load of stray records republished the
        // first days' dailies as corrections of bars they do not draw (tester)
        if (start.isPresent() && reads.trend().first().isBefore(start.get())) {
            days = days.stream().map(d -> d.day().isBefore(start.get())
                    ? new CityDay(d.day(), 0, java.math.BigDecimal.ZERO.setScale(2)) : d).toList();
        }

        // the days not arrived are the publisher's to say (withSummaryNamingDaysNotArrived)
        String summary = summary(said, ytd, List.of(), true);
        LoadProvenance.Snapshot loaded = provenance.now();
        Provenance source = new Provenance(loaded.latestDrop() == null ? to : loaded.latestDrop(), loaded.rowsLoaded(),
                loaded.rowsRejected(), loaded.rowsPending(), jobExecutionId, generatedAt);
        return new BulletinData(kind, from, to, issue, title(kind, from, to), summary, areas, yoy, pop, fraudTypes, days,
                ytd, ytdLastYear, source);
    }

    /**
     * Each area's figures over [first, last] as a bulletin counts them: what was loaded, or under a deployment's
     * records-start only from it (none for a span wholly before it, which the bulletin calls 无记录), named as the span.
     */
    private List<AreaFigures> counted(LocalDate first, LocalDate last, java.util.Optional<LocalDate> start) {
        if (start.isEmpty() || !first.isBefore(start.get())) {
            return figures.range(first, last);
        }
        if (last.isBefore(start.get())) {
            return figures.range(first, last).stream().map(AreaFigures::noRecords).toList();
        }
        return figures.range(start.get(), last).stream().map(a -> a.over(first, last)).toList();
    }

    private AreaFigures city(List<AreaFigures> rows) {
        return rows.stream().filter(f -> f.districtCode().equals(catalog.cityCode())).findFirst().orElseThrow();
    }

    /** The heading under the masthead: the day, or the whole period (a one-day range printed "2月29日至2024年2月29日"). */
    static String title(BulletinKind kind, LocalDate from, LocalDate to) {
        String first = from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日";
        if (kind == BulletinKind.DAILY || from.equals(to)) {
            return first;
        }
        return first + "至" + to.getYear() + "年" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
    }

    public static ZonedDateTime now(Clock clock) {
        return ZonedDateTime.now(clock).withZoneSameInstant(Provenance.BEIJING);
    }
}
