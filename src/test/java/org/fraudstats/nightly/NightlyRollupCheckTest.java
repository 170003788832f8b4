package org.fraudstats.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.fraudstats.metrics.RollupMismatch;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run checks the rollups of the days its loads recomputed against the facts, and fails loudly,
 * before rendering anything, when one differs: a wrong rollup would be a wrong published figure.
 */
class NightlyRollupCheckTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @TempDir
    Path out;

    @BeforeEach
    void cleanSlate() {
        forgetEverything();
        jdbc.execute("TRUNCATE rollup_suspect_day, delivery, bulletin_revision");
    }

    @AfterEach
    void mendTheRollup() {
        jdbc.execute("DROP TRIGGER IF EXISTS miscount ON case_day");
        jdbc.execute("DROP FUNCTION IF EXISTS miscount()");
    }

    @Test
    void aRollupThatDiffersFromTheFactsFailsTheNightBeforeAnythingIsRendered() throws Exception {
        // a rollup that counts one case too many, as a wrong rollup statement would
        jdbc.execute("CREATE FUNCTION miscount() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN NEW.cases = NEW.cases + 1; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER miscount BEFORE INSERT OR UPDATE ON case_day FOR EACH ROW EXECUTE FUNCTION miscount()");
        new Drops(inbox).write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");

        Run night = cli("nightly", "--date", "2022-10-01", "--inbox", inbox.toString(), "--out", out.toString());

        assertThat(night.exitCode()).isEqualTo(1);
        assertThat(night.out()).contains("rollup differs from the facts: case_day 2022-10-01 440604 OTHER: "
                + "rollup [2 cases, loss 100.00], facts [1 cases, loss 100.00]\n");
        assertThat(night.err()).isEqualTo("fraudstats nightly: 1 rollup rows differ from the facts, the first: case_day 2022-10-01 "
                + "440604 OTHER: rollup [2 cases, loss 100.00], facts [1 cases, loss 100.00]; nothing was rendered: "
                + "fraudstats verify --from 2022-10-01 --to 2022-10-01 lists them, and with --repair mends them\n");
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }

        // the same night again (the schedule tries a failed night again; a statistician runs it by hand): its drop is
        // loaded now, so nothing is loaded, and the days it renders are checked all the same
        Run again = cli("nightly", "--date", "2022-10-01", "--inbox", inbox.toString(), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("fraudstats nightly: 1 rollup rows differ from the facts, the first: case_day 2022-10-01 ");
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    /**
     * A mismatch found by one night is found by the next, whose load does not touch that day, and by the week: the
     * next night published its year to date and 环比 base from the wrong rollup, exit 0 (review 29). Repaired, they run.
     */
    @Test
    void aMismatchStopsEveryLaterNightAndTheWeekUntilItIsRepaired() {
        jdbc.execute("CREATE FUNCTION miscount() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN NEW.cases = NEW.cases + 1; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER miscount BEFORE INSERT OR UPDATE ON case_day FOR EACH ROW EXECUTE FUNCTION miscount()");
        Drops drops = new Drops(inbox).write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("nightly", "--date", "2022-10-01", "--inbox", inbox.toString(), "--out", out.toString()).exitCode()).isEqualTo(1);
        mendTheRollup(); // the statement mended, the row it wrote stays wrong
        drops.write("2022-10-02", "cases.csv", Drops.CASES + "C2,2022-10-02T09:00:00+08:00,440604,,OTHER,100.00,\n");

        Run next = cli("nightly", "--date", "2022-10-02", "--inbox", inbox.toString(), "--out", out.toString());

        assertThat(next.exitCode()).isEqualTo(1);
        assertThat(next.err()).startsWith("fraudstats nightly: 1 rollup rows differ from the facts, the first: case_day 2022-10-01 ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulletin_revision", Long.class)).isZero();
        NightlyPipeline pipeline = context.getBean(NightlyPipeline.class);
        assertThatThrownBy(() -> pipeline.rangeBulletin(LocalDate.of(2022, 9, 26), LocalDate.of(2022, 10, 2), out))
                .isInstanceOf(RollupMismatch.class);
        Run rerun = cli("rerun", "--from", "2022-10-02", "--to", "2022-10-02", "--out", out.toString());
        assertThat(rerun.exitCode()).isEqualTo(1);
        assertThat(rerun.err()).startsWith("fraudstats rerun: 1 rollup rows differ from the facts, the first: case_day 2022-10-01 ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulletin_revision", Long.class)).isZero();

        cli("verify", "--from", "2022-10-01", "--to", "2022-10-01", "--repair");
        Run repaired = cli("nightly", "--date", "2022-10-02", "--inbox", inbox.toString(), "--out", out.toString());
        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT figures -> 'ytd' -> 'city' ->> 'cases' FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = DATE '2022-10-02'", String.class)).isEqualTo("2");
    }

    /**
     * A difference found on a day a check rendered, which no load changed since the last check that passed (a fact
     * corrected in psql): the week found it, then the next night, which did not render that day, passed and published
     * from it, and `rerun --range` published the very week refused (review 29b). Kept, it is found by every check.
     */
    @Test
    void aDifferenceFoundOnARenderedDayIsFoundAgainByEveryLaterCheck() {
        Drops drops = new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-02", "cases.csv", Drops.CASES + "C2,2022-10-02T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("nightly", "--date", "2022-10-01", "--inbox", inbox.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(cli("nightly", "--date", "2022-10-02", "--inbox", inbox.toString(), "--out", out.toString()).exitCode()).isZero();
        jdbc.update("UPDATE fact_case SET loss_amount = 120.00 WHERE case_id = 'C1'"); // by hand, without the loader
        NightlyPipeline pipeline = context.getBean(NightlyPipeline.class);
        assertThatThrownBy(() -> pipeline.rangeBulletin(LocalDate.of(2022, 9, 26), LocalDate.of(2022, 10, 2), out))
                .isInstanceOf(RollupMismatch.class).hasMessageContaining("case_day 2022-10-01 ");
        drops.write("2022-10-03", "cases.csv", Drops.CASES + "C3,2022-10-03T09:00:00+08:00,440604,,OTHER,100.00,\n");

        Run next = cli("nightly", "--date", "2022-10-03", "--inbox", inbox.toString(), "--out", out.toString());
        Run week = cli("rerun", "--from", "2022-09-26", "--to", "2022-10-02", "--range", "--out", out.toString());

        assertThat(next.exitCode()).isEqualTo(1);
        assertThat(next.err()).contains("case_day 2022-10-01 440604 OTHER: rollup [1 cases, loss 100.00], facts [1 cases, loss 120.00]");
        assertThat(week.exitCode()).isEqualTo(1);
        assertThat(week.err()).contains("case_day 2022-10-01 440604 OTHER");
        assertThat(jdbc.queryForList("SELECT kind || ' ' || date_from FROM bulletin_revision WHERE date_from > DATE '2022-10-02' "
                + "OR kind = 'range'", String.class)).isEmpty();

        cli("verify", "--from", "2022-10-01", "--to", "2022-10-01", "--repair");
        assertThat(cli("nightly", "--date", "2022-10-03", "--inbox", inbox.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(jdbc.queryForObject("SELECT figures -> 'ytd' -> 'city' ->> 'loss_amount' FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = DATE '2022-10-03'", String.class)).isEqualTo("320.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_suspect_day", Long.class)).isZero();
    }

    /** A difference on a later day does not refuse a rerun of days that never read it (it is kept all the same). */
    @Test
    void aRerunOfEarlierDaysIsNotRefusedForALaterDifference() {
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-02", "cases.csv", Drops.CASES + "C2,2022-10-02T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        jdbc.update("UPDATE case_day SET cases = cases + 1 WHERE business_day = DATE '2022-10-02'");

        Run earlier = cli("rerun", "--from", "2022-10-01", "--to", "2022-10-01", "--out", out.toString());
        Run later = cli("rerun", "--from", "2022-10-02", "--to", "2022-10-02", "--out", out.toString());

        assertThat(earlier.exitCode()).as(earlier.err()).isZero();
        assertThat(later.exitCode()).isEqualTo(1);
        assertThat(later.err()).contains("case_day 2022-10-02 440604 OTHER");
        jdbc.update("UPDATE case_day SET cases = cases - 1 WHERE business_day = DATE '2022-10-02'");
    }

    @Test
    void aNightWithRightRollupsRendersAsBefore() {
        new Drops(inbox).write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");

        Run night = cli("nightly", "--date", "2022-10-01", "--inbox", inbox.toString(), "--out", out.toString());

        assertThat(night.exitCode()).as(night.err()).isZero();
        assertThat(night.out()).doesNotContain("rollup");
    }
}
