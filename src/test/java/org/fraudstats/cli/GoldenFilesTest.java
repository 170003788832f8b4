package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample drops loaded through the real CLI reproduce every expected file of the contract, computed
 * independently from the spec: byte for byte for CSV and text, as parsed values for JSON. The class's own
 * database is loaded once, before every test, and no test changes it, so each test stands alone in any order
 * (loading the sample a second time is {@link SampleLoadedTwiceTest}, on a database of its own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenFilesTest extends DatabaseTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @BeforeAll
    void loadSample() {
        Run ingest = cli("ingest", "--inbox", SAMPLE_INBOX.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("95 drops, 95 loaded");
    }

    @Test
    void rangeFiguresMatchTheContract() throws IOException {
        assertThat(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-24").out())
                .isEqualTo(golden("expected-range-2022-10-01_2022-10-24.csv"));
    }

    @Test
    void dailyFiguresMatchTheContract() throws IOException {
        assertThat(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-24", "--by", "day").out())
                .isEqualTo(golden("expected-by-day-2022-10-01_2022-10-24.csv"));
    }

    @Test
    void yearOnYearMatchesTheContract() throws IOException {
        assertThat(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-24", "--compare", "yoy").out())
                .isEqualTo(golden("expected-yoy-2022-10-01_2022-10-24.csv"));
    }

    @Test
    void periodOnPeriodMatchesTheContract() throws IOException {
        assertThat(cli("metrics", "--from", "2022-10-13", "--to", "2022-10-24", "--compare", "pop").out())
                .isEqualTo(golden("expected-pop-2022-10-13_2022-10-24.csv"));
    }

    @Test
    void jsonCarriesTheSameFiguresAsTheCsvWithCountsAsNumbersAndTheRestAsStrings() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode rows = json.readTree(cli("metrics", "--from", "2022-10-01", "--to", "2022-10-24", "--compare", "yoy", "--format", "json").out());
        java.util.List<String> csv = golden("expected-yoy-2022-10-01_2022-10-24.csv").lines().toList();
        String[] keys = csv.get(0).split(",");
        assertThat(rows.size()).isEqualTo(csv.size() - 1);
        for (int r = 1; r < csv.size(); r++) {
            String[] cells = csv.get(r).split(",", -1);
            JsonNode row = rows.get(r - 1);
            assertThat(row.size()).isEqualTo(keys.length);
            for (int k = 0; k < keys.length; k++) {
                JsonNode v = row.get(keys[k]);
                if (cells[k].isEmpty()) {
                    assertThat(v.isNull()).as(keys[k]).isTrue();
                } else {
                    assertThat(v.isNumber()).as(keys[k]).isEqualTo(isCount(keys[k]));
                    assertThat(v.asString()).as(keys[k]).isEqualTo(cells[k]);
                }
            }
        }
    }

    @Test
    void headlineTextMatchesTheContract() throws IOException {
        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24").out())
                .isEqualTo(golden("expected-headline-2022-01-01_2022-10-24.txt"));
    }

    @Test
    void headlineJsonMatchesTheContract() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode actual = json.readTree(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--format", "json").out());
        assertThat(actual).isEqualTo(json.readTree(golden("expected-headline-2022-01-01_2022-10-24.json")));
    }

    @Test
    void everyRejectedRowIsListedOnce() throws IOException {
        String csv = cli("rejects", "--format", "csv").out();
        long rows = csv.lines().count() - 1;
        assertThat(rows).isEqualTo(Long.parseLong(golden("expected-rejects-count.txt").strip()));
        assertThat(csv.lines().findFirst()).hasValue("drop_date,file,line,record_id,reason");
    }

    @Test
    void aRejectedRowShowsItsValuesInTheFeedsColumnOrder() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode rejects = json.readTree(cli("rejects", "--format", "json").out());
        Map<String, List<String>> columns = Map.of(
                "cases.csv", List.of("case_id", "reported_at", "district_code", "station", "fraud_type", "loss_amount", "victim_age"),
                "freezes.csv", List.of("freeze_id", "case_id", "action", "bank", "account_no", "amount", "effective_at"),
                "refunds.csv", List.of("refund_id", "case_id", "amount", "refunded_at"),
                "warnings.csv", List.of("warning_id", "issued_at", "district_code", "channel", "outcome"));
        Set<String> files = new HashSet<>();
        for (JsonNode reject : rejects) {
            String file = reject.get("file").asString();
            List<String> keys = new ArrayList<>(reject.get("values").propertyNames());
            assertThat(keys).as("%s line %s", file, reject.get("line")).isEqualTo(columns.get(file));
            files.add(file);
        }
        assertThat(files).contains("cases.csv", "freezes.csv");
    }

    /** Counts are JSON numbers; money, medians, changes, dates and codes are strings (cli.md). */
    private static boolean isCount(String key) {
        String metric = key.replaceFirst("_base$", "");
        return !key.endsWith("_change") && java.util.Arrays.stream(org.fraudstats.metrics.Metric.values())
                .anyMatch(m -> m.key().equals(metric) && m.kind() == org.fraudstats.metrics.Metric.Kind.COUNT);
    }

    private static String golden(String name) throws IOException {
        return Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
    }
}
