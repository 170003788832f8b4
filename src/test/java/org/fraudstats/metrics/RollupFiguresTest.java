package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.storage.SqlFiles;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The figures read from the daily rollups (sql/metrics/area-figures.sql, the one definition every reader of figures
 * uses) are exactly, value and scale, the figures computed straight from the facts by an independent query (the
 * test resource sql/oracle/area-figures-from-facts.sql), for every day and for random ranges,
 * after random drops loaded through the loader one by one: corrections that move cases to another day and
 * district, freezes and refunds that wait for their case, late freezes that change a case's minutes to stop,
 * accounts recurring across days and districts, actions before the report, microseconds that put medians on .x5,
 * 29 February.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupFiguresTest extends DatabaseTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 2, 1);
    private static final int DAYS = 60;
    private static final int DROPS = 12;
    private static final String FROM_ROLLUPS = "metrics/area-figures.sql";
    private static final String FROM_FACTS = "oracle/area-figures-from-facts.sql";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    @Autowired
    Catalog catalog;

    @Autowired
    NamedParameterJdbcTemplate named;

    private final Random random = new Random(20240229L);

    @BeforeAll
    void randomDropsLoadedOneByOne(@TempDir Path inbox) throws IOException {
        forgetEverything();
        List<String> districts = new ArrayList<>(catalog.districtCodes());
        Map<Integer, Map<String, StringBuilder>> drops = new LinkedHashMap<>();
        for (int d = 0; d < DROPS; d++) {
            drops.put(d, new LinkedHashMap<>(Map.of("cases.csv", new StringBuilder(Drops.CASES),
                    "freezes.csv", new StringBuilder(Drops.FREEZES), "refunds.csv", new StringBuilder(Drops.REFUNDS),
                    "warnings.csv", new StringBuilder(Drops.WARNINGS))));
        }
        for (int i = 0; i < 500; i++) {
            int drop = random.nextInt(DROPS);
            OffsetDateTime reported = moment();
            String caseId = "K" + i;
            drops.get(drop).get("cases.csv").append(caseLine(caseId, reported, districts));
            if (random.nextInt(6) == 0 && drop < DROPS - 1) {
                // a correction in a later drop: another district, often another day
                OffsetDateTime moved = random.nextBoolean() ? moment() : reported;
                drops.get(drop + 1 + random.nextInt(DROPS - 1 - drop)).get("cases.csv").append(caseLine(caseId, moved, districts));
            }
            for (int a = 0, actions = random.nextInt(4); a < actions; a++) {
                long seconds = random.nextInt(10) == 0 ? -random.nextInt(3600) : random.nextInt(3 * 86_400);
                OffsetDateTime effective = reported.plusSeconds(seconds).plusNanos(random.nextInt(1_000_000) * 1000L);
                // in the case's drop, in a later one (a late freeze), or before its case arrives (pending)
                int in = Math.max(0, Math.min(DROPS - 1, drop + random.nextInt(5) - 1));
                drops.get(in).get("freezes.csv").append(String.join(",", "G" + i + "-" + a, caseId,
                        random.nextInt(4) == 0 ? "FREEZE" : "STOP_PAYMENT", "", "TESTACCT" + (1000 + random.nextInt(80)),
                        money(900_000), STAMP.format(effective))).append('\n');
            }
            if (random.nextInt(5) == 0) {
                for (int r = 0, refunds = 1 + random.nextInt(3); r < refunds; r++) {
                    int in = Math.max(0, Math.min(DROPS - 1, drop + random.nextInt(4) - 1));
                    drops.get(in).get("refunds.csv").append(String.join(",", "S" + i + "-" + r, caseId, money(100_000),
                            STAMP.format(reported.plusSeconds(86_400L * random.nextInt(20) + random.nextInt(3600))))).append('\n');
                }
            }
        }
        for (int w = 0; w < 300; w++) {
            drops.get(random.nextInt(DROPS)).get("warnings.csv").append(String.join(",", "V" + w, STAMP.format(moment()),
                    districts.get(random.nextInt(districts.size())), List.of("SMS", "CALL", "VISIT", "APP").get(random.nextInt(4)),
                    List.of("DISSUADED", "UNREACHED", "ALREADY_DEFRAUDED").get(random.nextInt(3)))).append('\n');
        }
        Drops files = new Drops(inbox);
        for (var drop : drops.entrySet()) {
            String date = FIRST.plusDays(5L * drop.getKey()).toString();
            drop.getValue().forEach((file, content) -> files.write(date, file, content.toString()));
            Run run = cli("ingest", "--inbox", inbox.toString(), "--date", date);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    void everyDayFromTheRollupsIsTheDayFromTheFacts() {
        List<Map<String, Object>> fromFacts = figures(FROM_FACTS, FIRST.minusDays(3), FIRST.plusDays(DAYS + 3), true);
        assertThat(figures(FROM_ROLLUPS, FIRST.minusDays(3), FIRST.plusDays(DAYS + 3), true))
                .isEqualTo(fromFacts);
        // the data really has what the comparison is about
        Map<String, Object> city = cityRow(figures(FROM_FACTS, FIRST, FIRST.plusDays(DAYS), false));
        assertThat((Long) city.get("stop_accounts")).isPositive().isLessThan((Long) city.get("cases"));
        assertThat((Long) city.get("refund_cases")).isPositive();
        assertThat(city.get("median_minutes_to_stop")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fact_case WHERE drop_date > business_day + 5", Long.class)).isPositive();
    }

    @Test
    void randomRangesFromTheRollupsAreTheRangesFromTheFacts() {
        Random ranges = new Random(7L);
        for (int i = 0; i < 60; i++) {
            LocalDate from = FIRST.plusDays(ranges.nextInt(DAYS) - 2);
            LocalDate to = from.plusDays(ranges.nextInt(i % 3 == 0 ? DAYS : 8));
            assertThat(figures(FROM_ROLLUPS, from, to, false)).as("%s..%s", from, to)
                    .isEqualTo(figures(FROM_FACTS, from, to, false));
        }
    }

    private List<Map<String, Object>> figures(String file, LocalDate from, LocalDate to, boolean byDay) {
        return named.queryForList(SqlFiles.load(file), Map.of("from", from, "to", to, "byDay", byDay,
                "districts", String.join(",", catalog.districtCodes()), "cityCode", catalog.cityCode()));
    }

    private Map<String, Object> cityRow(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> r.get("district_code").equals(catalog.cityCode())).findFirst().orElseThrow();
    }

    private OffsetDateTime moment() {
        return FIRST.atStartOfDay().atOffset(ZoneOffset.ofHours(8))
                .plusSeconds(random.nextInt(DAYS * 86_400)).plusNanos(random.nextInt(1_000_000) * 1000L);
    }

    private String caseLine(String caseId, OffsetDateTime reported, List<String> districts) {
        return String.join(",", caseId, STAMP.format(reported), districts.get(random.nextInt(districts.size())), "",
                random.nextBoolean() ? "OTHER" : "ROMANCE", money(5_000_000), "") + "\n";
    }

    private String money(int maxCents) {
        int cents = 1 + random.nextInt(maxCents);
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
