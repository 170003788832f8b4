package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * A command whose audit row cannot be written says so, and a failed one says it on its own line: cli.md promises one
 * line on standard error, and a failed command printed two (review 32b).
 */
class CommandNotRecordedTest extends DatabaseTest {

    @Test
    void aFailedCommandThatCouldNotBeRecordedSaysBothInOneLine_aSuccessfulOneSaysItAlone() {
        jdbc.execute("CREATE FUNCTION audit_full() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'the audit log is full'; END $$");
        jdbc.execute("CREATE TRIGGER audit_full BEFORE INSERT ON audit_event FOR EACH ROW WHEN (NEW.client = 'cli') "
                + "EXECUTE FUNCTION audit_full()");
        try {
            Run failed = cli("metrics", "--from", "2022-10-01", "--to", "2022-10-02", "--district", "440699");
            Run done = cli("audit", "--from", "2022-10-01", "--to", "2022-10-02");

            assertThat(failed.exitCode()).isEqualTo(2);
            assertThat(failed.err().lines().toList()).singleElement().asString()
                    .startsWith("fraudstats metrics: --district 440699: unknown district")
                    .endsWith(" (see --help); not recorded in the audit log: ERROR: the audit log is full");
            assertThat(done.exitCode()).isZero();
            assertThat(done.err()).isEqualTo("fraudstats: this command was not recorded in the audit log: ERROR: the audit log is full\n");
        } finally {
            jdbc.execute("DROP TRIGGER audit_full ON audit_event");
        }
    }
}
