package org.fraudstats.press;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The press office's figures of 2022 (1.7万多宗, 2.1万个, 4.1亿多元, 416宗, 4300多万元) from drops made to
 * carry exactly the release's year-to-date totals, through ingest, metrics and headline.
 */
class HeadlineEndToEndTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @Test
    void theReleaseOf2022ReadsAsOfficialReleasesDo() {
        StringBuilder cases = new StringBuilder(Drops.CASES);
        StringBuilder freezes = new StringBuilder(Drops.FREEZES);
        StringBuilder refunds = new StringBuilder(Drops.REFUNDS);
        LocalDate first = LocalDate.of(2022, 1, 1);
        for (int i = 1; i <= 17_345; i++) {
            LocalDate day = first.plusDays(i % 296);
            cases.append("C").append(i).append(',').append(day).append("T10:00:00+08:00,44060").append(4 + i % 5)
                    .append(",,ORDER_BRUSHING,1000.00,\n");
        }
        // 21 000 distinct accounts stopped for 410 352 000.00 yuan in all
        for (int i = 1; i <= 21_000; i++) {
            String amount = i < 21_000 ? "19540.57" : "19570.57";
            freezes.append("F").append(i).append(",C").append(1 + i % 17_345).append(",STOP_PAYMENT,,")
                    .append(6222_0000_0000_0000L + i).append(',').append(amount).append(",2022-10-23T12:00:00+08:00\n");
        }
        // 416 refund cases for 43 123 456.78 yuan
        for (int i = 1; i <= 416; i++) {
            refunds.append("R").append(i).append(",C").append(i).append(',').append(i < 416 ? "103662.15" : "103664.53")
                    .append(",2022-10-23T15:00:00+08:00\n");
        }
        new Drops(inbox).write("2022-10-23", "cases.csv", cases.toString())
                .write("2022-10-23", "freezes.csv", freezes.toString())
                .write("2022-10-23", "refunds.csv", refunds.toString());
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();

        Run text = cli("headline", "--from", "2022-01-01", "--to", "2022-10-23");
        assertThat(text.out()).isEqualTo("2022年以来，全市共处置电诈警情1.7万多宗，快速止付涉诈银行账户2.1万个，止付资金4.1亿多元，"
                + "办理资金返还案件416宗，返还资金4300多万元。\n");

        JsonNode json = JsonMapper.builder().build().readTree(
                cli("headline", "--from", "2022-01-01", "--to", "2022-10-23", "--format", "json").out());
        assertThat(json.at("/period/name").asString()).isEqualTo("2022年以来");
        assertThat(json.at("/figures/cases/value").asLong()).isEqualTo(17_345);
        assertThat(json.at("/figures/stop_accounts/value").asLong()).isEqualTo(21_000);
        assertThat(new BigDecimal(json.at("/figures/stop_amount/value").asString())).isEqualByComparingTo("410352000.00");
        assertThat(json.at("/figures/stop_amount/value").asString()).isEqualTo("410352000.00");
        assertThat(json.at("/figures/refund_cases/value").asLong()).isEqualTo(416);
        assertThat(json.at("/figures/refund_amount/value").asString()).isEqualTo("43123456.78");
        assertThat(json.at("/figures/refund_amount/press").asString()).isEqualTo("4300多万元");

        // a year before anything was loaded: its zeros printed, with a line on stderr that they are no record (r36b L1:
        // nothing was said, where the portal refuses the period)
        Run before = cli("headline", "--from", "1990-01-01", "--to", "1990-12-31");
        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).startsWith("1990年以来，全市共处置电诈警情0宗");
        assertThat(before.err()).startsWith("fraudstats headline: warning: the first day loaded is ")
                .contains(": the figures of the days before it are no record of the centre's, and the portal's headline refuses this period; ask from ");

        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-23", "--lang", "en").out())
                .contains("17,345 fraud cases").contains("CNY 410.35 million");
        // the same figures as metrics prints for the city
        assertThat(cli("metrics", "--from", "2022-01-01", "--to", "2022-10-23", "--district", "440600").out())
                .contains(",440600,17345,17345000.00,21000,410352000.00,0,0.00,416,43123456.78,");
    }

    /**
     * Just above and exactly on 1万 through ingest, metrics and headline --topic prevention. June 2021 holds none
     * of the other test's records, so the two tests read disjoint periods of the shared database in any order.
     */
    @Test
    void preventionFiguresJustAboveAndOnTenThousandReadAsReleasesDo() {
        // 10 001 warnings: 10 000 of them face-to-face visits that dissuaded, and one SMS that did not
        StringBuilder warnings = new StringBuilder(Drops.WARNINGS);
        LocalDate first = LocalDate.of(2021, 6, 1);
        for (int i = 1; i <= 10_001; i++) {
            boolean visit = i <= 10_000;
            warnings.append("W").append(i).append(',').append(first.plusDays(i % 30)).append("T09:30:00+08:00,44060")
                    .append(4 + i % 5).append(visit ? ",VISIT,DISSUADED\n" : ",SMS,UNREACHED\n");
        }
        new Drops(inbox).write("2021-06-30", "warnings.csv", warnings.toString());
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();

        Run text = cli("headline", "--from", "2021-06-01", "--to", "2021-06-30", "--topic", "prevention");
        assertThat(text.out()).isEqualTo("6月以来，全市累计处置预警信息1万多条，见面劝阻1万人次。\n");

        JsonNode json = JsonMapper.builder().build().readTree(
                cli("headline", "--from", "2021-06-01", "--to", "2021-06-30", "--topic", "prevention", "--format", "json").out());
        assertThat(json.at("/figures/warnings/value").asLong()).isEqualTo(10_001);
        assertThat(json.at("/figures/warnings/press").asString()).isEqualTo("1万多条");
        assertThat(json.at("/figures/dissuaded_visits/value").asLong()).isEqualTo(10_000);
        assertThat(json.at("/figures/dissuaded_visits/press").asString()).isEqualTo("1万人次");

        assertThat(cli("headline", "--from", "2021-06-01", "--to", "2021-06-30", "--topic", "prevention", "--lang", "en").out())
                .isEqualTo("From 1 to 30 June 2021, 10,001 fraud warnings were handled city-wide and 10,000 face-to-face visits "
                        + "dissuaded potential victims.\n");
        // the same figures as metrics prints for the city
        assertThat(cli("metrics", "--from", "2021-06-01", "--to", "2021-06-30", "--district", "440600").out())
                .endsWith(",440600,0,0.00,0,0.00,0,0.00,0,0.00,,10001,10000\n");
    }
}
