package org.fraudstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The definitions of metrics.md that sums and floating point get wrong. */
class MetricsRulesTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @Autowired
    Figures figures;

    @BeforeEach
    void cleanSlate() {
        forgetEverything();
    }

    @Test
    void distinctAccountsAreNotTheSumOfDistrictsOrOfDays() {
        // one account stopped in a Chancheng case on the 1st and in a Nanhai case on the 2nd
        new Drops(inbox)
                .write("2022-10-02", "cases.csv", Drops.CASES
                        + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-10-02T09:00:00+08:00,440605,,OTHER,100.00,\n")
                .write("2022-10-02", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,TESTACCT2222,10.00,2022-10-01T10:00:00+08:00\n"
                        + "F2,C2,STOP_PAYMENT,,TESTACCT2222,20.00,2022-10-02T10:00:00+08:00\n"
                        + "F3,C2,STOP_PAYMENT,,TESTACCT4444,30.00,2022-10-02T10:00:00+08:00\n")
                .write("2022-10-02", "refunds.csv", Drops.REFUNDS
                        + "R1,C2,5.00,2022-10-01T10:00:00+08:00\n"
                        + "R2,C2,6.00,2022-10-02T10:00:00+08:00\n");
        load();
        List<AreaFigures> range = figures.range(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 2));
        assertThat(area(range, "440604").stopAccounts()).isEqualTo(1);
        assertThat(area(range, "440605").stopAccounts()).isEqualTo(2);
        assertThat(area(range, "440600").stopAccounts()).isEqualTo(2);
        assertThat(area(range, "440600").stopAmount()).isEqualByComparingTo("60.00");
        assertThat(area(range, "440600").refundCases()).isEqualTo(1);

        List<AreaFigures> days = figures.byDay(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 2));
        assertThat(days.stream().filter(f -> f.districtCode().equals("440600")).mapToLong(AreaFigures::stopAccounts).sum()).isEqualTo(3);
        assertThat(days.stream().filter(f -> f.districtCode().equals("440600")).mapToLong(AreaFigures::refundCases).sum()).isEqualTo(2);
    }

    @Test
    void theMedianIsExactInterpolatedAndNeverNegative() {
        // per-case minutes: 30, 45 (earliest of two actions, one on a later day), 0 (action before the report)
        // and 37.5 is the mean of the middle two of {0, 30, 45, 60}: exact, no floating point
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES
                        + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C2,2022-10-01T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C3,2022-10-01T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C4,2022-10-01T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C5,2022-10-01T09:00:00+08:00,440604,,OTHER,1.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,TESTACCT0001,1.00,2022-10-01T09:30:00+08:00\n"
                        + "F2,C2,FREEZE,,TESTACCT0002,1.00,2022-10-01T09:45:00+08:00\n"
                        + "F3,C2,STOP_PAYMENT,,TESTACCT0003,1.00,2022-10-03T09:00:00+08:00\n"
                        + "F4,C3,STOP_PAYMENT,,TESTACCT0004,1.00,2022-10-01T08:00:00+08:00\n"
                        + "F5,C4,STOP_PAYMENT,,TESTACCT0005,1.00,2022-10-01T10:00:00+08:00\n");
        load();
        AreaFigures day = area(figures.range(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 1)), "440604");
        assertThat(day.medianMinutesToStop()).isEqualTo(new BigDecimal("37.5"));
        assertThat(area(figures.range(LocalDate.of(2022, 10, 2), LocalDate.of(2022, 10, 2)), "440604").medianMinutesToStop()).isNull();
    }

    @Test
    void theMedianRoundsHalfUpAtOneDecimal() {
        // 10 s and 20 s: median 15 s = 0.25 min -> 0.3 (half up)
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES
                        + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C2,2022-10-01T09:00:00+08:00,440604,,OTHER,1.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,TESTACCT0001,1.00,2022-10-01T09:00:10+08:00\n"
                        + "F2,C2,STOP_PAYMENT,,TESTACCT0002,1.00,2022-10-01T09:00:20+08:00\n");
        load();
        assertThat(area(figures.range(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 1)), "440600").medianMinutesToStop())
                .isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void yearOnYearMapsTheTwentyNinthOfFebruaryToTheTwentyEighth() {
        new Drops(inbox)
                .write("2023-03-01", "cases.csv", Drops.CASES
                        + "C1,2023-02-28T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C2,2024-02-28T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C3,2024-02-29T09:00:00+08:00,440604,,OTHER,1.00,\n"
                        + "C4,2024-02-29T10:00:00+08:00,440604,,OTHER,1.00,\n");
        load();
        String csv = cli("metrics", "--from", "2024-02-28", "--to", "2024-02-29", "--by", "day", "--compare", "yoy", "--district", "440604").out();
        List<String> rows = csv.lines().skip(1).toList();
        // each day against its own base: 28 Feb 2024 and 29 Feb 2024 both against 28 Feb 2023 (1 case)
        assertThat(rows.get(0)).startsWith("2024-02-28,2024-02-28,440604,1,").contains(",1,0.0,");
        assertThat(rows.get(1)).startsWith("2024-02-29,2024-02-29,440604,2,").contains(",1,100.0,");
        String range = cli("metrics", "--from", "2024-02-29", "--to", "2024-02-29", "--compare", "yoy", "--district", "440604").out();
        assertThat(range.lines().skip(1).findFirst().orElseThrow()).contains(",2,2.00,0,0.00,0,0.00,0,0.00,,0,0,1,100.0,1.00,100.0,");
    }

    @Test
    void changesAreEmptyForAZeroBaseAndNeverMinusZero() {
        assertThat(Change.percent(new BigDecimal("5"), BigDecimal.ZERO)).isEmpty();
        assertThat(Change.percent(new BigDecimal("1000.00"), new BigDecimal("1000.04"))).hasValueSatisfying(v -> assertThat(v.toPlainString()).isEqualTo("0.0"));
        assertThat(Change.percent(new BigDecimal("64"), new BigDecimal("69"))).hasValueSatisfying(v -> assertThat(v.toPlainString()).isEqualTo("-7.2"));
        // exactly half: 1/8 = 12.5 % -> rounds away from zero
        assertThat(Change.percent(new BigDecimal("1.0005"), new BigDecimal("1"))).hasValueSatisfying(v -> assertThat(v.toPlainString()).isEqualTo("0.1"));
        assertThat(Change.percent(new BigDecimal("0.9995"), new BigDecimal("1"))).hasValueSatisfying(v -> assertThat(v.toPlainString()).isEqualTo("-0.1"));
    }

    @Test
    void periodOnPeriodComparesWithTheEqualPeriodBefore() {
        assertThat(Comparison.POP.baseFrom(LocalDate.of(2022, 10, 13), LocalDate.of(2022, 10, 24))).isEqualTo(LocalDate.of(2022, 10, 1));
        assertThat(Comparison.POP.baseTo(LocalDate.of(2022, 10, 13), LocalDate.of(2022, 10, 24))).isEqualTo(LocalDate.of(2022, 10, 12));
        assertThat(Comparison.YOY.baseTo(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    private void load() {
        Run run = cli("ingest", "--inbox", inbox.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static AreaFigures area(List<AreaFigures> rows, String code) {
        return rows.stream().filter(f -> f.districtCode().equals(code)).findFirst().orElseThrow();
    }
}
