package org.fraudstats.bulletin.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fraudstats.bulletin.BaseGaps;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Change;
import org.fraudstats.metrics.Metric;

/**
 * The districts and the city side by side, each with its 同比 and 环比 base: the table leadership reads first.
 * Rows keep the order {@code metrics} gave (districts by code, the city last); the city's row is its own
 * figures, never a sum of the rows above it.
 */
public final class DistrictTable {

    /**
     * The columns of the PDF's district table (report-templates/bulletin/district-figures.jrxml and district-changes.jrxml
     * lay them out by hand, so a figure added to metrics.md is not added here by itself): nine of metrics.md's, in its
     * order, the warnings and visits left to the workbook, whose 分区统计 has every metric.
     */
    public static final List<Metric> COLUMNS = List.of(
            Metric.CASES, Metric.LOSS_AMOUNT, Metric.STOP_ACCOUNTS, Metric.STOP_AMOUNT, Metric.FREEZE_ACCOUNTS,
            Metric.FREEZE_AMOUNT, Metric.REFUND_CASES, Metric.REFUND_AMOUNT, Metric.MEDIAN_MINUTES_TO_STOP);

    /** The same columns less the median, which has no 同比 or 环比 (metrics.md, "Comparisons"). */
    public static final List<Metric> CHANGE_COLUMNS = COLUMNS.stream().filter(Metric::comparable).toList();

    /**
     * @param yoyCompared false when the period or its 同比 base holds days whose data has not arrived (数据未到):
     *                    their zeros are no data, and a change against them (-100.0% for every figure of a missing
     *                    day, or a rise against a base short of a day) would be read as a real one
     * @param popCompared the same of the 环比 base
     */
    public record Row(String code, String name, boolean city, AreaFigures current, AreaFigures yoyBase, AreaFigures popBase,
                      boolean yoyCompared, boolean popCompared) {

        public Optional<BigDecimal> yoy(Metric metric) {
            return yoyCompared ? Change.percent(current.value(metric), yoyBase.value(metric)) : Optional.empty();
        }

        public Optional<BigDecimal> pop(Metric metric) {
            return popCompared ? Change.percent(current.value(metric), popBase.value(metric)) : Optional.empty();
        }
    }

    private final List<Row> rows;
    private final boolean compared;
    private final BaseGaps gaps;

    public DistrictTable(BulletinData data, Catalog catalog) {
        Map<String, AreaFigures> yoy = byCode(data.yoyBase(), "yoy base");
        Map<String, AreaFigures> pop = byCode(data.popBase(), "pop base");
        this.compared = data.compared();
        this.gaps = data.gaps();
        List<Row> rows = new ArrayList<>();
        for (AreaFigures area : data.areas()) {
            String code = area.districtCode();
            String name = catalog.areaName(code)
                    .orElseThrow(() -> new IllegalArgumentException("area " + code + " is not in the catalogue"));
            rows.add(new Row(code, name, code.equals(catalog.cityCode()), area, base(yoy, code, "yoy"), base(pop, code, "pop"),
                    data.yoyCompared(), data.popCompared()));
        }
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Whether the changes are computed: not over a period whose data has not all arrived (数据未到). */
    public boolean compared() {
        return compared;
    }

    /** The days whose data has not arrived in the bases, which the note under the table names. */
    public BaseGaps gaps() {
        return gaps;
    }

    /** The city's row: the bulletin cannot be read without it. */
    public Row city() {
        return rows.stream().filter(Row::city).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the areas have no row for the city"));
    }

    private static Map<String, AreaFigures> byCode(List<AreaFigures> areas, String what) {
        return areas.stream().collect(Collectors.toMap(AreaFigures::districtCode, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException(what + " has two rows for " + a.districtCode());
        }));
    }

    // A missing base is not a zero base: printing "—" for it would hide a gap in what metrics produced.
    private static AreaFigures base(Map<String, AreaFigures> bases, String code, String which) {
        AreaFigures base = bases.get(code);
        if (base == null) {
            throw new IllegalArgumentException("no " + which + " base row for area " + code);
        }
        return base;
    }
}
