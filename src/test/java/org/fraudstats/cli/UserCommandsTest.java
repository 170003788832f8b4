package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fraudstats.access.PasswordPolicy;
import org.fraudstats.access.Tokens;
import org.fraudstats.access.UserAccount;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** `user …`, `token create` and `audit` as a script would run them, against the real database. */
class UserCommandsTest extends DatabaseTest {

    private static final String OS_USER = System.getProperty("user.name");

    @Autowired
    Tokens tokens;

    private Run withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Services services = new Services(() -> context, false).input(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = Cli.run(services, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aWeakPasswordIsRefusedInOneLineWithExit2AndNoUserIsAdded() {
        Run run = withInput("short1A!\nignored\n", "user", "add", "weak.one", "--role", "leader", "--password-stdin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("fraudstats user add: password too short: at least 12 characters and three of upper case, "
                + "lower case, digit, other (see --help)\n");
        assertThat(run.out()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE name = 'weak.one'", Integer.class)).isZero();

        Run twoKinds = withInput("alllowercase1234\n", "user", "add", "weak.two", "--role", "leader", "--password-stdin");
        assertThat(twoKinds.exitCode()).isEqualTo(2);
        assertThat(twoKinds.err()).isEqualTo("fraudstats user add: password too weak: it needs three of upper case, lower case, "
                + "digit, other (it has 2) (see --help)\n");

        // recorded with why, as the portal records the same refusal (r42b: `failure: exit 2` alone)
        withInput("Leader-Password-1\n", "user", "add", "weak.three", "--role", "leader", "--password-stdin");
        assertThat(withInput("weak.three-Pass-1\n", "user", "password", "weak.three", "--password-stdin").exitCode()).isEqualTo(2);
        assertThat(withInput("Leader-Password-1\n", "user", "password", "weak.three", "--password-stdin").exitCode()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE object LIKE 'user % weak.%' ORDER BY id",
                String.class)).containsExactly(
                "cli-user-add|user add weak.one --role leader --password-stdin|failure: exit 2: password too short: at least 12 characters "
                        + "and three of upper case, lower case, digit, other",
                "cli-user-add|user add weak.two --role leader --password-stdin|failure: exit 2: password too weak: it needs three of upper "
                        + "case, lower case, digit, other (it has 2)",
                "cli-user-password|user password weak.three --password-stdin|failure: exit 2: password too weak: it holds the user name",
                "cli-user-password|user password weak.three --password-stdin|failure: exit 2: the new password is the current one: choose another");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedInOneLineWithExit2() {
        String passphrase = "Correct-Horse-Battery-Staple-" + "and-more-words-".repeat(4) + "1"; // 90 ASCII characters
        String tooLong = "password too long: at most 72 bytes in UTF-8 (72 ASCII characters or 24 Chinese characters) (see --help)\n";

        assertThat(withInput(passphrase + "\n", "user", "add", "long.one", "--role", "leader", "--password-stdin"))
                .isEqualTo(new Run(2, "", "fraudstats user add: " + tooLong));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE name = 'long.one'", Integer.class)).isZero();

        withInput("Leader-Password-1\n", "user", "add", "long.two", "--role", "leader", "--password-stdin");
        assertThat(withInput("Ab1" + "统计人员的密码".repeat(4) + "\n", "user", "password", "long.two", "--password-stdin"))
                .isEqualTo(new Run(2, "", "fraudstats user password: " + tooLong));
    }

    @Test
    void addWithoutAPasswordPrintsAGeneratedOneOnceAloneAndKeepsOnlyABcryptHash() {
        Run run = withInput("", "user", "add", "gen.user", "--role", "statistician");

        assertThat(run.exitCode()).isEqualTo(0);
        String password = run.out().strip();
        assertThat(run.out()).isEqualTo(password + "\n");
        PasswordPolicy.check(password);
        assertThat(run.err()).isEqualTo("added user gen.user (statistician); the password above is shown only now, and is changed at the first sign-in\n");
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE name = 'gen.user'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2a$").doesNotContain(password);
    }

    @Test
    void addListDisableAndPasswordAreAuditedAndListed() {
        assertThat(withInput("Statistician-2026\n", "user", "add", "li.na", "--role", "statistician", "--password-stdin"))
                .isEqualTo(new Run(0, "added user li.na (statistician)\n", ""));
        assertThat(withInput("Leader-Password-1\n", "user", "add", "wang.fang", "--role", "leader", "--password-stdin").exitCode()).isZero();
        assertThat(withInput("", "user", "disable", "wang.fang")).isEqualTo(new Run(0, "disabled user wang.fang\n", ""));
        // a second disable changes nothing and, as a second enable, records nothing (r36c L8)
        assertThat(withInput("", "user", "disable", "wang.fang")).isEqualTo(new Run(0, "user wang.fang is already disabled: nothing changed\n", ""));
        assertThat(withInput("Another-Password-2\n", "user", "password", "li.na", "--password-stdin"))
                .isEqualTo(new Run(0, "changed the password of li.na\n", ""));

        Run list = withInput("", "user", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00", "T")).contains(
                "name,role,enabled,totp,locked_until,created_at,last_signed_in_at\n",
                "li.na,statistician,true,none,,T,\n",
                "wang.fang,leader,false,none,,T,\n");

        Run json = withInput("", "user", "list", "--format", "json");
        assertThat(json.out()).contains("\"name\": \"wang.fang\",\n  \"role\": \"leader\",\n  \"enabled\": false,\n"
                + "  \"totp\": \"none\",\n  \"locked_until\": null,");

        List<Map<String, Object>> audit = jdbc.queryForList("SELECT user_name, role, client, action, object, result "
                + "FROM audit_event WHERE object LIKE 'li.na%' OR object LIKE 'wang.fang%' ORDER BY id");
        assertThat(audit).containsExactly(
                Map.of("user_name", OS_USER, "role", "", "client", "cli", "action", "user-add", "object", "li.na (statistician)", "result", "success"),
                Map.of("user_name", OS_USER, "role", "", "client", "cli", "action", "user-add", "object", "wang.fang (leader)", "result", "success"),
                Map.of("user_name", OS_USER, "role", "", "client", "cli", "action", "user-disable", "object", "wang.fang", "result", "success"),
                Map.of("user_name", OS_USER, "role", "", "client", "cli", "action", "user-password", "object", "li.na", "result", "success"));
    }

    /** Done as asked, but the last auditor (or administrator) disabled leaves nobody to read the log: said (r40d). */
    @Test
    void disablingTheLastEnabledAuditorWarns() {
        withInput("Auditor-Password-2026\n", "user", "add", "audit.one", "--role", "auditor", "--password-stdin");
        withInput("Auditor-Password-2026\n", "user", "add", "audit.two", "--role", "auditor", "--password-stdin");
        jdbc.update("UPDATE app_user SET enabled = false WHERE role = 'auditor' AND name NOT IN ('audit.one', 'audit.two')");
        assertThat(withInput("", "user", "disable", "audit.one")).isEqualTo(new Run(0, "disabled user audit.one\n", ""));
        assertThat(withInput("", "user", "disable", "audit.two")).isEqualTo(new Run(0, "disabled user audit.two\n",
                "fraudstats user disable: warning: no enabled auditor is left: `user enable NAME` or `user add NAME --role auditor` makes one\n"));
    }

    @Test
    void mistakesAreOneLine() {
        withInput("Existing-User-2026\n", "user", "add", "twice", "--role", "press", "--password-stdin");
        assertThat(withInput("Existing-User-2026\n", "user", "add", "twice", "--role", "press", "--password-stdin"))
                .isEqualTo(new Run(1, "", "fraudstats user add: user twice exists already\n"));
        // a reset to the current password changes nothing but the sessions it ends: refused as /account refuses it (r40a)
        assertThat(withInput("Existing-User-2026\n", "user", "password", "twice", "--password-stdin"))
                .isEqualTo(new Run(2, "", "fraudstats user password: the new password is the current one: choose another (see --help)\n"));
        assertThat(withInput("Existing-User-2027\n", "user", "password", "twice", "--password-stdin").exitCode()).isZero();
        // Li.Na beside li.na read as one person in the audit log (an operator)
        assertThat(withInput("Existing-User-2026\n", "user", "add", "Twice", "--role", "press", "--password-stdin"))
                .isEqualTo(new Run(1, "", "fraudstats user add: user Twice exists already as twice (names differing only in case would "
                        + "read as one person)\n"));
        // Iead1 (capital I) beside lead1 read as one person on /users and in the audit log (r40d; V46)
        withInput("Existing-User-2026\n", "user", "add", "lead1", "--role", "leader", "--password-stdin");
        assertThat(withInput("Existing-User-2026\n", "user", "add", "Iead1", "--role", "leader", "--password-stdin"))
                .isEqualTo(new Run(1, "", "fraudstats user add: user Iead1 would look like lead1 (I, l and 1, O and 0, rn and m, vv and w read alike, "
                        + "and the two would read as one person): choose another name\n"));
        for (String alike : new String[] {"lead1", "LEADl", "1eadI", "Iead1"}) {
            assertThat(jdbc.queryForObject("SELECT user_name_look(?) = user_name_look('lead1')", Boolean.class, alike)).as(alike).isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT user_name_look('arnold.w0ng') = user_name_look('amold.vvong')", Boolean.class)).isTrue();
        // vvv reads as vw and as wv (r40f: a left-to-right vv → w took it for wv alone)
        assertThat(jdbc.queryForObject("SELECT user_name_look('vvv.x') = user_name_look('vw.x') AND user_name_look('vvv.x') = user_name_look('wv.x')",
                Boolean.class)).isTrue();
        // a lower-case i has its dot: 瑞安 and 如兰 are two people (review r40e)
        assertThat(jdbc.queryForObject("SELECT user_name_look('ruian') <> user_name_look('rulan')", Boolean.class)).isTrue();
        // and the database holds it when two adds race past that check (V34)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("INSERT INTO app_user (name, role, password_hash, "
                + "created_at, password_changed_at, password_change_required) SELECT 'TWICE', role, password_hash, created_at, "
                + "password_changed_at, true FROM app_user WHERE name = 'twice'"))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(withInput("", "user", "add", "x", "--role", "boss"))
                .isEqualTo(new Run(2, "", "fraudstats user add: --role 'boss' is not a role: leader, statistician, press, admin or auditor (see --help)\n"));
        assertThat(withInput("", "user", "disable", "nobody"))
                .isEqualTo(new Run(2, "", "fraudstats user disable: no user nobody (see ./fraudstats user list)\n"));
        // a token for a user there is not: a usage error too
        assertThat(withInput("", "token", "create", "nobody"))
                .isEqualTo(new Run(2, "", "fraudstats token create: no user nobody (see ./fraudstats user list)\n"));
        // a name that cannot be is a usage error, like an unknown role (cli.md: usage errors exit 2)
        assertThat(withInput("", "user", "add", "../etc", "--role", "press")).isEqualTo(new Run(2, "",
                "fraudstats user add: user name '../etc' is not valid: 1 to 64 letters (a-z, A-Z), digits, '.', '_' or '-', "
                        + "beginning with a letter or digit (see --help)\n"));
        assertThat(withInput("Existing-User-2026\n", "user", "add", "bad name", "--role", "leader", "--password-stdin").exitCode())
                .isEqualTo(2);
        // a name that could be an account number is never listed, audited and shown beside every page
        assertThat(withInput("", "user", "add", "6222" + "0000" + "1111" + "9876", "--role", "leader")).isEqualTo(new Run(2, "",
                "fraudstats user add: user name '************9876' holds a run of digits like an account number: choose a name of "
                        + "letters (see --help)\n"));
        assertThat(withInput("", "token", "create", "twice", "--expires-days", "0"))
                .isEqualTo(new Run(2, "", "fraudstats token create: --expires-days 0 is out of range: at least 1 (see --help)\n"));
    }

    @Test
    void anAdministratorsOrAuditorsTokenLastsThirtyDaysAtMost_forItSkipsTheirSecondFactor() {
        withInput("Admin-Officer-2026\n", "user", "add", "admin.tok", "--role", "admin", "--password-stdin");
        Run run = withInput("", "token", "create", "admin.tok");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT (expires_at - created_at)::text FROM api_token WHERE user_name = 'admin.tok'", String.class))
                .isEqualTo("30 days");
        assertThat(withInput("", "token", "create", "admin.tok", "--expires-days", "31")).isEqualTo(new Run(2, "",
                "fraudstats token create: --expires-days 31 is too long for admin.tok: a token of an administrator or auditor lasts "
                        + "at most 30 days (it signs in without the TOTP code) (see --help)\n"));
        assertThat(jdbc.queryForList("SELECT object || ' ' || result FROM audit_event WHERE action = 'token-create' "
                + "AND object LIKE 'admin.tok%' ORDER BY id", String.class)).last().isEqualTo("admin.tok (31 days) refused: at most 30 days for admin");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE user_name = 'admin.tok'", Long.class)).isEqualTo(1L);
        // one made for longer before the cap serves 30 days from its making, whatever its date says
        String older = run.out().strip();
        assertThat(tokens.holder(older)).isPresent();
        jdbc.update("UPDATE api_token SET created_at = now() - interval '31 days', expires_at = now() + interval '3000 days' "
                + "WHERE user_name = 'admin.tok'");
        assertThat(tokens.holder(older)).isEmpty();
        // a leader's is as before
        withInput("Leader-Officer-2026\n", "user", "add", "leader.tok", "--role", "leader", "--password-stdin");
        assertThat(withInput("", "token", "create", "leader.tok", "--expires-days", "365").exitCode()).isZero();
    }

    @Test
    void aTokenIsPrintedOnceAloneKeptAsItsSha256AndExpires() {
        withInput("Press-Officer-2026\n", "user", "add", "press.one", "--role", "press", "--password-stdin");

        Run run = withInput("", "token", "create", "press.one");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("fst_[A-Za-z0-9_-]{43}\n");
        assertThat(run.err()).isEmpty();
        String token = run.out().strip();

        Map<String, Object> row = jdbc.queryForMap("SELECT token_hash, expires_at - created_at AS valid FROM api_token WHERE user_name = 'press.one'");
        assertThat(row.get("token_hash")).isEqualTo(sha256(token));
        assertThat(row.get("valid").toString()).isEqualTo("90 days");
        assertThat(tokens.holder(token)).map(UserAccount::name).contains("press.one");
        assertThat(tokens.holder(token + "x")).isEmpty();

        Run short3 = withInput("", "token", "create", "press.one", "--expires-days", "3");
        assertThat(jdbc.queryForObject("SELECT expires_at - created_at FROM api_token WHERE token_hash = ?", Object.class,
                sha256(short3.out().strip())).toString()).isEqualTo("3 days");

        jdbc.update("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE token_hash = ?", sha256(token));
        assertThat(tokens.holder(token)).isEmpty();
        assertThat(tokens.holder(short3.out().strip())).isPresent();

        withInput("", "user", "disable", "press.one");
        assertThat(tokens.holder(short3.out().strip())).isEmpty();
        assertThat(withInput("", "token", "create", "press.one")).isEqualTo(new Run(1, "", "fraudstats token create: user press.one is disabled\n"));

        // enabled again, the user signs in as before, but the token it had stays ended: nobody approved it again
        long before = jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class);
        long alive = jdbc.queryForObject("SELECT id FROM api_token WHERE token_hash = ?", Long.class, sha256(short3.out().strip()));
        assertThat(withInput("", "user", "enable", "press.one")).isEqualTo(new Run(0,
                "enabled user press.one; the tokens it had (1) were ended: it makes new ones at /account\n", ""));
        assertThat(tokens.holder(short3.out().strip())).isEmpty();
        assertThat(withInput("", "user", "list").out()).contains("\npress.one,press,true,none,,");
        String fresh = withInput("", "token", "create", "press.one").out().strip();
        assertThat(tokens.holder(fresh)).map(UserAccount::name).contains("press.one");
        // a second enable changes nothing and records nothing
        assertThat(withInput("", "user", "enable", "press.one")).isEqualTo(new Run(0, "user press.one is not disabled: nothing changed\n", ""));
        assertThat(withInput("", "user", "enable", "nobody"))
                .isEqualTo(new Run(2, "", "fraudstats user enable: no user nobody (see ./fraudstats user list)\n"));
        assertThat(jdbc.queryForList("SELECT action || ' ' || object FROM audit_event WHERE id > ? AND action LIKE 'user-%' OR id > ? AND action = 'token-create'",
                String.class, before, before)).containsExactly("user-enable press.one (tokens ended: token " + alive + ")",
                "token-create press.one (token " + (alive + 1) + ", expires " + jdbc.queryForObject(
                        "SELECT to_char(expires_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM api_token WHERE id = ?", String.class, alive + 1) + ")");
    }

    @Test
    void totpPrintsTheOtpauthUriOnceAndTheUserIsPendingUntilAFirstCode() {
        withInput("Admin-Password-2026\n", "user", "add", "admin.one", "--role", "admin", "--password-stdin");

        Run run = withInput("", "user", "totp", "admin.one");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("otpauth://totp/fraudstats:admin\\.one\\?secret=[A-Z2-7]{32}&issuer=fraudstats"
                + "&algorithm=SHA1&digits=6&period=30\n");
        assertThat(withInput("", "user", "list").out()).contains("\nadmin.one,admin,true,pending,,");
    }

    @Test
    void theAuditCommandPrintsTheSevenColumnsInShanghaiTime() {
        // read first: the audit row written next must fall on the same day
        String today = org.fraudstats.support.BeijingToday.clearOfMidnight().toString();
        withInput("Auditor-Password-2026\n", "user", "add", "audit.csv", "--role", "auditor", "--password-stdin");

        Run csv = withInput("", "audit", "--from", today, "--to", today);
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out()).startsWith("time,user,role,client,action,object,result\n")
                .containsPattern("\n" + today + "T\\d\\d:\\d\\d:\\d\\d\\+08:00," + OS_USER + ",,cli,user-add,audit\\.csv \\(auditor\\),success\n");

        // a row put in by hand with the application's password: every column made inert for a spreadsheet, role and
        // action too, which the application writes as codes (r37b)
        jdbc.update("INSERT INTO audit_event (user_name, role, client, action, object, result) "
                + "VALUES ('=HYPERLINK(1)', '+1', '-2+3', '@SUM(1)', '=1+1', '-x')");
        assertThat(withInput("", "audit", "--from", today, "--to", today).out())
                .containsPattern("\\+08:00,'=HYPERLINK\\(1\\),'\\+1,'-2\\+3,'@SUM\\(1\\),'=1\\+1,'-x\n");

        Run yesterday = withInput("", "audit", "--from", "2020-01-01", "--to", "2020-01-02");
        assertThat(yesterday.out()).isEqualTo("time,user,role,client,action,object,result\n");

        Run json = withInput("", "audit", "--format", "json");
        assertThat(json.out()).startsWith("[ {\n  \"time\": \"").endsWith("} ]\n")
                .contains("\"user\": \"" + OS_USER + "\",\n  \"role\": \"\",\n  \"client\": \"cli\",\n  \"action\": \"user-add\",\n"
                        + "  \"object\": \"audit.csv (auditor)\",\n  \"result\": \"success\"\n}");
    }

    private static String sha256(String text) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
