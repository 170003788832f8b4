package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule 5 of feeds.md: no account number in clear outside the parser, in any table or any output. */
class AccountNumbersTest extends DatabaseTest {

    // built at run time so that no full account number stands in the test's source either
    private static final String ACCOUNT = "6222" + "0000" + "1111" + "9876";
    private static final String OTHER = "6217" + "7777" + "8888" + "9999" + "123";

    @TempDir
    Path inbox;

    @BeforeEach
    void cleanSlate() {
        forgetEverything();
    }

    @Test
    void accountNumbersAreStoredOnlyAsHmacAndMaskAndNeverPrinted() {
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        + "F1,C1,STOP_PAYMENT,,%s,10.00,2022-10-01T10:00:00+08:00\n".formatted(ACCOUNT)
                        + "F2,C1,STOP_PAYMENT,,%s,1.005,2022-10-01T10:00:00+08:00\n".formatted(OTHER));
        Run ingest = cli("ingest", "--inbox", inbox.toString());
        assertThat(ingest.exitCode()).isZero();

        assertThat(jdbc.queryForObject("SELECT account_masked FROM fact_freeze", String.class)).isEqualTo("6222********9876");
        List<String> everyTextValue = jdbc.queryForList("""
                SELECT string_agg(t::text, ' ')
                FROM (SELECT * FROM fact_freeze) t
                UNION ALL SELECT string_agg(r::text, ' ') FROM reject r
                UNION ALL SELECT string_agg(p::text, ' ') FROM batch_job_execution_params p
                UNION ALL SELECT string_agg(s::text, ' ') FROM batch_step_execution s
                """, String.class);
        assertThat(String.join(" ", everyTextValue.stream().map(String::valueOf).toList()))
                .doesNotContain(ACCOUNT).doesNotContain(OTHER).contains("6217***********9123");

        Run rejects = cli("rejects", "--format", "json");
        assertThat(rejects.out()).contains("6217***********9123").doesNotContain(OTHER);
        assertThat(ingest.out() + ingest.err() + rejects.err()).doesNotContain(ACCOUNT).doesNotContain(OTHER);
    }

    @Test
    void everyRunOfTwelveDigitsInARejectedRowAndInFreeTextIsMaskedToItsLastFourBeforeTheDatabase() {
        String twelve = "6222" + "8888" + "7777";
        String nineteen = "6222" + "8888" + "7777" + "6666" + "555";
        String grouped = "6217 0000 " + "1111 2222";
        new Drops(inbox)
                .write("2022-10-01", "cases.csv", Drops.CASES
                        + "C1,2022-10-01T09:00:00+08:00,440604,南海分局 账户" + grouped + ",OTHER,100.00,\n")
                .write("2022-10-01", "freezes.csv", Drops.FREEZES
                        // a good row whose bank text holds a 12-digit account
                        + "F1,C1,STOP_PAYMENT,工行" + twelve + "," + ACCOUNT + ",10.00,2022-10-01T10:00:00+08:00\n"
                        // shifted: the 12-digit account lands in bank, the amount in account_no
                        + "F2,C1,FREEZE," + twelve + ",1.00,2022-10-01T10:00\n"
                        // a letter-prefixed account where the id should be
                        + "X" + nineteen + ",C1,FREEZE,,,1.00,2022-10-01T10:00,x\n");
        Run ingest = cli("ingest", "--inbox", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        assertThat(jdbc.queryForObject("SELECT station FROM fact_case", String.class)).isEqualTo("南海分局 账户**** **** **** 2222");
        assertThat(jdbc.queryForObject("SELECT bank FROM fact_freeze", String.class)).isEqualTo("工行********7777");
        assertThat(jdbc.queryForList("SELECT record_id || ' ' || record_values::text FROM reject ORDER BY line", String.class))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r).doesNotContain(twelve).doesNotContain(nineteen).doesNotContain("6222"));
        assertThat(cli("rejects").out()).isEqualTo("""
                drop_date,file,line,record_id,reason
                2022-10-01,freezes.csv,3,F2,"row has 6 fields, header has 7"
                2022-10-01,freezes.csv,4,X***************6555,"row has 8 fields, header has 7"
                """);
        String json = cli("rejects", "--format", "json").out();
        assertThat(json).contains("\"bank\": \"********7777\"").contains("\"freeze_id\": \"X***************6555\"")
                .doesNotContain(twelve).doesNotContain(nineteen);
    }

    @Test
    void accountNumbersGroupedByDotsSlashesUnderscoresAndOtherSpacesAreMaskedInTheRejects() {
        String[] groups = {"6222", "0200", "1234", "5678"};
        String dotted = String.join(".", groups);
        String slashed = String.join("/", groups);
        new Drops(inbox).write("2022-10-01", "freezes.csv", Drops.FREEZES
                // bad amounts: rejected rows whose id and bank hold account numbers written as people write them
                + "F9,C1,FREEZE,工行 " + dotted + "," + ACCOUNT + ",-5,2022-10-01T10:00\n"
                + slashed + ",C1,FREEZE,建行" + String.join("  ", groups) + "," + ACCOUNT + ",-5,2022-10-01T10:00\n"
                + String.join("_", groups) + ",C1,FREEZE,农行" + String.join("\u00A0", groups) + "," + ACCOUNT + ",-5,2022-10-01T10:00\n"
                + "F12,C1,FREEZE,中行" + String.join("\u3000", groups) + "," + ACCOUNT + ",-5,2022-10-01T10:00\n");
        Run ingest = cli("ingest", "--inbox", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        assertThat(cli("rejects").out()).isEqualTo("""
                drop_date,file,line,record_id,reason
                2022-10-01,freezes.csv,2,F9,amount: not a plain decimal amount in yuan
                2022-10-01,freezes.csv,3,****/****/****/5678,amount: not a plain decimal amount in yuan
                2022-10-01,freezes.csv,4,****_****_****_5678,amount: not a plain decimal amount in yuan
                2022-10-01,freezes.csv,5,F12,amount: not a plain decimal amount in yuan
                """);
        String json = cli("rejects", "--format", "json").out();
        assertThat(json).contains("\"bank\": \"工行 ****.****.****.5678\"")
                .contains("\"freeze_id\": \"****/****/****/5678\"").contains("\"bank\": \"建行****  ****  ****  5678\"")
                .contains("\"freeze_id\": \"****_****_****_5678\"").contains("\"bank\": \"农行****\u00A0****\u00A0****\u00A05678\"")
                .contains("\"bank\": \"中行****\u3000****\u3000****\u30005678\"")
                .doesNotContain("0200").doesNotContain("1234");
    }

    /** cli.md: record_id "as written"; an id shaped as the case system's (feeds.md's FS2022102300123) is one (tester B). */
    @Test
    void anIdOfTheCaseSystemIsListedAsWritten_anAccountNumberInItsPlaceIsNot() {
        String nineteen = "6222" + "8888" + "7777" + "6666" + "555";
        new Drops(inbox).write("2022-10-01", "freezes.csv", Drops.FREEZES
                + "FS2022100100123,FS2022093000007,FREEZE,工行," + ACCOUNT + ",-5,2022-10-01T10:00\n"
                + "FS" + nineteen + ",C1,FREEZE,,,1.00,2022-10-01T10:00,x\n"
                // a date-shaped head with more digits than a serial: not an id of that shape
                + "X20221001" + "12345678901,C1,FREEZE,," + ACCOUNT + ",-5,2022-10-01T10:00\n");
        Run ingest = cli("ingest", "--inbox", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        assertThat(cli("rejects").out()).isEqualTo("""
                drop_date,file,line,record_id,reason
                2022-10-01,freezes.csv,2,FS2022100100123,amount: not a plain decimal amount in yuan
                2022-10-01,freezes.csv,3,FS***************6555,"row has 8 fields, header has 7"
                2022-10-01,freezes.csv,4,X***************8901,amount: not a plain decimal amount in yuan
                """);
        assertThat(cli("rejects", "--format", "json").out()).contains("\"case_id\": \"FS2022093000007\"").doesNotContain(nineteen);
    }

    @Test
    void rowsRejectedByAnOlderVersionAreMaskedOnTheWayOut() {
        String fourteen = "6222" + "8888" + "7777" + "66";
        jdbc.update("INSERT INTO reject (drop_date, file, line, record_id, reason, record_values) VALUES "
                + "(DATE '2022-09-01', 'freezes.csv', 2, ?, 'row has 8 fields, header has 7', CAST(? AS json))",
                "X" + fourteen, "{\"freeze_id\": \"X" + fourteen + "\", \"account_no\": \"6222****7766\", \"bank\": \"" + fourteen + "\"}");
        String json = cli("rejects", "--from", "2022-09-01", "--to", "2022-09-01", "--format", "json").out();
        assertThat(json).contains("\"record_id\": \"X**********7766\"").contains("\"account_no\": \"********7766\"")
                .contains("\"bank\": \"**********7766\"").doesNotContain(fourteen).doesNotContain("6222");
    }

    @Test
    void theMigrationRemasksShortAccountsStoredInTheOldFormAndLeavesCardNumbersInTheContractsForm() throws Exception {
        jdbc.update("""
                INSERT INTO fact_freeze (freeze_id, case_id, action, account_hmac, account_masked, amount, effective_at,
                                         business_day, drop_date, line)
                SELECT id, 'C1', 'FREEZE', '\\x00'::bytea, masked, 1, TIMESTAMPTZ '2022-10-01 10:00+08', DATE '2022-10-01', DATE '2022-10-01', 2
                FROM (VALUES ('F12', '6222****7777'), ('F8', '12****78'), ('F16', '6222********9876'), ('F7', '*******')) AS v (id, masked)""");
        jdbc.execute(java.nio.file.Files.readString(Path.of("sql/migration/V13__short_account_masks.sql")));
        assertThat(jdbc.queryForList("SELECT freeze_id || ' ' || account_masked FROM fact_freeze ORDER BY freeze_id", String.class))
                .containsExactly("F12 ********7777", "F16 6222********9876", "F7 *******", "F8 ******78");
    }

    @Test
    void masksShowTheLastFourDigitsAndAccountNumbersOfSixteenOrMoreTheContractsForm() {
        assertThat(AccountNumbers.mask(ACCOUNT)).isEqualTo("6222********9876");
        assertThat(AccountNumbers.mask(OTHER)).isEqualTo("6217***********9123");
        assertThat(AccountNumbers.mask("6222" + "8888" + "7777")).isEqualTo("********7777");
        assertThat(AccountNumbers.mask("12345678")).isEqualTo("******78");
        assertThat(AccountNumbers.mask("1234")).isEqualTo("****");
        assertThat(AccountNumbers.maskDigitRuns("X" + "6222" + "8888" + "7777" + "6666" + "555")).isEqualTo("X***************6555");
        assertThat(AccountNumbers.maskDigitRuns("卡号６２２２８８８８７７７７６６６６")).isEqualTo("卡号************６６６６");
        assertThat(AccountNumbers.maskDigitRuns("6222-8888-7777-6666 and 12345678901")).isEqualTo("****-****-****-6666 and 12345678901");
        assertThat(AccountNumbers.maskDigitRuns("FS00002336")).isEqualTo("FS00002336");
        assertThat(AccountNumbers.maskDigitRuns("6222 - 8888 - 7777 - 6666")).isEqualTo("**** - **** - **** - 6666");
        assertThat(AccountNumbers.maskDigitRuns("卡号６２２２－８８８８．７７７７／６６６６")).isEqualTo("卡号****－****．****／６６６６");
        // what is not an account stays as written: a phone number however grouped, dates, times, amounts
        assertThat(List.of("电话 138-0013-8000 或 138  0013\u00A08000", "2022-10-23T23:40:00.123456+08:00",
                "2022/10/23 23:40:00", "2022.10.23 23:40", "9999999999.99", "1234567890.5", "980000.00 元"))
                .allSatisfy(value -> assertThat(AccountNumbers.maskDigitRuns(value)).isEqualTo(value));
        // two listed one after the other are twenty-two digits in groups, as a card's may be: masked, the safe side (r35c)
        assertThat(AccountNumbers.maskDigitRuns("电话 138-0013-8000，138.0013.8000")).isEqualTo("电话 ***-****-****，***.****.8000");
    }

    @Test
    void aRejectedRowsFieldOfEightToElevenDigitsIsMaskedAsAnAccountNumberOfThatLength() {
        // a freeze's amount holding the first eleven digits of its account, refused as too large, beside its account_no
        // showing the last four: together they were the number (r35c)
        assertThat(AccountNumbers.maskByColumn("amount", "62220212345")).isEqualTo("*********45");
        assertThat(AccountNumbers.maskByColumn("bank", " 13800138000")).isEqualTo("*********00");
        assertThat(AccountNumbers.maskByColumn("amount", "1234567.89")).isEqualTo("1234567.89");
        assertThat(AccountNumbers.maskByColumn("amount", "1234567")).isEqualTo("1234567");
        // a timestamp written as a compact date shows: the station mends the row by it (review r35e)
        assertThat(AccountNumbers.maskByColumn("reported_at", "20221010")).isEqualTo("20221010");
        assertThat(AccountNumbers.maskByColumn("case_id", "FS00002336")).isEqualTo("FS00002336");
        assertThat(AccountNumbers.maskByColumn("case_id", "12345678")).isEqualTo("12345678");
    }

    @Test
    void theSameAccountHashesTheSameAndDifferentKeysHashDifferently() {
        AccountNumbers a = new AccountNumbers("k1".getBytes());
        assertThat(a.hmac(ACCOUNT)).isEqualTo(new AccountNumbers("k1".getBytes()).hmac(ACCOUNT));
        assertThat(a.hmac(ACCOUNT)).isNotEqualTo(new AccountNumbers("k2".getBytes()).hmac(ACCOUNT));
    }
}
