package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statistician corrects a fact in psql, outside the loader: `verify` shows the figures are behind the facts,
 * `verify --repair` rewrites the period's rollups from the facts, so `metrics` prints the corrected figure, and
 * the repair is in the audit log.
 */
class VerifyRepairTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @BeforeEach
    void cleanSlate() {
        forgetEverything();
    }

    @Test
    void aHandCorrectionReachesTheFiguresOnlyAfterARepair_whichIsAudited() {
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES
                        + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C2,2022-10-02T09:00:00+08:00,440604,,OTHER,50.00,\n");
        Run load = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-01");
        assertThat(load.exitCode()).as(load.err()).isZero();
        jdbc.update("UPDATE fact_case SET loss_amount = 120.00 WHERE case_id = 'C1'");

        assertThat(lossOfChancheng()).isEqualTo("150.00");
        Run verify = cli("verify", "--from", "2022-10-01", "--to", "2022-10-02");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).isEqualTo(
                "case_day 2022-10-01 440604 OTHER: rollup [1 cases, loss 100.00], facts [1 cases, loss 120.00]\n");

        Run repair = cli("verify", "--from", "2022-10-01", "--to", "2022-10-02", "--repair");
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).endsWith("rollups 2022-10-01..2022-10-02: 1 rows rewritten from the facts; published bulletins "
                + "of these days keep their old figures until `rerun --from 2022-10-01 --to 2022-10-02`\n");
        assertThat(lossOfChancheng()).isEqualTo("170.00");
        assertThat(cli("verify", "--from", "2022-10-01", "--to", "2022-10-02").exitCode()).isZero();
        assertThat(jdbc.queryForList("SELECT concat_ws('|', client, action, object, result) FROM audit_event "
                + "WHERE action = 'rollups-repair'", String.class))
                .containsExactly("cli|rollups-repair|2022-10-01..2022-10-02|success: 1 rows rewritten");
    }

    /** 禅城区's loss over the two days, as `metrics` prints it. */
    private String lossOfChancheng() {
        Run metrics = cli("metrics", "--from", "2022-10-01", "--to", "2022-10-02", "--district", "440604", "--format", "csv");
        assertThat(metrics.exitCode()).as(metrics.err()).isZero();
        String[] header = metrics.out().lines().findFirst().orElseThrow().split(",");
        String[] row = metrics.out().lines().skip(1).findFirst().orElseThrow().split(",");
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals("loss_amount")) {
                return row[i];
            }
        }
        throw new AssertionError("no loss_amount column: " + metrics.out());
    }
}
