package org.fraudstats.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Change;
import org.fraudstats.metrics.ComparedFigures;
import org.fraudstats.metrics.Metric;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The output formats of `metrics` (cli.md), a stable interface for scripts: CSV without quoting, LF, money
 * with 2 decimals, the median with 1 (empty when undefined); JSON with counts as numbers and money, median
 * and changes as strings, an empty figure as null.
 */
final class MetricsOutput {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private MetricsOutput() {
    }

    static String csv(List<ComparedFigures> rows, boolean compared) {
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

    static String json(List<ComparedFigures> rows, boolean compared) {
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
