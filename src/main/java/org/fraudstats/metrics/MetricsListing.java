package org.fraudstats.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listing of `metrics` (cli.md), a stable interface for scripts, printed by the command and by the portal's
 * {@code /api/v1/metrics} through this one class so that both give the same bytes: which rows (by range or by day,
 * one area, compared or not), and their formats: CSV without quoting, LF, money with 2 decimals, the median with 1
 * (empty when undefined); JSON with counts as numbers and money, median and changes as strings, an empty figure
 * as null.
 */
@Service
public class MetricsListing {

    /** The JSON style of every listing (indented, keys in insertion order); the CLI and the API share it. */
    public static final JsonMapper JSON = org.fraudstats.storage.IndentedJson.mapper();

    private final Figures figures;
    private final RollupCheck rollupCheck;

    MetricsListing(Figures figures, RollupCheck rollupCheck) {
        this.figures = figures;
        this.rollupCheck = rollupCheck;
    }

    /**
     * The rows of `metrics --from --to [--by day] [--district CODE] [--compare yoy|pop]`.
     *
     * @param district an area code the caller has checked, or null for every district and the city
     * @param comparison null for no comparison
     */
    public List<ComparedFigures> rows(LocalDate from, LocalDate to, boolean byDay, String district, Comparison comparison) {
        // an amount loaded before money's 10-digit bound, most likely a card number, is no figure to list (review 31c)
        rollupCheck.requireNoOutsizedAmounts(from, to, "no figure was listed");
        if (comparison != null) {
            rollupCheck.requireNoOutsizedAmounts(byDay ? comparison.baseDay(from) : comparison.baseFrom(from, to),
                    byDay ? comparison.baseDay(to) : comparison.baseTo(from, to), "no figure was listed");
        }
        List<ComparedFigures> rows;
        if (comparison == null) {
            rows = (byDay ? figures.byDay(from, to) : figures.range(from, to)).stream().map(f -> new ComparedFigures(f, null)).toList();
        } else {
            rows = byDay ? figures.byDayCompared(from, to, comparison) : figures.rangeCompared(from, to, comparison);
        }
        if (district != null) {
            rows = rows.stream().filter(r -> r.current().districtCode().equals(district)).toList();
        }
        return rows;
    }

    public static String csv(List<ComparedFigures> rows, boolean compared) {
        StringBuilder csv = new StringBuilder(String.join(",", header(compared))).append('\n');
        for (ComparedFigures row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object value : values(row, compared).values()) {
                cells.add(value == null ? "" : value.toString());
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    public static String json(List<ComparedFigures> rows, boolean compared) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (ComparedFigures row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            values(row, compared).forEach((key, value) ->
                    object.put(key, value instanceof BigDecimal d ? d.toPlainString() : value));
            objects.add(object);
        }
        return JSON.writeValueAsString(objects) + "\n";
    }

    private static List<String> header(boolean compared) {
        List<String> header = new ArrayList<>(List.of("date_from", "date_to", "district_code"));
        for (Metric m : Metric.values()) {
            header.add(m.key());
        }
        if (compared) {
            for (Metric m : Metric.values()) {
                if (m.comparable()) {
                    header.add(m.key() + "_base");
                    header.add(m.key() + "_change");
                }
            }
        }
        return header;
    }

    /** The row's cells by column; counts as Long, money and percentages as BigDecimal, empty as null. */
    private static Map<String, Object> values(ComparedFigures row, boolean compared) {
        AreaFigures f = row.current();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("date_from", f.from().toString());
        values.put("date_to", f.to().toString());
        values.put("district_code", f.districtCode());
        for (Metric m : Metric.values()) {
            values.put(m.key(), figure(f, m));
        }
        if (compared) {
            for (Metric m : Metric.values()) {
                if (m.comparable()) {
                    values.put(m.key() + "_base", figure(row.base(), m));
                    values.put(m.key() + "_change", Change.percent(f.value(m), row.base().value(m)).orElse(null));
                }
            }
        }
        return values;
    }

    private static Object figure(AreaFigures f, Metric m) {
        BigDecimal v = f.value(m);
        if (v == null) {
            return null;
        }
        return m.kind() == Metric.Kind.COUNT ? (Object) v.longValueExact() : v;
    }
}
