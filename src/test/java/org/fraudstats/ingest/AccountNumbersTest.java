package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule 5 of feeds.md: no account number in clear outside the parser, in any table or any output. */
class AccountNumbersTest extends DatabaseTest {

    // built at run time so that no full account number stands in the test's source either
    private static final String ACCOUNT = "6222" + "0000" + "1111" + "9876";
    private static final String OTHER = "6217" + "7777" + "8888" + "9999" + "123";

    @TempDir
    Path inbox;

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
    void theSameAccountHashesTheSameAndDifferentKeysHashDifferently() {
        AccountNumbers a = new AccountNumbers("k1".getBytes());
        assertThat(a.hmac(ACCOUNT)).isEqualTo(new AccountNumbers("k1".getBytes()).hmac(ACCOUNT));
        assertThat(a.hmac(ACCOUNT)).isNotEqualTo(new AccountNumbers("k2".getBytes()).hmac(ACCOUNT));
        assertThat(AccountNumbers.mask("12345678")).isEqualTo("12****78");
        assertThat(AccountNumbers.mask("1234")).isEqualTo("****");
    }
}
