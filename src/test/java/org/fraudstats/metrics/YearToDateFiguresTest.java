package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.ingest.DailyRollups;
import org.fraudstats.storage.SqlFiles;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The year to date the bulletins print must be, for every day, exactly the city row of Figures.range(1 January,
 * day), and the trend's days the city rows of Figures.byDay: the one definition of every metric. And both must be
 * what the facts say (the test's own query straight from the facts, sql/oracle/area-figures-from-facts.sql): the
 * facts are written here by hand, without the loader, and the daily rollups rebuilt from them by
 * ingest/DailyRollups, as the bench does. The facts are random but made to hit every trap: accounts recurring
 * across days and districts, cases refunded on several days, actions before the report (time 0), sub-second times
 * that put medians on .x5, a leap year, pending freezes, a district outside the city, empty early days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearToDateFiguresTest extends DatabaseTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Every day the facts below fall on: the cases', and refunds up to 40 days later. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 3, 31);

    @Autowired
    Figures figures;

    @Autowired
    Catalog catalog;

    @Autowired
    DailyRollups rollups;

    @Autowired
    NamedParameterJdbcTemplate named;

    @BeforeAll
    void randomFacts() {
        forgetEverything();
        Random random = new Random(20241231L);
        List<String> districts = new ArrayList<>(catalog.districtCodes());
        districts.add("440699"); // not a district of the city: counts nowhere
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> freezes = new ArrayList<>();
        List<Object[]> refunds = new ArrayList<>();
        Instant start = LocalDate.of(2023, 1, 9).atStartOfDay(BEIJING).toInstant();
        Instant end = LocalDate.of(2025, 1, 1).atStartOfDay(BEIJING).toInstant();
        for (int i = 0; i < 900; i++) {
            Instant reported = start.plusSeconds((long) (random.nextDouble() * (end.getEpochSecond() - start.getEpochSecond())))
                    .plusNanos(random.nextInt(1_000_000) * 1000L);
            String caseId = "Y" + i;
            cases.add(new Object[] {caseId, Timestamp.from(reported), districts.get(random.nextInt(districts.size())),
                    "OTHER", BigDecimal.valueOf(random.nextInt(5_000_000), 2)});
            int actions = random.nextInt(4);
            for (int a = 0; a < actions; a++) {
                // minutes to days after the report, now and then before it (counts as 0), with microseconds
                long seconds = random.nextInt(10) == 0 ? -random.nextInt(3600) : random.nextInt(4 * 86_400);
                Instant effective = reported.plusSeconds(seconds).plusNanos(random.nextInt(1_000_000) * 1000L);
                String account = "ACCT" + random.nextInt(120); // few accounts: they recur across days and districts
                freezes.add(new Object[] {"F" + i + "-" + a, caseId, random.nextInt(5) == 0 ? "FREEZE" : "STOP_PAYMENT",
                        account.getBytes(), BigDecimal.valueOf(1 + random.nextInt(900_000), 2), Timestamp.from(effective)});
            }
            if (random.nextInt(6) == 0) {
                for (int r = 0; r < 1 + random.nextInt(3); r++) {
                    refunds.add(new Object[] {"R" + i + "-" + r, caseId, BigDecimal.valueOf(1 + random.nextInt(100_000), 2),
                            Timestamp.from(reported.plusSeconds(86_400L * random.nextInt(40)))});
                }
            }
        }
        // a pending freeze (no such case) and a pending refund count nowhere
        freezes.add(new Object[] {"F-pending", "NO-SUCH-CASE", "STOP_PAYMENT", "ACCT1".getBytes(), new BigDecimal("7.00"),
                Timestamp.from(start.plusSeconds(86_400 * 40))});
        refunds.add(new Object[] {"R-pending", "NO-SUCH-CASE", new BigDecimal("9.00"), Timestamp.from(start.plusSeconds(86_400 * 40))});
        jdbc.batchUpdate("""
                INSERT INTO fact_case (case_id, reported_at, business_day, district_code, fraud_type, loss_amount, drop_date, line)
                VALUES (?, ?, (CAST(? AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date, ?, ?, ?, DATE '2025-01-01', 1)""",
                cases.stream().map(c -> new Object[] {c[0], c[1], c[1], c[2], c[3], c[4]}).toList());
        jdbc.batchUpdate("""
                INSERT INTO fact_freeze (freeze_id, case_id, action, account_hmac, account_masked, amount, effective_at,
                                         business_day, drop_date, line)
                VALUES (?, ?, ?, ?, '****', ?, ?, (CAST(? AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date, DATE '2025-01-01', 1)""",
                freezes.stream().map(f -> new Object[] {f[0], f[1], f[2], f[3], f[4], f[5], f[5]}).toList());
        jdbc.batchUpdate("""
                INSERT INTO fact_refund (refund_id, case_id, amount, refunded_at, business_day, drop_date, line)
                VALUES (?, ?, ?, ?, (CAST(? AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date, DATE '2025-01-01', 1)""",
                refunds.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[3]}).toList());
        // warnings every third day in two districts and one outside the city, some of them dissuading visits
        jdbc.update("""
                INSERT INTO fact_warning (warning_id, issued_at, business_day, district_code, channel, outcome, drop_date, line)
                SELECT 'W' || code || to_char(d, 'YYYYMMDD') || '-' || i, d::date + TIME '09:30' AT TIME ZONE 'Asia/Shanghai',
                       d::date, code, CASE WHEN i <= h.visits + 1 THEN 'VISIT' ELSE 'SMS' END,
                       CASE WHEN i <= h.visits THEN 'DISSUADED' ELSE 'UNREACHED' END, DATE '2025-01-01', 1
                FROM generate_series(DATE '2023-01-01', DATE '2024-12-31', interval '3 days') AS d,
                     unnest(ARRAY['440604', '440606', '440699']) AS code,
                     LATERAL (SELECT (hashint8(d::date - DATE '2000-01-01') & 255) + 1 AS warnings,
                                     hashint8(d::date - DATE '2000-01-01') & 7 AS visits) AS h,
                     generate_series(1, h.warnings) AS i""");
        // written by hand, not loaded: the daily rollups every figure reads are rebuilt from these facts
        rollups.rebuild(FIRST_DAY, LAST_DAY);
    }

    @Test
    void everyDayOfTwoYearsYearToDateEqualsTheFacts() {
        for (LocalDate day = LocalDate.of(2023, 1, 1); !day.isAfter(LocalDate.of(2024, 12, 31)); day = day.plusDays(1)) {
            AreaFigures range = city(figures.range(day.withDayOfYear(1), day));
            assertThat(values(range)).as("year to date %s from the facts", day).isEqualTo(cityFromFacts(day.withDayOfYear(1), day));
        }
        // the data really has what the comparison is about
        AreaFigures year = cityYearToDate(LocalDate.of(2024, 12, 31));
        assertThat(year.stopAccounts()).isLessThan(year.cases()).isPositive();
        assertThat(year.refundCases()).isPositive();
        assertThat(cityYearToDate(LocalDate.of(2023, 1, 8)).medianMinutesToStop()).isNull();
        assertThat(cityYearToDate(LocalDate.of(2024, 2, 29)).to()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void eachDaysCasesAndStopAmountEqualTheCityRowOfByDay() {
        LocalDate from = LocalDate.of(2023, 12, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        List<CityDay> expected = figures.byDay(from, to).stream()
                .filter(f -> f.districtCode().equals(catalog.cityCode()))
                .map(f -> new CityDay(f.from(), f.cases(), f.stopAmount()))
                .toList();
        assertThat(figures.cityDays(from, to)).hasSize(397).isEqualTo(expected);
        assertThat(expected.stream().mapToLong(CityDay::cases).sum()).isPositive();
        assertThat(figures.cityDays(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)))
                .singleElement().extracting(CityDay::day).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aChangeToTheFactsIsSeenAtOnce() {
        LocalDate day = LocalDate.of(2024, 6, 30);
        LocalDate late = LocalDate.of(2024, 3, 1);
        AreaFigures before = cityYearToDate(day);
        jdbc.update("""
                INSERT INTO fact_case (case_id, reported_at, business_day, district_code, fraud_type, loss_amount, drop_date, line)
                VALUES ('LATE', TIMESTAMPTZ '2024-03-01 10:00:00+08', DATE '2024-03-01', '440605', 'OTHER', 12.34, DATE '2025-01-02', 1)""");
        rollups.rebuild(late, late);
        try {
            AreaFigures after = cityYearToDate(day);
            assertThat(after.cases()).isEqualTo(before.cases() + 1);
            assertThat(after.lossAmount()).isEqualByComparingTo(before.lossAmount().add(new BigDecimal("12.34")));
            assertThat(figures.cityDays(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1)).get(0).cases())
                    .isEqualTo(city(figures.range(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1))).cases());
        } finally {
            jdbc.update("DELETE FROM fact_case WHERE case_id = 'LATE'");
            rollups.rebuild(late, late);
        }
        assertThat(cityYearToDate(day)).isEqualTo(before);
    }

    /** The city's figures over [from, to] straight from the facts, metric key to value
     * (compared by value: its zeros have no scale 2). */
    private Map<String, Object> cityFromFacts(LocalDate from, LocalDate to) {
        Map<String, Object> row = named.queryForList(SqlFiles.load("oracle/area-figures-from-facts.sql"), Map.of("from", from, "to", to,
                        "byDay", false, "districts", String.join(",", catalog.districtCodes()), "cityCode", catalog.cityCode()))
                .stream().filter(r -> r.get("district_code").equals(catalog.cityCode())).findFirst().orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            Object v = row.get(m.key());
            values.put(m.key(), v == null ? null : new BigDecimal(v.toString()).stripTrailingZeros());
        }
        return values;
    }

    private static Map<String, Object> values(AreaFigures f) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            values.put(m.key(), f.value(m) == null ? null : f.value(m).stripTrailingZeros());
        }
        return values;
    }

    /** The city over [1 January of day's year, day], as a bulletin's year to date reads it without a records-start. */
    private AreaFigures cityYearToDate(LocalDate day) {
        return city(figures.range(day.withDayOfYear(1), day));
    }

    private AreaFigures city(List<AreaFigures> rows) {
        return rows.stream().filter(f -> f.districtCode().equals(catalog.cityCode())).findFirst().orElseThrow();
    }
}
