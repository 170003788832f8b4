package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/** Commands run on the server are in the audit log: who, what as typed, how it ended (MLPS: every important action). */
class CommandAuditTest extends DatabaseTest {

    @Test
    void aCommandThatOpenedTheDatabaseIsRecordedWithItsArgumentsAndExit_usageErrorsAndUserCommandsThatSucceededAreNot() {
        String os = System.getProperty("user.name", "");
        // the rows of this test alone: the class's other test records its own in the same database, before or after
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        assertThat(cli("audit", "--from", "2022-10-01", "--to", "2022-10-02").exitCode()).isZero();
        assertThat(cli("restart", "999999").exitCode()).isEqualTo(2);
        // refused before the database opened (rejects has no --district): a usage error, nothing done
        cli("rejects", "--from", "2022-10-01", "--to", "2022-10-02", "--district", "6222" + "0212" + "3456" + "7890");
        assertThat(cli("metrics", "--from", "2022-02-30", "--to", "2022-03-01").exitCode()).isEqualTo(2);
        assertThat(cli("user", "list").exitCode()).isZero();
        // a change of access refused on the server: recorded, as the same refusal on the portal is
        assertThat(cli("user", "disable", "nobody.here").exitCode()).isEqualTo(2);
        // and one refused before the database was opened (an unknown role, a token's days out of range): opened to record
        // it, as a weak password tried from a shell left no row where the portal's refusal leaves one (review)
        assertThat(cli("user", "add", "new.one", "--role", "chief").exitCode()).isEqualTo(2);
        assertThat(cli("token", "create", "new.one", "--expires-days", "5000").exitCode()).isEqualTo(2);
        // a group without its subcommand changes nothing: no row (review 30b)
        assertThat(cli("user").exitCode()).isEqualTo(2);
        // found wrong once the database was open: recorded, with a number typed into an option masked
        assertThat(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-02", "--district", "6222" + "0212" + "3456" + "7890").exitCode())
                .isEqualTo(2);

        List<String> rows = jdbc.queryForList("SELECT concat_ws('|', user_name, role, client, action, object, result) "
                + "FROM audit_event WHERE client = 'cli' AND id > ? ORDER BY id", String.class, before);
        assertThat(rows).containsExactly(
                os + "||cli|cli-audit|audit --from 2022-10-01 --to 2022-10-02|success",
                os + "||cli|cli-restart|restart 999999|failure: exit 2",
                // a read of every account: it records nothing of itself, as a change does (r40d)
                os + "||cli|cli-user-list|user list|success",
                os + "||cli|cli-user-disable|user disable nobody.here|failure: exit 2",
                os + "||cli|cli-user-add|user add new.one --role chief|failure: exit 2",
                os + "||cli|cli-token-create|token create new.one --expires-days 5000|failure: exit 2",
                os + "||cli|cli-metrics|metrics --from 2022-10-01 --to 2022-10-02 --district ************7890|failure: exit 2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE object ~ '[0-9]{12}'", Integer.class)).isZero();
    }

    @Test
    void aPasswordTypedWhereAUserCommandWantsANameIsRecordedAsItsLength() {
        // pasted into the name's place, then set correctly a minute later: it must not be in a log nothing may change (r35d)
        String pasted = "Typed!" + "Secret2026";
        Run password = cli("user", "password", pasted);
        assertThat(password.exitCode()).isEqualTo(2);
        assertThat(password.err()).isEqualTo("fraudstats user password: no user (not a user name, 16 characters) (see ./fraudstats user list)\n");
        assertThat(cli("user", "add", pasted, "--role", "leader").exitCode()).isEqualTo(2);
        assertThat(cli("token", "create", pasted).exitCode()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object) FROM audit_event WHERE action LIKE 'cli-%' AND object LIKE '%characters)%' "
                + "ORDER BY id", String.class)).containsExactly(
                "cli-user-password|user password (not a user name, 16 characters)",
                "cli-user-add|user add (not a user name, 16 characters) --role leader",
                "cli-token-create|token create (not a user name, 16 characters)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE concat(object, result) LIKE '%Secret%'", Integer.class)).isZero();

        // a user's own name is said whole, though it would pass as a password (review r35e: recorded as its length)
        assertThat(cli("user", "add", "Report.Bot-2026", "--role", "leader").exitCode()).isZero();
        assertThat(cli("user", "add", "Report.Bot-2026", "--role", "press").exitCode()).isNotZero();
        assertThat(jdbc.queryForObject("SELECT object FROM audit_event WHERE action = 'cli-user-add' ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("user add Report.Bot-2026 --role press");
    }
}
