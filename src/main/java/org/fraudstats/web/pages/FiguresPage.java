package org.fraudstats.web.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.fraudstats.bulletin.FirstDayLoaded;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Change;
import org.fraudstats.metrics.ComparedFigures;
import org.fraudstats.metrics.Comparison;
import org.fraudstats.metrics.Metric;
import org.fraudstats.metrics.MetricsListing;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.BulletinArchive;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.PublishedBulletin;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Figures (web.md): a date range, a district, 同比 or 环比, as a table: the rows `metrics` prints, through the same
 * MetricsListing, one row per area (or per day of one area), the figures as the CLI formats them.
 */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN')")
class FiguresPage {

    /**
     * A column heading: the metric's Chinese name, the same with its unit as the bulletins head it (电诈警情（宗）: the
     * page named no unit above its figures, r43a), and whether 同比/环比 columns follow it.
     */
    public record Column(String label, String heading, boolean comparable) {
    }

    /** One row of the table: its label and its cells (figure, and with a comparison the base and the change). */
    public record Row(String label, boolean total, List<String> cells) {
    }

    /** The longest period shown by day for every area: a quarter. */
    static final int BY_DAY_EVERY_AREA_DAYS = 92;

    /**
     * The longest period shown by day for one area: two years (732 rows). Ten years of one district were a 3.6 MB page,
     * built in memory, and nothing bounded how many were built at once (tester).
     */
    static final int BY_DAY_ONE_AREA_DAYS = 732;

    private static final List<Column> COLUMNS = java.util.Arrays.stream(Metric.values())
            .map(m -> new Column(m.chineseName(), m.nameWithUnit(), m.comparable())).toList();

    private final MetricsListing metrics;
    private final BulletinArchive archive;
    private final Catalog catalog;
    private final PortalAudit audit;
    private final java.time.Clock clock;
    private final MissingData missingData;
    private final FirstDayLoaded firstDayLoaded;
    private final org.fraudstats.web.portal.PublishedHeadline published;

    FiguresPage(MetricsListing metrics, BulletinArchive archive, Catalog catalog, PortalAudit audit, java.time.Clock clock,
                MissingData missingData, FirstDayLoaded firstDayLoaded, org.fraudstats.web.portal.PublishedHeadline published) {
        this.published = published;
        this.missingData = missingData;
        this.firstDayLoaded = firstDayLoaded;
        this.metrics = metrics;
        this.archive = archive;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String district, @RequestParam(required = false) String compare,
                   @RequestParam(required = false) String by, Model model, HttpServletResponse response) {
        try {
            return table(from, to, district, compare, by, model);
        } catch (BadInput refused) {
            model.addAttribute("from", Inputs.dateOrEmpty(from));
            model.addAttribute("to", Inputs.dateOrEmpty(to));
            model.addAttribute("district", district != null && catalog.isArea(district) ? district : "");
            model.addAttribute("compare", "yoy".equals(compare) || "pop".equals(compare) ? compare : "");
            model.addAttribute("by", "day".equals(by) ? "day" : "range");
            model.addAttribute("areas", AreaChooser.options(catalog));
            if (refused instanceof TooLongByDay tooLong) {
                // the way out, one tap away: a leader on a phone calls no API with a token, as the line names it (r40b)
                model.addAttribute("tooLongCsvHref", tooLong.csvHref);
            }
            String view = RefusedForm.show("figures", refused, model, response);
            if (refused instanceof OutsizedData) {
                // said as a refused form, answered 409 as the API does: the data, not the request, is wrong
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
            return view;
        }
    }

    /** A period too long to show by day on a page, which its CSV holds whole. */
    private static final class TooLongByDay extends BadInput {
        private final String csvHref;

        TooLongByDay(String english, String chinese, String csvHref) {
            super(english, chinese);
            this.csvHref = csvHref;
            on("from", "to", "by");
        }
    }

    /** The figures asked as a file, the bytes of `metrics --format csv`, through the API a session reads too. */
    private static String csvHref(LocalDate[] period, boolean byDay, String area, String compare) {
        var csv = org.springframework.web.util.UriComponentsBuilder.fromPath("/api/v1/metrics")
                .queryParam("from", period[0]).queryParam("to", period[1]).queryParam("by", byDay ? "day" : "range");
        if (area != null) {
            csv.queryParam("district", area);
        }
        if (compare != null) {
            csv.queryParam("compare", compare);
        }
        return csv.queryParam("format", "csv").build().toUriString();
    }

    private String table(String from, String to, String district, String compare, String by, Model model) {
        LocalDate latest = archive.latestDaily().map(PublishedBulletin::to).orElseGet(() -> org.fraudstats.settings.BusinessTime.yesterday(clock));
        Inputs.Checks checks = new Inputs.Checks();
        LocalDate[] period = checks.of(() -> Inputs.periodOr(from, to, () -> new LocalDate[] {latest.withDayOfMonth(1), latest}));
        String area = checks.of(() -> Inputs.district(catalog, district));
        Comparison comparison = checks.of(() -> switch (compare == null ? "" : compare) {
            case "" -> null;
            case "yoy" -> Comparison.YOY;
            case "pop" -> Comparison.POP;
            default -> throw new BadInput("对比方式应为同比（yoy）或环比（pop）").on("compare");
        });
        // as compare: a value the form never sends (by=week from a hand-made link) is refused, not read as the whole period
        Boolean byDayOrNull = checks.of(() -> switch (by == null ? "" : by) {
            case "", "range" -> false;
            case "day" -> true;
            default -> throw new BadInput("显示方式应为整个期间（range）或逐日（day）").on("by");
        });
        checks.done();
        boolean byDay = byDayOrNull;
        if (byDay && area == null && period[0].plusDays(BY_DAY_EVERY_AREA_DAYS).isBefore(period[1].plusDays(1))) {
            // six rows a day: a year is 2 190 rows, more than a page is read; the CSV of metrics holds any length
            throw new TooLongByDay("by day for every area: at most " + BY_DAY_EVERY_AREA_DAYS + " days",
                    "逐日显示各区时期间最长 " + BY_DAY_EVERY_AREA_DAYS + " 天：请缩短期间、选一个区域，或下载整个期间的逐日 CSV"
                            + "（与接口 /api/v1/metrics?by=day 导出的相同）", csvHref(period, true, null, comparison == null ? null : compare));
        }
        if (byDay && area != null && period[0].plusDays(BY_DAY_ONE_AREA_DAYS).isBefore(period[1].plusDays(1))) {
            throw new TooLongByDay("by day for one area: at most " + BY_DAY_ONE_AREA_DAYS + " days",
                    "逐日显示时期间最长 " + BY_DAY_ONE_AREA_DAYS + " 天：请缩短期间，或下载整个期间的逐日 CSV"
                            + "（与接口 /api/v1/metrics?by=day 导出的相同）", csvHref(period, true, area, comparison == null ? null : compare));
        }
        String object = period[0] + ".." + period[1] + (area == null ? "" : " district " + area)
                + (comparison == null ? "" : " compare " + compare) + (byDay ? " by day" : "");
        List<ComparedFigures> rows;
        try {
            rows = metrics.rows(period[0], period[1], byDay, area, comparison);
        } catch (org.fraudstats.metrics.RollupCheck.OutsizedAmounts outsized) {
            // recorded as the read would have been, with what it was refused for (review 31d, 31e)
            audit.record("read-figures", object, org.fraudstats.metrics.RollupCheck.OutsizedAmounts.REFUSED);
            throw new OutsizedData(outsized);
        }
        List<LocalDate> missingInBase = comparison == null ? List.of() : missingData.daysNotArrived(
                byDay ? comparison.baseDay(period[0]) : comparison.baseFrom(period[0], period[1]),
                byDay ? comparison.baseDay(period[1]) : comparison.baseTo(period[0], period[1]));
        FiguresBases bases = new FiguresBases(period[0], period[1], comparison, byDay, firstDayLoaded.get().orElse(null),
                firstDayLoaded.recordsStart().isPresent(), missingInBase);
        List<Row> table = new ArrayList<>();
        boolean changesWithheld = false;
        for (ComparedFigures row : rows) {
            changesWithheld |= comparison != null && !bases.changeShown(row.current().from());
            AreaFigures f = row.current();
            String name = catalog.areaName(f.districtCode()).orElse(f.districtCode());
            // by day and every area, as `metrics --by day` prints it: each day's districts, then the city
            String label = !byDay ? name : area == null ? f.from() + " " + name : f.from().toString();
            List<String> cells = new ArrayList<>();
            for (Metric m : Metric.values()) {
                cells.add(text(f.value(m), m));
                if (comparison != null && m.comparable()) {
                    cells.add(text(row.base().value(m), m));
                    cells.add(bases.changeShown(f.from())
                            ? Change.percent(f.value(m), row.base().value(m)).map(Change::said).orElse("—") : "—");
                }
            }
            table.add(new Row(label, (!byDay || area == null) && f.districtCode().equals(catalog.cityCode()), cells));
        }
        audit.record("read-figures", object, "success");
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].toString());
        model.addAttribute("district", area == null ? "" : area);
        model.addAttribute("compare", comparison == null ? "" : compare);
        model.addAttribute("by", byDay ? "day" : "range");
        model.addAttribute("compareName", comparison == Comparison.YOY ? "同比" : comparison == Comparison.POP ? "环比" : "");
        model.addAttribute("columns", COLUMNS);
        // the same figures as a file, the bytes of `metrics --format csv` (tester: nothing to download)
        model.addAttribute("csvHref", csvHref(period, byDay, area, comparison == null ? null : compare));
        model.addAttribute("definitions", java.util.Arrays.stream(org.fraudstats.metrics.Metric.values())
                .map(m -> new Definition(m.chineseName(), m.key(), org.fraudstats.metrics.Definitions.of(m))).toList());
        model.addAttribute("generalRules", org.fraudstats.metrics.Definitions.general());
        model.addAttribute("rows", table);
        model.addAttribute("areas", AreaChooser.options(catalog));
        // a day without data shows zeros like a day without fraud: a leader must be told which it is, as a bulletin does
        List<LocalDate> missing = missingData.daysNotArrived(period[0], period[1]);
        model.addAttribute("missing", missing.isEmpty() ? null : "数据未到：" + MissingData.named(missing)
                + " 的数据尚未到达，以下数字只计入已报送的这些日期的记录，数字不全（显示为 0 不代表没有警情）。");
        // what it compares with, as the bulletins say under their tables (tester: the page never said the base)
        model.addAttribute("basePeriod", bases.basePeriod());
        model.addAttribute("missingInBase", bases.missingInBaseSaid());
        model.addAttribute("beforeRecords", bases.beforeRecordsSaid());
        // the command and the API compute those changes as cli.md says: the page must not claim they agree (r44c)
        model.addAttribute("changesWithheld", changesWithheld);
        // computed now, so with what was loaded after the latest bulletin: a leader checking a bulletin's 1473 here read
        // 1474 and no word why (tester); the headline refuses such days, this page says them
        model.addAttribute("changedSinceBulletin", published.bulletin(period[1])
                .flatMap(b -> published.changedSince(b, period[0], period[1]))
                .map(c -> c.firstDay() + (c.days() > 1 ? " 等 " + c.days() + " 天" : " ") + "的数据在 " + c.bulletin().period()
                        + " 日报（第" + c.bulletin().revision() + "版）发布后有更新：本页数字已含这些更新，可能与已发布的通报不同，"
                        + "下一期日报或更正版发布后一致。")
                .orElse(null));
        return "figures";
    }

    /**
     * As the bulletins print it, with separators (8,059,792.06): a leader set the page's 8059792.06 beside the bulletin's
     * figures (tester). The CSV download keeps the command's bytes. An empty figure is —.
     */
    private static String text(BigDecimal value, Metric m) {
        if (value == null) {
            return "—";
        }
        return switch (m.kind()) {
            case COUNT -> org.fraudstats.metrics.Printed.count(value.longValueExact());
            case MONEY -> org.fraudstats.metrics.Printed.money(value);
            default -> org.fraudstats.metrics.Printed.minutes(value);
        };
    }

    /** A figure's name, its column in the CSV and the API, and what it counts, as the page's 统计口径 lists them. */
    record Definition(String name, String key, String text) {
    }
}
