package org.fraudstats.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.settings.InvalidSetting;
import org.fraudstats.storage.SqlFiles;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a catalogue that leaves out a district or fraud type whose records are loaded. Every figure is
 * read by the catalogue's codes, so such records counted nowhere, the city's totals with them: a deployment giving one
 * district (-Dfraudstats.catalog.districts.440609=新区, which replaces the list) printed 全市 0宗 where 343 were
 * loaded, and one leaving out 高明区 printed 283, `verify` said all was well, and a rerun published the shrunken figures
 * as a correction (tester); one leaving out a fraud type ranked its cases under the bare code ROMANCE. A district merged
 * or renamed, a fraud type retired, keeps its code in the catalogue while its records are loaded.
 */
@Component
class CatalogueCoversLoadedRecords implements SmartInitializingSingleton {

    private final NamedParameterJdbcTemplate jdbc;
    private final Catalog catalog;

    CatalogueCoversLoadedRecords(NamedParameterJdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * Once every bean is made (the migrations run), before anything starts: serve's port, the schedules. Measured
     * 5 ms on a city's two years (18,568 rows of case_day); about 1 s on a national database of 9.2 million
     * (review), a sequential scan each start.
     */
    @Override
    public void afterSingletonsInstantiated() {
        // kind → code → "60 cases, 120 warnings", for the first code the catalogue lacks
        Map<String, Map<String, StringBuilder>> missing = new LinkedHashMap<>();
        jdbc.query(SqlFiles.load("metrics/codes-of-loaded-records.sql"),
                Map.of("districts", catalog.districtCodes(), "fraudTypes", List.copyOf(catalog.fraudTypes().keySet())), rs -> {
                    StringBuilder said = missing.computeIfAbsent(rs.getString("kind"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("code"), c -> new StringBuilder());
                    long records = rs.getLong("records");
                    String what = rs.getString("what");
                    said.append(said.isEmpty() ? "" : " and ").append(records).append(' ')
                            .append(records == 1 ? what.substring(0, what.length() - 1) : what);
                });
        missing.forEach((kind, codes) -> {
            boolean district = "district".equals(kind);
            String key = district ? "fraudstats.catalog.districts" : "fraudstats.catalog.fraud-types";
            Map.Entry<String, StringBuilder> first = codes.entrySet().iterator().next();
            throw new InvalidSetting(key, "leaves out " + first.getKey() + ", the " + (district ? "district" : "fraud type")
                    + " of " + first.getValue() + " loaded"
                    + (codes.size() > 1 ? " (and " + (codes.size() - 1) + " other code" + (codes.size() > 2 ? "s" : "") + " of loaded records: "
                            + String.join(", ", codes.keySet().stream().skip(1).toList()) + ")" : "")
                    + (district ? ": they would count in no district and not in the city's totals"
                            : ": the fraud type ranking would name them by code, and a correction of one would be rejected")
                    + ". Giving one " + key + ".CODE replaces the whole list: give every code, those no longer in use too ("
                    + (district ? "a district merged or renamed" : "a fraud type retired") + " keeps its code while its records are loaded)");
        });
    }
}
