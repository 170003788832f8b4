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
        // byte for byte, as the README says of every golden file (it was equal as JSON only, written "name" : value)
        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--format", "json").out())
                .isEqualTo(golden("expected-headline-2022-01-01_2022-10-24.json"));
    }

    /*
     * headline --topic prevention. The prevention golden files are not the contract's: they were written by hand
     * from the warnings and dissuaded_visits columns of expected-range-2022-10-01_2022-10-24.csv (the sample holds
     * no 2022 warning before October) and press-style.md, and the figures of every other period below were counted
     * from the sample's warnings.csv files by a script of their own, not by fraudstats.
     */

    @Test
    void preventionHeadlineTextMatchesTheHandWrittenFile() throws IOException {
        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--topic", "prevention").out())
                .isEqualTo(golden("expected-headline-prevention-2022-01-01_2022-10-24.txt"));
    }

    @Test
    void preventionHeadlineJsonMatchesTheHandWrittenFile() throws IOException {
        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--topic", "prevention", "--format", "json").out())
                .isEqualTo(golden("expected-headline-prevention-2022-01-01_2022-10-24.json"));
    }

    @Test
    void preventionHeadlineOfEachDistrictNamesItAndQuotesItsOwnFigures() {
        Map<String, String> expected = Map.of(
                "440604", "2022年以来，禅城区累计处置预警信息122条，见面劝阻20人次。\n",
                "440605", "2022年以来，南海区累计处置预警信息118条，见面劝阻19人次。\n",
                "440606", "2022年以来，顺德区累计处置预警信息135条，见面劝阻29人次。\n",
                "440607", "2022年以来，三水区累计处置预警信息140条，见面劝阻31人次。\n",
                "440608", "2022年以来，高明区累计处置预警信息120条，见面劝阻26人次。\n",
                "440600", "2022年以来，全市累计处置预警信息635条，见面劝阻125人次。\n");
        expected.forEach((code, sentence) -> assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24",
                "--topic", "prevention", "--district", code).out()).as(code).isEqualTo(sentence));
    }

    @Test
    void preventionHeadlineNamesEveryPeriodOfTheTable() {
        Map<String, String> expected = Map.of(
                "2022-01-01/2022-10-24", "2022年以来，全市累计处置预警信息635条，见面劝阻125人次。\n",
                "2022-10-01/2022-10-24", "10月以来，全市累计处置预警信息635条，见面劝阻125人次。\n",
                "2022-10-23/2022-10-23", "10月23日，全市累计处置预警信息29条，见面劝阻5人次。\n",
                "2022-10-17/2022-10-23", "10月17日至23日，全市累计处置预警信息177条，见面劝阻38人次。\n",
                "2022-03-05/2022-10-23", "2022年3月5日至10月23日，全市累计处置预警信息606条，见面劝阻122人次。\n",
                "2021-10-15/2022-10-24", "2021年10月15日至2022年10月24日，全市累计处置预警信息865条，见面劝阻160人次。\n");
        expected.forEach((period, sentence) -> {
            String[] days = period.split("/");
            assertThat(cli("headline", "--from", days[0], "--to", days[1], "--topic", "prevention").out())
                    .as(period).isEqualTo(sentence);
        });
    }

    @Test
    void preventionHeadlineQuotesWhatMetricsPrintsAndWhatTheFactsHold() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode figures = json.readTree(cli("headline", "--from", "2021-10-15", "--to", "2022-10-24", "--topic", "prevention",
                "--district", "440606", "--format", "json").out()).get("figures");
        JsonNode metrics = json.readTree(cli("metrics", "--from", "2021-10-15", "--to", "2022-10-24", "--district", "440606",
                "--format", "json").out()).get(0);
        // straight from the facts, not from the warning_day rollup that metrics reads
        Map<String, Object> facts = jdbc.queryForMap("""
                SELECT count(*) AS warnings, count(*) FILTER (WHERE channel = 'VISIT' AND outcome = 'DISSUADED') AS visits
                FROM fact_warning
                WHERE district_code = '440606'
                  AND (issued_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN DATE '2021-10-15' AND DATE '2022-10-24'""");

        assertThat(figures.propertyNames()).containsExactly("warnings", "dissuaded_visits");
        assertThat(figures.at("/warnings/value").asLong()).isEqualTo(179)
                .isEqualTo(metrics.get("warnings").asLong()).isEqualTo(((Number) facts.get("warnings")).longValue());
        assertThat(figures.at("/dissuaded_visits/value").asLong()).isEqualTo(34)
                .isEqualTo(metrics.get("dissuaded_visits").asLong()).isEqualTo(((Number) facts.get("visits")).longValue());
        assertThat(figures.at("/warnings/press").asString()).isEqualTo("179条");
        assertThat(figures.at("/dissuaded_visits/press").asString()).isEqualTo("34人次");
    }

    @Test
    void preventionHeadlineInEnglishGivesTheSameFigures() {
        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--topic", "prevention", "--lang", "en").out())
                .isEqualTo("From 1 January to 24 October 2022, 635 fraud warnings were handled city-wide and 125 face-to-face visits "
                        + "dissuaded potential victims.\n");
        JsonNode json = JsonMapper.builder().build().readTree(cli("headline", "--from", "2022-10-23", "--to", "2022-10-23",
                "--topic", "prevention", "--district", "440605", "--lang", "en", "--format", "json").out());
        assertThat(json.get("english").asString()).isEqualTo(
                "On 23 October 2022, 7 fraud warnings were handled in Nanhai District and 0 face-to-face visits "
                        + "dissuaded potential victims.");
        assertThat(json.get("text").asString()).isEqualTo("10月23日，南海区累计处置预警信息7条，见面劝阻0人次。");
    }

    @Test
    void topicHandlingIsTheDefaultSentenceByteForByte() throws IOException {
        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--topic", "handling").out())
                .isEqualTo(golden("expected-headline-2022-01-01_2022-10-24.txt"));
        assertThat(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--topic", "handling", "--format", "json").out())
                .isEqualTo(cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--format", "json").out());
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
