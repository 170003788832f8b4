package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loader keeps the daily rollups (V16__daily_rollups.sql) exactly what the facts say, through the traps
 * of metrics.md and feeds.md: a case correction that moves a case to another day and district moves its
 * freezes' and refunds' rows on their own days; a pending freeze counts nowhere until its case arrives; a late
 * freeze changes its case's minutes to stop. `verify` recomputes every rollup row from the facts and must find
 * nothing, and finds a row changed behind the loader's back. DailyRollups.rebuild puts a range of days right.
 */
class DailyRollupsTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @Autowired
    RollupCheck check;

    @Autowired
    DailyRollups rollups;

    @BeforeEach
    void cleanSlate() {
        forgetEverything();
    }

    @Test
    void aCaseMovedByACorrectionTakesItsFreezesAndRefundsToItsNewDistrictOnTheirOwnDays() {
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES
                        + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-10-01T10:00:00+08:00,440605,,FAKE_LOAN,200.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,TESTACCT1111,10.00,2022-10-01T09:30:00+08:00\n"
                        + "F2,C9,FREEZE,,TESTACCT2222,20.00,2022-10-01T12:00:00+08:00\n"
                        + "F3,C2,STOP_PAYMENT,,TESTACCT1111,5.00,2022-10-02T10:00:00+08:00\n")
                .write("2022-10-01", "refunds.csv", Drops.REFUNDS
                        + "R1,C1,3.00,2022-10-03T10:00:00+08:00\n");
        load("2022-10-01");
        assertThat(rows("SELECT business_day || ' ' || district_code || ' ' || action || ' ' || actions || ' ' || amount FROM action_day"))
                .containsExactly("2022-10-01 440604 STOP_PAYMENT 1 10.00", "2022-10-02 440605 STOP_PAYMENT 1 5.00");
        assertThat(rows("SELECT case_id || ' ' || business_day || ' ' || district_code || ' ' || seconds FROM case_stop_time"))
                .containsExactly("C1 2022-10-01 440604 1800.000000", "C2 2022-10-01 440605 86400.000000");
        assertThat(check.differences(LocalDate.of(2022, 9, 1), LocalDate.of(2022, 10, 31))).isEmpty();

        // C1 moves to the 2nd and to Shunde; C9 arrives, so the pending F2 counts; a late freeze of C2 comes first
        drops.write("2022-10-02", "cases.csv", Drops.CASES
                        + "C1,2022-10-02T08:00:00+08:00,440606,,OTHER,100.00,\n"
                        + "C9,2022-10-01T11:00:00+08:00,440607,,ROMANCE,50.00,\n")
                .write("2022-10-02", "freezes.csv", Drops.FREEZES
                        + "F4,C2,FREEZE,,TESTACCT3333,7.00,2022-10-01T10:15:30.25+08:00\n");
        load("2022-10-02");

        assertThat(rows("SELECT business_day || ' ' || district_code || ' ' || fraud_type || ' ' || cases || ' ' || loss_amount FROM case_day"))
                .containsExactly("2022-10-01 440605 FAKE_LOAN 1 200.00", "2022-10-01 440607 ROMANCE 1 50.00",
                        "2022-10-02 440606 OTHER 1 100.00");
        // F1 stays on its own day, the 1st, but now counts for Shunde, the district of its case's latest version
        assertThat(rows("SELECT business_day || ' ' || district_code || ' ' || action || ' ' || actions || ' ' || amount FROM action_day"))
                .containsExactly("2022-10-01 440605 FREEZE 1 7.00", "2022-10-01 440606 STOP_PAYMENT 1 10.00",
                        "2022-10-01 440607 FREEZE 1 20.00", "2022-10-02 440605 STOP_PAYMENT 1 5.00");
        assertThat(rows("SELECT business_day || ' ' || district_code || ' ' || action || ' ' || count(*) FROM action_account_day "
                + "GROUP BY business_day, district_code, action"))
                .containsExactly("2022-10-01 440605 FREEZE 1", "2022-10-01 440606 STOP_PAYMENT 1",
                        "2022-10-01 440607 FREEZE 1", "2022-10-02 440605 STOP_PAYMENT 1");
        assertThat(rows("SELECT business_day || ' ' || district_code || ' ' || refunds || ' ' || amount FROM refund_day"))
                .containsExactly("2022-10-03 440606 1 3.00");
        assertThat(rows("SELECT business_day || ' ' || district_code || ' ' || case_id FROM refund_case_day"))
                .containsExactly("2022-10-03 440606 C1");
        // C1's action is now before its report (0), C2's earliest action is the late one, C9 counts at last
        assertThat(rows("SELECT case_id || ' ' || business_day || ' ' || district_code || ' ' || seconds FROM case_stop_time"))
                .containsExactly("C1 2022-10-02 440606 0", "C2 2022-10-01 440605 930.250000", "C9 2022-10-01 440607 3600.000000");
        assertThat(check.differences(LocalDate.of(2022, 9, 1), LocalDate.of(2022, 10, 31))).isEmpty();
    }

    /**
     * A freeze or refund corrected on its own to another day, in a drop that touches nothing else of its old day: the
     * old day's rollups lose it. A loader that marked only the new day as changed passed every test (r42c's mutants:
     * the random drops of RollupFiguresTest touch every day in every drop, so the old day was recomputed anyway).
     */
    @Test
    void aFreezeOrRefundCorrectedToAnotherDayLeavesItsOldDay() {
        // the freeze and the refund on the 2nd, a day of their own: their case is of the 1st, which a freeze's
        // correction marks as changed too (its case's minutes to stop)
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,TESTACCT1111,10.00,2022-10-02T09:30:00+08:00\n")
                .write("2022-10-01", "refunds.csv", Drops.REFUNDS + "R1,C1,3.00,2022-10-02T16:00:00+08:00\n");
        load("2022-10-01");
        assertThat(rows("SELECT business_day || ' ' || action || ' ' || actions || ' ' || amount FROM action_day"))
                .containsExactly("2022-10-02 STOP_PAYMENT 1 10.00");
        assertThat(rows("SELECT business_day || ' ' || refunds || ' ' || amount FROM refund_day")).containsExactly("2022-10-02 1 3.00");

        // each correction alone in a drop of its own: effective on the 3rd, then refunded on the 5th
        drops.write("2022-10-02", "freezes.csv", Drops.FREEZES + "F1,C1,STOP_PAYMENT,,TESTACCT1111,10.00,2022-10-03T09:30:00+08:00\n");
        load("2022-10-02");
        assertThat(rows("SELECT business_day || ' ' || action || ' ' || actions || ' ' || amount FROM action_day"))
                .containsExactly("2022-10-03 STOP_PAYMENT 1 10.00");
        assertThat(rows("SELECT business_day || ' ' || action || ' ' || count(*) FROM action_account_day GROUP BY business_day, action"))
                .containsExactly("2022-10-03 STOP_PAYMENT 1");

        drops.write("2022-10-03", "refunds.csv", Drops.REFUNDS + "R1,C1,3.00,2022-10-05T16:00:00+08:00\n");
        load("2022-10-03");
        assertThat(rows("SELECT business_day || ' ' || refunds || ' ' || amount FROM refund_day")).containsExactly("2022-10-05 1 3.00");
        assertThat(rows("SELECT business_day || ' ' || case_id FROM refund_case_day")).containsExactly("2022-10-05 C1");
        assertThat(check.differences(LocalDate.of(2022, 9, 1), LocalDate.of(2022, 10, 31))).isEmpty();
    }

    @Test
    void theSampleDropsLoadedOneByOneGiveTheRollupsOfTheirFacts() {
        Run ingest = cli("ingest", "--inbox", SAMPLE_INBOX.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Run verify = cli("verify", "--from", "2021-01-01", "--to", "2023-12-31");
        assertThat(verify.err()).isEmpty();
        assertThat(verify.out()).isEqualTo("rollups 2021-01-01..2023-12-31: as the facts say\n");
        assertThat(verify.exitCode()).isZero();
        // the samples really exercise every rollup
        for (String rollup : List.of("case_day", "action_day", "action_account_day", "refund_day", "refund_case_day",
                "case_stop_time", "warning_day")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + rollup, Long.class)).as(rollup).isPositive();
        }
    }

    @Test
    void verifyPrintsEveryRollupRowThatDiffersFromTheFactsAndFails() {
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,TESTACCT1111,10.00,2022-10-01T09:30:00+08:00\n");
        load("2022-10-01");
        jdbc.update("UPDATE case_day SET loss_amount = 99.99");
        jdbc.update("DELETE FROM action_account_day");
        jdbc.update("UPDATE case_stop_time SET seconds = 1799.5");

        Run verify = cli("verify", "--from", "2022-10-01", "--to", "2022-10-01");

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).isEqualTo("""
                action_account_day 2022-10-01 440604 STOP_PAYMENT: rollup [0 accounts the facts do not have], facts [1 accounts the rollup lacks]
                case_day 2022-10-01 440604 OTHER: rollup [1 cases, loss 99.99], facts [1 cases, loss 100.00]
                case_stop_time 2022-10-01 440604 C1: rollup [2022-10-01 440604 1799.5 s], facts [2022-10-01 440604 1800.000000 s]
                """);
        assertThat(verify.err()).isEqualTo("fraudstats verify: 3 rollup rows of 2022-10-01..2022-10-01 differ from the facts\n");
        assertThat(verify.out() + verify.err()).doesNotContain("TESTACCT");
    }

    @Test
    void aRebuildMakesTheRollupsOfItsDaysWhatTheFactsSayAndLeavesOtherDaysAlone() {
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES
                        + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-10-03T09:00:00+08:00,440605,,OTHER,200.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,TESTACCT1111,10.00,2022-10-01T09:30:00+08:00\n"
                        + "F2,C2,STOP_PAYMENT,,TESTACCT2222,20.00,2022-10-03T10:00:00+08:00\n")
                .write("2022-10-01", "warnings.csv", Drops.WARNINGS + "W1,2022-10-01T08:00:00+08:00,440604,VISIT,DISSUADED\n");
        load("2022-10-01");
        // rollups that are not what the facts say, as a writer bypassing the loader would leave them
        jdbc.update("UPDATE case_day SET loss_amount = 99.99");
        jdbc.update("DELETE FROM case_stop_time");
        jdbc.update("DELETE FROM warning_day");
        jdbc.update("INSERT INTO refund_day VALUES (DATE '2022-10-02', '440604', 1, 5.00)");

        rollups.rebuild(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 2));

        assertThat(check.differences(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 2))).isEmpty();
        assertThat(rows("SELECT business_day || ' ' || district_code || ' ' || cases || ' ' || loss_amount FROM case_day"))
                .containsExactly("2022-10-01 440604 1 100.00", "2022-10-03 440605 1 99.99");
        assertThat(rows("SELECT case_id || ' ' || seconds FROM case_stop_time")).containsExactly("C1 1800.000000");
        assertThat(rows("SELECT business_day || ' ' || warnings || ' ' || dissuaded_visits FROM warning_day")).containsExactly("2022-10-01 1 1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refund_day", Long.class)).isZero();
        // the 3rd was not rebuilt: verify still finds it
        assertThat(check.differences(LocalDate.of(2022, 10, 3), LocalDate.of(2022, 10, 3)))
                .extracting(RollupCheck.RollupDifference::line)
                .containsExactly("case_day 2022-10-03 440605 OTHER: rollup [1 cases, loss 99.99], facts [1 cases, loss 200.00]",
                        "case_stop_time 2022-10-03 440605 C2: rollup [], facts [2022-10-03 440605 3600.000000 s]");
    }

    @Test
    void aRebuildOfARangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> rollups.rebuild(LocalDate.of(2022, 10, 2), LocalDate.of(2022, 10, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rebuild 2022-10-02..2022-10-01: the range ends before it starts");
    }

    private void load(String date) {
        Run run = cli("ingest", "--inbox", inbox.toString(), "--date", date);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private List<String> rows(String sql) {
        return jdbc.queryForList(sql + " ORDER BY 1", String.class);
    }
}
