package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.support.DatabaseTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * A catalogue that leaves out a district or fraud type of loaded records stops every command in one line naming the
 * setting and the code: the records counted nowhere, and a deployment giving one district (which replaces the list)
 * printed 全市 0宗 where 343 were loaded, exit 0 (tester). The deployment's file HOME/fraudstats.yml, read as UTF-8 by
 * every command whatever folder it starts in, is where the catalogue goes.
 */
class CatalogueOfLoadedRecordsTest {

    private static final Path GOLDEN_RANGE = Path.of("src/test/resources/golden/expected-range-2022-10-01_2022-10-24.csv");
    private static final String[] METRICS = {"metrics", "--from", "2022-10-01", "--to", "2022-10-24"};

    @TempDir
    static Path home;

    @BeforeAll
    static void sampleLoaded() {
        Run ingest = cli(List.of(), "ingest", "--inbox", "samples/inbox");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    @Test
    void oneDistrictGivenReplacesTheListAndIsRefused_naming_theCodesOfLoadedRecordsItLeavesOut() {
        Run metrics = cli(List.of("--fraudstats.catalog.districts.440609=新区"), METRICS);

        assertThat(metrics.exitCode()).isEqualTo(1);
        assertThat(metrics.out()).isEmpty();
        assertThat(metrics.err()).isEqualTo("fraudstats metrics: setting fraudstats.catalog.districts leaves out 440604, the district of "
                + casesAndWarnings("440604") + " loaded (and 4 other codes of loaded records: 440605, 440606, 440607, 440608): they would "
                + "count in no district and not in the city's totals. Giving one fraudstats.catalog.districts.CODE replaces the whole "
                + "list: give every code, those no longer in use too (a district merged or renamed keeps its code while its records "
                + "are loaded)\n");
    }

    @Test
    void aFraudTypeOfLoadedCasesLeftOutIsRefused() {
        List<String> withoutRomance = new ArrayList<>();
        org.fraudstats.catalog.Catalog.foshan().fraudTypes().forEach((code, name) -> {
            if (!"ROMANCE".equals(code)) {
                withoutRomance.add("--fraudstats.catalog.fraud-types." + code + "=" + name);
            }
        });
        Run metrics = cli(withoutRomance, METRICS);

        assertThat(metrics.exitCode()).isEqualTo(1);
        assertThat(metrics.err()).startsWith("fraudstats metrics: setting fraudstats.catalog.fraud-types leaves out ROMANCE, the fraud type of ")
                .contains(" cases loaded: the fraud type ranking would name them by code");
    }

    @Test
    void theCatalogueInTheHomesFraudstatsYmlIsReadByEveryCommand_andADistrictAddedKeepsEveryFigure() throws Exception {
        String gaoming = casesAndWarnings("440608");
        // 高明区 left out, in the home's own file: read, and refused
        Files.writeString(home.resolve("fraudstats.yml"), """
                fraudstats:
                  catalog:
                    districts:
                      "440604": 禅城区
                      "440605": 南海区
                      "440606": 顺德区
                      "440607": 三水区
                """);
        try {
            Run without = cli(List.of(), METRICS);
            assertThat(without.exitCode()).isEqualTo(1);
            assertThat(without.err()).startsWith("fraudstats metrics: setting fraudstats.catalog.districts leaves out 440608, the district of "
                    + gaoming + " loaded: they would count in no district");

            // every district kept and one added: the new row is zeros, every other row as the contract's expected file
            Files.writeString(home.resolve("fraudstats.yml"), Files.readString(home.resolve("fraudstats.yml"))
                    + "      \"440608\": 高明区\n      \"440609\": 新区\n");
            Run with = cli(List.of(), METRICS);
            assertThat(with.exitCode()).as(with.err()).isZero();
            List<String> rows = new ArrayList<>(with.out().lines().toList());
            assertThat(rows.remove("2022-10-01,2022-10-24,440609,0,0.00,0,0.00,0,0.00,0,0.00,,0,0")).as(with.out()).isTrue();
            assertThat(String.join("\n", rows) + "\n").isEqualTo(Files.readString(GOLDEN_RANGE));
        } finally {
            Files.delete(home.resolve("fraudstats.yml"));
        }
    }

    /**
     * The file is read from the home's path, whatever characters the path holds: imported as a location (a list of
     * URLs), a home holding , # % or ; had its file ignored (Foshan's catalogue) or stopped every command (review).
     */
    @Test
    void theHomesFileIsReadWhateverItsPathHolds(@TempDir Path parent) throws Exception {
        Path odd = Files.createDirectories(parent.resolve("centre,home#1%41;x"));
        Files.writeString(odd.resolve("fraudstats.yml"), "fraudstats:\n  catalog:\n    districts:\n      \"4406\": 短码\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Services services = new Services(() -> new SpringApplication(FraudstatsApplication.class).run("--fraudstats.home=" + odd), true)) {
            int code = Cli.run(services, new String[] {"metrics", "--from", "2022-10-01", "--to", "2022-10-01"}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).isEqualTo(1);
        }
        assertThat(err.toString()).isEqualTo("fraudstats metrics: setting fraudstats.catalog.districts.4406 names a district code that is not "
                + "six digits (GB/T 2260, as 440605)\n");
    }

    /**
     * A file that is not UTF-8 or not YAML is one line naming the file and where, on standard error: Spring printed 39
     * lines of trace on standard output, where metrics writes its CSV, and the line named fraudstats.home (tester).
     */
    @Test
    void aBrokenDeploymentFileIsOneLineNamingItAndWhere(@TempDir Path broken) throws Exception {
        Path file = broken.resolve("fraudstats.yml");
        Files.writeString(file, "fraudstats:\n  catalog:\n\tdistricts:\n");
        Run tab = cliIn(broken, List.of(), METRICS);
        assertThat(tab.exitCode()).isEqualTo(1);
        assertThat(tab.out()).isEmpty();
        assertThat(tab.err()).isEqualTo("fraudstats metrics: " + file + ": line 3, column 1: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)\n");
        Files.write(file, "fraudstats:\n  catalog:\n    city-name: 广州市\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(cliIn(broken, List.of(), METRICS).err())
                .isEqualTo("fraudstats metrics: " + file + ": not UTF-8 (a file saved as GBK, say): save it as UTF-8\n");
    }

    /**
     * A key of the deployment file that no setting reads is refused, naming its line: Spring ignores such a key without
     * a word, so a district written in full-width digits or under a misspelt list was left out of the catalogue, and a
     * home set in the home's own file moved the database elsewhere once the file was read. A code in brackets is kept
     * whole by Spring and checked as any other.
     */
    @Test
    void aKeyOfTheDeploymentFileThatNoSettingReadsIsRefusedNamingItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fraudstats.yml");
        String foshan = "fraudstats:\n  catalog:\n    districts:\n      \"440604\": 禅城区\n      \"440605\": 南海区\n";
        Files.writeString(file, foshan + "      \"４４０６０９\": 新区\n");
        assertThat(cliIn(dir, List.of(), METRICS).err()).isEqualTo("fraudstats metrics: " + file + ": line 6: "
                + "fraudstats.catalog.districts.４４０６０９ is not read: Spring keeps a code of ASCII letters, digits, - and _ only and "
                + "drops this one without a word (full-width digits or letters, a space?): write the code as the feeds do\n");

        Files.writeString(file, foshan + "    distrcts:\n      \"440609\": 新区\n");
        assertThat(cliIn(dir, List.of(), METRICS).err()).isEqualTo("fraudstats metrics: " + file + ": line 7: "
                + "fraudstats.catalog.distrcts.440609 is no setting of fraudstats (the README's Configuration table lists them): "
                + "Spring would ignore it without a word\n");

        Files.writeString(file, "fraudstats:\n  home: /srv/elsewhere\n");
        assertThat(cliIn(dir, List.of(), METRICS).err()).isEqualTo("fraudstats metrics: " + file + ": line 2: "
                + "fraudstats.home is set in the home's own file, which is found by the home: set FRAUDSTATS_HOME instead\n");

        // Spring binds a capitalised prefix too, so it is checked too; a list written empty is an empty list, as before
        Files.writeString(file, "Fraudstats:\n  Catalog:\n    Distrcts:\n      \"440609\": 新区\n");
        assertThat(cliIn(dir, List.of(), METRICS).err()).isEqualTo("fraudstats metrics: " + file + ": line 4: "
                + "Fraudstats.Catalog.Distrcts.440609 is no setting of fraudstats (the README's Configuration table lists them): "
                + "Spring would ignore it without a word\n");
        Files.writeString(file, "fraud-stats:\n  home: /srv/elsewhere\n");
        assertThat(cliIn(dir, List.of(), METRICS).err()).isEqualTo("fraudstats metrics: " + file + ": line 2: "
                + "fraud-stats.home is set in the home's own file, which is found by the home: set FRAUDSTATS_HOME instead\n");
        Files.writeString(file, "fraudstats:\n  render-threads: 2\n  catalog:\n    fraud-types:\n    #  \"ORDER_BRUSHING\": 刷单返利\n");
        assertThat(cliIn(dir, List.of(), METRICS).err()).doesNotContain("is no setting");

        Files.writeString(file, foshan + "      \"[４４０６０９]\": 新区\n");
        assertThat(cliIn(dir, List.of(), METRICS).err()).isEqualTo("fraudstats metrics: setting fraudstats.catalog.districts.４４０６０９ "
                + "names a district code that is not six digits (GB/T 2260, as 440605)\n");
    }

    /**
     * Beside the deployment file, a catalogue key in a file Spring is given besides (an additional location; the folder a
     * command starts in is no longer read) is refused: merged key by key, a stray city code there republished a day as 广州市's.
     */
    @Test
    void aCatalogueKeyInAnotherSettingsFileBesideTheDeploymentFileIsRefused(@TempDir Path elsewhere) throws Exception {
        Files.writeString(home.resolve("fraudstats.yml"), "fraudstats:\n  render-threads: 2\n");
        Path stray = elsewhere.resolve("application.properties");
        Files.writeString(stray, "fraudstats.catalog.city-code=440100\n");
        try {
            Run refused = cli(List.of("--spring.config.additional-location=file:" + stray), METRICS);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).isEqualTo("fraudstats metrics: " + home.resolve("fraudstats.yml") + ": fraudstats.catalog.city-code is also set in "
                    + stray + ", a file also given to Spring: keep the catalogue in " + home.resolve("fraudstats.yml") + " alone\n");
        } finally {
            Files.delete(home.resolve("fraudstats.yml"));
        }
    }

    /**
     * Another city code once bulletins are published is refused: each bulletin rendered again listed the old city's row
     * as gone and the new one's as come, a revision mailed as a correction though no figure moved (tester).
     */
    @Test
    void aCityCodeOtherThanThePublishedBulletinsIsRefused() {
        Run rerun = cli(List.of(), "rerun", "--from", "2022-10-24", "--to", "2022-10-24", "--formats", "xlsx");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        List<String> guangzhou = new ArrayList<>(List.of("--fraudstats.catalog.city-code=440100", "--fraudstats.catalog.city-name=广州市",
                "--fraudstats.catalog.districts.440609=新区"));
        org.fraudstats.catalog.Catalog.foshan().districts().forEach((code, name) -> guangzhou.add("--fraudstats.catalog.districts." + code + "=" + name));

        Run refused = cli(guangzhou, METRICS);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).matches("fraudstats metrics: setting fraudstats\\.catalog\\.city-code 440100 is not the code \\d+ bulletins? "
                + "(was|were) published under \\(the latest, the daily of 2022-10-24 r1, has areas 440600 the catalogue lacks\\): "
                + "each rendered again would be a revision though no figure moved; keep the city's code\n");
    }

    /** No test reads the deployment file of the machine it runs on: the build gives the tests a home of their own. */
    @Test
    void theTestsRunUnderAHomeOfTheirOwn() {
        assertThat(System.getenv("FRAUDSTATS_HOME")).endsWith(java.io.File.separator + "surefire-home");
    }

    /** "130 cases and 219 warnings": the district's figures over every day the sample holds, as metrics prints them. */
    private static String casesAndWarnings(String district) {
        Run all = cli(List.of(), "metrics", "--from", "2021-01-01", "--to", "2022-12-31", "--district", district);
        assertThat(all.exitCode()).as(all.err()).isZero();
        String[] f = all.out().lines().skip(1).findFirst().orElseThrow().split(",");
        return f[3] + " cases and " + f[12] + " warnings";
    }

    private static Run cli(List<String> settings, String... args) {
        return cliIn(home, settings, args);
    }

    private static Run cliIn(Path inHome, List<String> settings, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> startArgs = new ArrayList<>(settings);
        startArgs.add("--fraudstats.home=" + inHome);
        try (Services services = new Services(() -> new SpringApplication(FraudstatsApplication.class).run(startArgs.toArray(String[]::new)), true)) {
            int code = Cli.run(services, args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString(), err.toString());
        }
    }
}
