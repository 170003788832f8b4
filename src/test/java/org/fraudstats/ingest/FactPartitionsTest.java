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
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The fact tables partitioned by month (V19__fact_partitions.sql): a correction that moves a record into another
 * month leaves no version behind in the old one and both days' figures right; an id is unique across months;
 * a drop that fails half way leaves facts, registers and months as they were; rows written by hand before their
 * month exists join it when the loader creates it; an archived month is never silently refilled.
 */
class FactPartitionsTest extends DatabaseTest {

    private static final String ACCOUNT = "6222" + "0000" + "1111" + "9876";

    @TempDir
    Path inbox;

    @Autowired
    RollupCheck check;

    @BeforeEach
    void cleanSlate() {
        forgetEverything();
        // months another test archived: their detached tables would stop the month from being created again
        jdbc.execute("DELETE FROM fact_month_archived");
        jdbc.execute("""
                DO $$ DECLARE t text; BEGIN
                    FOR t IN SELECT relname FROM pg_class WHERE relname ~ '^fact_(case|freeze|refund|warning)_[0-9]{4}_[0-9]{2}$'
                                                            AND relkind = 'r' AND NOT relispartition LOOP
                        EXECUTE format('DROP TABLE %I', t);
                    END LOOP;
                END $$""");
    }

    @Test
    void aCorrectionMovingEachKindOfRecordIntoTheNextMonthLeavesNothingInTheOldMonth() {
        Drops drops = new Drops(inbox)
                .write("2022-10-31", "cases.csv", Drops.CASES + "C1,2022-10-31T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-31", "freezes.csv", Drops.FREEZES + "F1,C1,STOP_PAYMENT,," + ACCOUNT + ",10.00,2022-10-31T09:30:00+08:00\n")
                .write("2022-10-31", "refunds.csv", Drops.REFUNDS + "R1,C1,3.00,2022-10-31T18:00:00+08:00\n")
                .write("2022-10-31", "warnings.csv", Drops.WARNINGS + "W1,2022-10-31T10:00:00+08:00,440604,VISIT,DISSUADED\n");
        load("2022-10-31");
        assertThat(partitions()).containsExactly("fact_case_2022_10 C1", "fact_freeze_2022_10 F1", "fact_refund_2022_10 R1",
                "fact_warning_2022_10 W1");

        // every record said again the next day, now on 1 November (Asia/Shanghai): 16:30 UTC on the 31st is 00:30 on the 1st
        drops.write("2022-11-01", "cases.csv", Drops.CASES + "C1,2022-10-31T16:30:00Z,440604,,OTHER,100.00,\n")
                .write("2022-11-01", "freezes.csv", Drops.FREEZES + "F1,C1,STOP_PAYMENT,," + ACCOUNT + ",10.00,2022-11-01T09:30:00+08:00\n")
                .write("2022-11-01", "refunds.csv", Drops.REFUNDS + "R1,C1,3.00,2022-11-01T18:00:00+08:00\n")
                .write("2022-11-01", "warnings.csv", Drops.WARNINGS + "W1,2022-11-01T10:00:00+08:00,440604,VISIT,DISSUADED\n");
        load("2022-11-01");

        assertThat(partitions()).containsExactly("fact_case_2022_11 C1", "fact_freeze_2022_11 F1", "fact_refund_2022_11 R1",
                "fact_warning_2022_11 W1");
        assertThat(rows("SELECT case_id || ' ' || business_day FROM fact_case_key "
                + "UNION ALL SELECT freeze_id || ' ' || case_id || ' ' || business_day FROM fact_freeze_key "
                + "UNION ALL SELECT refund_id || ' ' || case_id || ' ' || business_day FROM fact_refund_key "
                + "UNION ALL SELECT warning_id || ' ' || business_day FROM fact_warning_key"))
                .containsExactly("C1 2022-11-01", "F1 C1 2022-11-01", "R1 C1 2022-11-01", "W1 2022-11-01");
        // the second load changed both days: the old one loses its figures, the new one gains them
        assertThat(rows("SELECT d.business_day::text FROM changed_day d JOIN drop_load l USING (job_execution_id) "
                + "WHERE l.drop_date = DATE '2022-11-01'")).containsExactly("2022-10-31", "2022-11-01");
        assertThat(figures("2022-10-31")).isEqualTo("0 0.00 0 0.00 0 0.00 0 0");
        assertThat(figures("2022-11-01")).isEqualTo("1 100.00 1 10.00 1 3.00 1 1");
        assertThat(check.differences(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 11, 30))).isEmpty();
    }

    @Test
    void anIdIsUniqueAcrossMonths() {
        new Drops(inbox).write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        load("2022-10-01");
        jdbc.queryForObject("SELECT fact_month(DATE '2022-12-01')", Object.class);

        assertThatThrownBy(() -> jdbc.update("INSERT INTO fact_case (case_id, reported_at, business_day, district_code, fraud_type, "
                + "loss_amount, drop_date, line) VALUES ('C1', TIMESTAMPTZ '2022-12-05 09:00+08', DATE '2022-12-05', '440604', "
                + "'OTHER', 1.00, DATE '2022-12-05', 2)"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("fact_case_key_pkey");
        assertThat(partitions()).containsExactly("fact_case_2022_10 C1");
    }

    @Test
    void aDropThatFailsHalfWayLeavesFactsRegistersAndMonthsAsBefore() {
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES + "F1,C1,FREEZE,," + ACCOUNT + ",10.00,2022-10-01T09:30:00+08:00\n");
        load("2022-10-01");
        rollupsCheckedByANight();
        jdbc.queryForObject("SELECT archive_fact_month(fact_month(DATE '2022-09-01'))", Object.class);
        String before = everything();

        // the cases would move C1 into a month of its own, but a warning of an archived month fails the drop after
        // staging, with or without that month created already (months are created in no particular order)
        drops.write("2022-10-02", "cases.csv", Drops.CASES + "C1,2023-01-05T09:00:00+08:00,440605,,OTHER,999.00,\n")
                .write("2022-10-02", "freezes.csv", Drops.FREEZES + "F2,C1,FREEZE,," + ACCOUNT + ",1.00,2023-01-05T09:30:00+08:00\n")
                .write("2022-10-02", "warnings.csv", Drops.WARNINGS + "W1,2022-09-30T10:00:00+08:00,440604,VISIT,DISSUADED\n");
        Run run = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-02");
        assertThat(run.exitCode()).isEqualTo(1);
        // the server's message alone: not Spring's, which quoted all of create-months.sql, nor pgjdbc's Where: lines
        // named by file, line and day, not by the month's first day (fact_month's own message)
        assertThat(run.err()).isEqualTo("fraudstats ingest: drop 2022-10-02 not loaded: warnings.csv line 2: record W1 is dated "
                + "2022-09-30, in 2022-09, whose facts were archived; it cannot be loaded until the month is restored\n");

        assertThat(everything()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT to_regclass('fact_case_2023_01') IS NULL", Boolean.class)).isTrue();
    }

    @Test
    void aCorrectionOfARecordWhoseMonthWasArchivedFailsTheDropNamingRecordAndMonth() {
        Drops drops = new Drops(inbox)
                .write("2022-09-30", "cases.csv", Drops.CASES + "C1,2022-09-30T09:00:00+08:00,440604,,OTHER,100.00,\n");
        load("2022-09-30");
        rollupsCheckedByANight();
        jdbc.queryForObject("SELECT archive_fact_month(DATE '2022-09-01')", Object.class);
        String before = everything();

        // C1 corrected into October, a month that is not archived: its stored version is in September's detached table
        drops.write("2022-10-02", "cases.csv", Drops.CASES + "C1,2022-10-02T09:00:00+08:00,440604,,OTHER,120.00,\n");
        Run run = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-02");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("fraudstats ingest: drop 2022-10-02 not loaded: cases.csv: record C1 is stored in 2022-09, "
                + "whose facts were archived; it cannot be corrected until the month is restored\n");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aFreezeOrRefundOfACaseWhoseMonthWasArchivedFailsTheDropAndLeavesTheArchivedDaysFigures() {
        Drops drops = new Drops(inbox)
                .write("2022-09-30", "cases.csv", Drops.CASES + "C1,2022-09-30T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-10-01T09:00:00+08:00,440605,,OTHER,100.00,\n")
                .write("2022-09-30", "freezes.csv", Drops.FREEZES + "F0,C1,STOP_PAYMENT,," + ACCOUNT + ",30.00,2022-10-01T10:00:00+08:00\n");
        load("2022-09-30");
        // F0 links October to September, which archive_fact_month refuses since V22: archived as before it
        archiveAsBeforeV22("2022-09");
        String before = everything();
        String figures = cli("metrics", "--from", "2022-09-30", "--to", "2022-09-30").out();
        assertThat(figures).contains("2022-09-30,2022-09-30,440600,1,100.00,");

        // the freeze is of October, but it is counted with its case, on 30 September, whose facts are gone
        drops.write("2022-10-02", "freezes.csv", Drops.FREEZES + "F1,C1,FREEZE,," + ACCOUNT + ",50.00,2022-10-02T10:00:00+08:00\n");
        Run run = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-02");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("fraudstats ingest: drop 2022-10-02 not loaded: freezes.csv: record F1 is of case C1, stored in "
                + "2022-09, whose facts were archived; it cannot be loaded until the month is restored\n");
        assertThat(everything()).isEqualTo(before);
        assertThat(cli("metrics", "--from", "2022-09-30", "--to", "2022-09-30").out()).isEqualTo(figures);

        drops.write("2022-10-03", "refunds.csv", Drops.REFUNDS + "R1,C1,10.00,2022-10-03T12:00:00+08:00\n");
        Run refund = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-03");
        assertThat(refund.exitCode()).isEqualTo(1);
        assertThat(refund.err()).contains("drop 2022-10-03 not loaded: refunds.csv: record R1 is of case C1, stored in 2022-09");
        assertThat(everything()).isEqualTo(before);

        // a freeze of October stored with C1 before the archive, moved to another case: C1's day would be recomputed
        drops.write("2022-10-04", "freezes.csv", Drops.FREEZES + "F0,C2,STOP_PAYMENT,," + ACCOUNT + ",30.00,2022-10-01T10:00:00+08:00\n");
        Run moved = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-04");
        assertThat(moved.exitCode()).isEqualTo(1);
        assertThat(moved.err()).contains("drop 2022-10-04 not loaded: freezes.csv: record F0 is of case C1, stored in 2022-09");
        assertThat(everything()).isEqualTo(before);
        assertThat(cli("metrics", "--from", "2022-09-30", "--to", "2022-09-30").out()).isEqualTo(figures);
    }

    @Test
    void monthsLinkedByAFreezeOrRefundAreArchivedTogetherOrNotAtAll() {
        // C1 of 30 September frozen on 1 October; C2 of 1 October frozen on 30 September (the freeze's clock was early)
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-09-30T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-10-01T00:30:00+08:00,440605,,OTHER,200.00,\n"
                        + "C3,2022-11-02T09:00:00+08:00,440606,,OTHER,300.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES + "F0,C1,STOP_PAYMENT,," + ACCOUNT + ",30.00,2022-10-01T10:00:00+08:00\n"
                        + "F2,C2,STOP_PAYMENT,," + ACCOUNT + ",20.00,2022-09-30T23:50:00+08:00\n");
        load("2022-10-01");
        String before = everything();
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT archive_fact_month(DATE '2022-09-01')", Object.class))
                .hasMessageContaining("freezes and refunds link the months asked (2022-09 to 2022-09) to their cases in months that "
                        + "stay: archive the months from 2022-09 to 2022-10 together, with archive_fact_months(DATE '2022-09-01', DATE '2022-10-31')");
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT archive_fact_month(DATE '2022-10-01')", Object.class))
                .hasMessageContaining("(2022-10 to 2022-10) to their cases in months that stay: archive the months from 2022-09 to 2022-10 together");
        assertThat(everything()).isEqualTo(before);
        assertThat(rows("SELECT to_char(month, 'YYYY-MM') FROM fact_month_archived")).isEmpty();

        rollupsCheckedByANight();
        jdbc.queryForObject("SELECT archive_fact_months(DATE '2022-09-01', DATE '2022-10-31')", Object.class);
        assertThat(rows("SELECT to_char(month, 'YYYY-MM') FROM fact_month_archived")).containsExactly("2022-09", "2022-10");
        assertThat(partitions()).containsExactly("fact_case_2022_11 C3");
        // their figures stay in the rollups
        assertThat(figures("2022-09-30")).isEqualTo("1 100.00 1 20.00 0 0.00 0 0");
        assertThat(figures("2022-10-01")).isEqualTo("1 200.00 1 30.00 0 0.00 0 0");
    }

    /**
     * Tester C of 2026-12-05: a pending freeze went with its month into the archive, and its case, coming later into a
     * live month, counted it while its own day never did; and a refusal named one month more at a time, however far
     * the links ran.
     */
    @Test
    void aMonthHoldingAPendingFreezeIsNotArchived_andLinksRunningToTheNewestMonthAreSaidAtOnce() {
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-09-30T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C5,2022-10-31T23:00:00+08:00,440605,,OTHER,500.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES + "F1,C1,STOP_PAYMENT,," + ACCOUNT + ",30.00,2022-10-01T10:00:00+08:00\n"
                        + "FP,CX,STOP_PAYMENT,," + ACCOUNT + ",10.00,2022-09-29T10:00:00+08:00\n");
        load("2022-10-01");
        drops.write("2022-11-01", "freezes.csv", Drops.FREEZES + "F5,C5,STOP_PAYMENT,," + ACCOUNT + ",50.00,2022-11-01T00:10:00+08:00\n");
        load("2022-11-01");
        String before = everything();

        assertThatThrownBy(() -> jdbc.queryForObject("SELECT archive_fact_month(DATE '2022-09-01')", Object.class))
                .hasMessageContaining("the freeze FP of 2022-09 is pending: its case has not arrived (1 such rows in the months asked)");
        assertThat(everything()).isEqualTo(before);

        // the case comes: FP links September to itself; F1 September to October, F5 October to November, the newest
        drops.write("2022-11-02", "cases.csv", Drops.CASES + "CX,2022-09-29T09:00:00+08:00,440606,,OTHER,70.00,\n");
        load("2022-11-02");
        String linked = everything();
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT archive_fact_month(DATE '2022-09-01')", Object.class))
                .hasMessageContaining("freezes and refunds link the months asked (2022-09 to 2022-09) to their cases in every month up "
                        + "to 2022-11, the newest holding facts");
        assertThat(everything()).isEqualTo(linked);
        assertThat(rows("SELECT to_char(month, 'YYYY-MM') FROM fact_month_archived")).isEmpty();
    }

    @Test
    void aCorrectionOfACasesLossChangesItsOwnDayOnly_aMoveToAnotherDistrictTheDaysOfItsFreezesAndRefundsToo() {
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-09-30T23:59:59+08:00,440605,,OTHER,500.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES + "F1,C1,FREEZE,," + ACCOUNT + ",70.00,2022-10-01T00:10:00+08:00\n")
                .write("2022-10-01", "refunds.csv", Drops.REFUNDS + "R1,C1,30.00,2022-10-01T12:00:00+08:00\n");
        load("2022-10-01");
        String lastLoadsDays = "SELECT business_day::text FROM changed_day WHERE job_execution_id = (SELECT max(job_execution_id) FROM changed_day)";

        // loss, type, station and age: the freeze and the refund of 1 October count as before
        drops.write("2022-10-02", "cases.csv", Drops.CASES + "C1,2022-09-30T23:59:59+08:00,440605,罗村派出所,FAKE_LOAN,600.00,40\n");
        load("2022-10-02");
        assertThat(rows(lastLoadsDays)).containsExactly("2022-09-30");

        // another district: they follow it
        drops.write("2022-10-03", "cases.csv", Drops.CASES + "C1,2022-09-30T23:59:59+08:00,440606,罗村派出所,FAKE_LOAN,600.00,40\n");
        load("2022-10-03");
        assertThat(rows(lastLoadsDays)).containsExactly("2022-09-30", "2022-10-01");
        assertThat(check.differences(LocalDate.of(2022, 9, 1), LocalDate.of(2022, 10, 31))).isEmpty();
    }

    @Test
    void aLoadNeverRecomputesADayOfAnArchivedMonth_evenThroughALinkLeftBeforeV22() {
        // C2 of 1 October frozen on 30 September; September archived alone, as archive_fact_month allowed before V22
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-09-30T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-10-01T00:30:00+08:00,440605,,OTHER,200.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES + "F2,C2,STOP_PAYMENT,," + ACCOUNT + ",20.00,2022-09-30T23:50:00+08:00\n");
        load("2022-10-01");
        archiveAsBeforeV22("2022-09");
        String september = figures("2022-09-30");
        assertThat(september).isEqualTo("1 100.00 1 20.00 0 0.00 0 0");

        // C2 moves to another district: its freeze's day, 30 September, would be recomputed from facts that are gone
        drops.write("2022-10-02", "cases.csv", Drops.CASES + "C2,2022-10-01T00:30:00+08:00,440606,,OTHER,200.00,\n");
        load("2022-10-02");
        assertThat(figures("2022-09-30")).isEqualTo(september);
        assertThat(rows("SELECT business_day::text FROM changed_day WHERE job_execution_id = (SELECT max(job_execution_id) FROM changed_day)"))
                .containsExactly("2022-10-01");
        assertThat(figures("2022-10-01")).isEqualTo("1 200.00 0 0.00 0 0.00 0 0");
    }

    @Test
    void aRowWrittenByHandBeforeItsMonthExistsMovesIntoTheMonthTheLoaderCreates() {
        jdbc.update("INSERT INTO fact_case (case_id, reported_at, business_day, district_code, fraud_type, loss_amount, drop_date, line) "
                + "VALUES ('BYHAND', TIMESTAMPTZ '2023-03-01 09:00+08', DATE '2023-03-01', '440604', 'OTHER', 5.00, DATE '2023-03-01', 2)");
        assertThat(partitions()).containsExactly("fact_case_default BYHAND");

        new Drops(inbox).write("2023-03-02", "cases.csv", Drops.CASES + "C1,2023-03-02T09:00:00+08:00,440604,,OTHER,100.00,\n");
        load("2023-03-02");

        assertThat(partitions()).containsExactly("fact_case_2023_03 BYHAND", "fact_case_2023_03 C1");
        assertThat(rows("SELECT case_id || ' ' || business_day FROM fact_case_key")).containsExactly("BYHAND 2023-03-01", "C1 2023-03-02");
    }

    @Test
    void aTemporaryTableNamedLikeAMonthIsNotTakenForItsPartition() {
        String made = jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE fact_case_2023_05 (case_id text)");
                try {
                    statement.execute("SELECT fact_month(DATE '2023-05-10')");
                    try (var rs = statement.executeQuery("SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_class c "
                            + "JOIN pg_inherits i ON i.inhrelid = c.oid WHERE c.relname LIKE 'fact\\_%\\_2023\\_05'")) {
                        rs.next();
                        return rs.getString(1);
                    }
                } finally {
                    // the connection goes back to the pool: its session must not keep the table for another test
                    statement.execute("DROP TABLE pg_temp.fact_case_2023_05");
                }
            }
        });
        assertThat(made).isEqualTo("fact_case_2023_05 fact_freeze_2023_05 fact_refund_2023_05 fact_warning_2023_05");

        rollupsCheckedByANight();
        jdbc.queryForObject("SELECT archive_fact_month(DATE '2023-05-10')", Object.class);
        assertThat(rows("SELECT to_char(month, 'YYYY-MM') FROM fact_month_archived")).containsExactly("2023-05");
    }

    @Test
    void anArchivedMonthKeepsItsRollupsAndALateRecordForItFailsItsLoad() {
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-11-01T09:00:00+08:00,440604,,OTHER,50.00,\n");
        load("2022-10-01");

        rollupsCheckedByANight();
        jdbc.queryForObject("SELECT archive_fact_month(DATE '2022-10-01')", Object.class);
        assertThat(partitions()).containsExactly("fact_case_2022_11 C2");
        // the detached month is a plain table, there to be dumped and dropped
        assertThat(rows("SELECT case_id FROM fact_case_2022_10")).containsExactly("C1");
        // the published figures stay in the rollups; verify sees that the facts behind them are gone
        assertThat(figures("2022-10-01")).isEqualTo("1 100.00 0 0.00 0 0.00 0 0");
        assertThat(check.differences(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 31))).isNotEmpty();
        assertThat(check.differences(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 30))).isEmpty();

        drops.write("2022-11-02", "cases.csv", Drops.CASES + "C3,2022-10-15T09:00:00+08:00,440604,,OTHER,7.00,\n");
        Run run = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-11-02");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("fraudstats ingest: drop 2022-11-02 not loaded: cases.csv line 2: record C3 is dated "
                + "2022-10-15, in 2022-10, whose facts were archived; it cannot be loaded until the month is restored\n");
        assertThat(figures("2022-10-15")).isEqualTo("0 0.00 0 0.00 0 0.00 0 0");
    }

    private void load(String date) {
        Run run = cli("ingest", "--inbox", inbox.toString(), "--date", date);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** What archive_fact_month did before V22: the month detached whatever links it, as an older home may hold it. */
    private void archiveAsBeforeV22(String month) {
        rollupsCheckedByANight();
        for (String fact : List.of("fact_case", "fact_freeze", "fact_refund", "fact_warning")) {
            jdbc.execute("ALTER TABLE " + fact + " DETACH PARTITION " + fact + "_" + month.replace('-', '_'));
        }
        jdbc.update("INSERT INTO fact_month_archived (month) VALUES (CAST(? AS date))", month + "-01");
    }

    /** Which partition holds each fact, by id. */
    private List<String> partitions() {
        return rows("SELECT tableoid::regclass || ' ' || case_id FROM fact_case "
                + "UNION ALL SELECT tableoid::regclass || ' ' || freeze_id FROM fact_freeze "
                + "UNION ALL SELECT tableoid::regclass || ' ' || refund_id FROM fact_refund "
                + "UNION ALL SELECT tableoid::regclass || ' ' || warning_id FROM fact_warning");
    }

    /** A day's rollups in the city: cases, loss, actions, amount, refunds, refund amount, warnings, dissuaded visits. */
    private String figures(String day) {
        return jdbc.queryForObject("""
                SELECT (SELECT coalesce(sum(cases), 0) || ' ' || coalesce(sum(loss_amount), 0.00)
                        FROM case_day WHERE business_day = CAST(? AS date))
                    || ' ' || (SELECT coalesce(sum(actions), 0) || ' ' || coalesce(sum(amount), 0.00) FROM action_day WHERE business_day = CAST(? AS date))
                    || ' ' || (SELECT coalesce(sum(refunds), 0) || ' ' || coalesce(sum(amount), 0.00) FROM refund_day WHERE business_day = CAST(? AS date))
                    || ' ' || (SELECT coalesce(sum(warnings), 0) || ' ' || coalesce(sum(dissuaded_visits), 0) FROM warning_day
                               WHERE business_day = CAST(? AS date))""", String.class, day, day, day, day);
    }

    /** Every fact, register row, month and changed day, as one text. */
    private String everything() {
        return String.join("\n", rows("SELECT 'case ' || f::text FROM fact_case f UNION ALL SELECT 'freeze ' || f::text FROM fact_freeze f "
                + "UNION ALL SELECT 'key ' || k::text FROM fact_case_key k UNION ALL SELECT 'key ' || k::text FROM fact_freeze_key k "
                + "UNION ALL SELECT 'month ' || relname FROM pg_class WHERE relname ~ '^fact_(case|freeze|refund|warning)_[0-9]{4}_[0-9]{2}$' "
                + "UNION ALL SELECT 'day ' || d::text FROM changed_day d UNION ALL SELECT 'case_day ' || r::text FROM case_day r "
                + "UNION ALL SELECT 'action_day ' || r::text FROM action_day r"));
    }

    private List<String> rows(String sql) {
        return jdbc.queryForList(sql + " ORDER BY 1", String.class);
    }
}
