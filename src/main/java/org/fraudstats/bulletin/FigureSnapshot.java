package org.fraudstats.bulletin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Metric;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures a bulletin printed, area by area and metric by metric, kept with each revision so that the next
 * render can say exactly what moved (南海区 电诈警情 35 → 36) instead of changing a published figure silently.
 */
final class FigureSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FigureSnapshot() {
    }

    static String of(List<AreaFigures> areas) {
        Map<String, Map<String, String>> snapshot = new LinkedHashMap<>();
        for (AreaFigures area : areas) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Metric m : Metric.values()) {
                BigDecimal v = area.value(m);
                values.put(m.key(), v == null ? "" : v.toPlainString());
            }
            snapshot.put(area.districtCode(), values);
        }
        return JSON.writeValueAsString(snapshot);
    }

    /** The figures that differ, in table order, worded for a reader. */
    static List<String> changes(String before, String after, Catalog catalog) {
        Map<String, Map<String, String>> old = parse(before);
        Map<String, Map<String, String>> now = parse(after);
        List<String> changes = new ArrayList<>();
        for (var area : now.entrySet()) {
            Map<String, String> previous = old.getOrDefault(area.getKey(), Map.of());
            String name = catalog.areaName(area.getKey()).orElse(area.getKey());
            for (Metric m : Metric.values()) {
                String was = previous.getOrDefault(m.key(), "");
                String is = area.getValue().getOrDefault(m.key(), "");
                if (!was.equals(is)) {
                    changes.add(name + " " + m.chineseName() + " " + blankAsDash(was) + " → " + blankAsDash(is));
                }
            }
        }
        return changes;
    }

    static boolean sameFigures(String a, String b) {
        return parse(a).equals(parse(b));
    }

    private static String blankAsDash(String v) {
        return v.isEmpty() ? "—" : v;
    }

    private static Map<String, Map<String, String>> parse(String json) {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Map<String, String>>>() { });
    }
}
