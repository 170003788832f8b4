package org.fraudstats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.cli.Cli;
import org.fraudstats.cli.Services;
import org.fraudstats.generate.SyntheticDrops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * `bench --scale tiny` end to end through the real command, run once in a FRAUDSTATS_HOME that already holds an
 * embedded database with a loaded fact, as a user's home would. The table's figures are the data's own (the
 * rows the drops hold, the cases the fill made, the bulletins rendered), its ratios and verdicts follow from its
 * columns, and afterwards the home holds exactly what it held: the real database untouched, the bench's
 * throwaway directory gone. A configured database is refused before anything starts.
 */
class BenchSmokeTest {

    private static final List<String> MEASURES = List.of("ingest rows/s", "peak heap, ingest 1×", "peak heap, ingest 4×",
            "all metrics, every day × area", "one night's recompute", "one year city-wide", "bulletins: a year of daily");
    private static final String REAL_FACT = "INSERT INTO fact_case (case_id, reported_at, business_day, district_code, "
            + "fraud_type, loss_amount, drop_date, line) VALUES ('REAL1', TIMESTAMPTZ '2024-06-01 10:00:00+08', "
            + "DATE '2024-06-01', '440604', 'OTHER', 1234.56, DATE '2024-06-02', 2)";
    private static final String REAL_FACTS = "SELECT string_agg(case_id || ' ' || loss_amount, ', ') FROM fact_case";

    @TempDir
    static Path home;
    private static String homeProperty;
    private static List<String> homeBefore;
    private static Run bench;
    private static Duration took;
    private static List<String[]> rows;
    private static String notes;

    @BeforeAll
    static void benchInAHomeHoldingRealData() throws Exception {
        try (ConfigurableApplicationContext real = realApplication()) {
            JdbcTemplate jdbc = real.getBean(JdbcTemplate.class);
            jdbc.update(REAL_FACT);
            assertThat(jdbc.queryForObject(REAL_FACTS, String.class)).isEqualTo("REAL1 1234.56");
            assertThat(Arrays.stream(real.getBeanDefinitionNames()).map(real::getType))
                    .as("beans of the bench in an application context").noneMatch(t -> t != null && t.getPackageName().equals("org.fraudstats.bench"));
        }
        homeBefore = entries(home);
        // what FRAUDSTATS_HOME says to ./fraudstats (the test cannot set an environment variable)
        homeProperty = System.setProperty("fraudstats.home", home.toString());
        long start = System.nanoTime();
        bench = cli("bench", "--scale", "tiny");
        took = Duration.ofNanos(System.nanoTime() - start);
        rows = bench.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| measure"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|")).map(String::strip).toArray(String[]::new))
                .toList();
        notes = bench.out().lines().filter(l -> l.startsWith("- ")).reduce("", (a, b) -> a + b + "\n");
    }

    @AfterAll
    static void restoreHome() {
        if (homeProperty == null) {
            System.clearProperty("fraudstats.home");
        } else {
            System.setProperty("fraudstats.home", homeProperty);
        }
    }

    @Test
    void tinyScaleTableHasEveryMeasureInAMinute() {
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        assertThat(rows).extracting(r -> r[0]).hasSize(MEASURES.size()).zipSatisfy(MEASURES, (measure, name) -> assertThat(measure).startsWith(name));
        assertThat(rows).allSatisfy(r -> assertThat(r).as(String.join(" | ", r)).hasSize(6));
        assertThat(bench.out().lines().findFirst().orElseThrow()).startsWith("`bench --scale tiny --years 3` on ")
                .contains(" cores", "PostgreSQL 17", "embedded, in a throwaway directory deleted after the run: fsync ");
    }

    @Test
    void ingestCountsEveryRowOfTheDropsAndCopyTheSame() throws IOException {
        int days = BenchScale.TINY.ingestDays();
        long once = generatedRows(days);
        long fourTimes = generatedRows(4 * days);
        assertThat(rows.get(0)[0]).isEqualTo("ingest rows/s (" + days + " drops, " + count(once) + " rows)");
        assertThat(notes).contains("(" + count(once) + " rows read, ").contains("without keys (" + count(once) + " rows, ");
        assertThat(rows.get(1)[0]).isEqualTo("peak heap, ingest 1× (" + count(once) + " rows)");
        assertThat(rows.get(2)[0]).isEqualTo("peak heap, ingest 4× (" + count(fourTimes) + " rows)");
        assertThat(notes).contains("The 4× load (" + 4 * days + " drops)");
    }

    @Test
    void metricsRunOnTheFactsTheFillMadeAndTheBareQueryAgrees() {
        long cases = BenchScale.TINY.cases(3);
        assertThat(rows.get(3)[0]).isEqualTo("all metrics, every day × area, 3 years (" + count(cases) + " cases)");
        assertThat(notes).contains("with " + count(cases) + " cases, " + count(BenchScale.TINY.freezes(3)) + " freezes, ")
                .contains("1096 days × 5 districts of warning_day over 2022-01-01..2024-12-31");
        // fill-cases.sql spreads case i of n over the 1096 days evenly: day (i - 1) * 1096 / n, 2024 from day 730 on
        long casesOf2024 = 0;
        for (long i = 1; i <= cases; i++) {
            casesOf2024 += (i - 1) * 1096 / cases >= 730 ? 1 : 0;
        }
        assertThat(notes).contains("The year's city figures: " + count(casesOf2024) + " cases, ")
                .contains("the bare query agrees on every metric of every area.");
    }

    @Test
    void bulletinsAreRenderedForEveryDayTimedAndProjectedToTheYear() {
        int days = BenchScale.TINY.bulletinDays();
        LocalDate from = Bench.LAST_DAY.minusDays(days - 1);
        assertThat(rows.get(6)[0]).isEqualTo("bulletins: a year of daily PDF+XLSX pairs (the last " + days + " rendered, ×365/" + days + ": an upper bound)");
        assertThat(notes).contains("rendered " + days + " daily bulletins " + from + ".." + Bench.LAST_DAY + " (" + days + " PDFs and "
                + days + " workbooks)");
        Matcher m = Pattern.compile("([0-9]+) s \\(([0-9]+\\.[0-9]{2}) s/pair\\)").matcher(rows.get(6)[1]);
        assertThat(m.matches()).as(rows.get(6)[1]).isTrue();
        BigDecimal perPair = new BigDecimal(m.group(2));
        assertThat(new BigDecimal(m.group(1))).isBetween(perPair.subtract(new BigDecimal("0.005")).multiply(BigDecimal.valueOf(365)).subtract(BigDecimal.ONE),
                perPair.add(new BigDecimal("0.005")).multiply(BigDecimal.valueOf(365)).add(BigDecimal.ONE));
    }

    @Test
    void everyRatioIsThePipelineOverTheBaselineAndEveryVerdictFollowsItsGoal() {
        for (String[] row : rows) {
            Interval pipeline = Interval.of(row[1]);
            Interval ratio = row[3].equals("—") ? null : Interval.of(row[3]);
            if (ratio != null) {
                Interval baseline = Interval.of(row[2]);
                assertThat(ratio.overlaps(pipeline.over(baseline))).as("%s: %s / %s = %s", row[0], row[1], row[2], row[3]).isTrue();
            }
            Boolean met = switch (row[4]) {
                case "≥ 0.5× COPY" -> ratio.atLeast(0.5);
                case "≤ 1.5× bare" -> ratio.atMost(1.5);
                case "≤ 1.0× bare" -> ratio.atMost(1.0);
                case "< 512 MB" -> pipeline.below(512);
                case "< 512 MB, flat (≤ 1.5× of 1×)" -> both(pipeline.below(512), ratio.atMost(1.5));
                case "< 0.1 s", "< 60 s for the year" -> pipeline.below(Double.parseDouble(row[4].substring(2, row[4].indexOf(' ', 2))));
                default -> throw new AssertionError("a goal this test does not know: " + row[4]);
            };
            if (met != null) {
                assertThat(row[5]).as(String.join(" | ", row)).isEqualTo(met ? "met" : "**missed**");
            }
        }
    }

    @Test
    void theRealHomeHoldsExactlyWhatItHeldAndItsDatabaseIsUntouched() throws IOException {
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(entries(home)).isEqualTo(homeBefore).doesNotContain("bench-throwaway");
        assertThat(bench.err()).containsPattern("throwaway home " + Pattern.quote(home.resolve("bench-throwaway").toString())
                + "/run-[a-z]{8} \\(deleted after the run\\)");
        try (ConfigurableApplicationContext real = realApplication()) {
            assertThat(real.getBean(JdbcTemplate.class).queryForObject(REAL_FACTS, String.class)).isEqualTo("REAL1 1234.56");
        }
    }

    @Test
    void aConfiguredDatabaseIsRefusedBeforeAnythingStarts() {
        String before = System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/real");
        try {
            Run refused = cli("bench", "--scale", "tiny");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).isEqualTo("fraudstats bench: " + REFUSAL + " (see --help)\n");
            assertThat(refused.out()).isEmpty();
            assertThat(home.resolve("bench-throwaway")).doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty("spring.datasource.url");
            } else {
                System.setProperty("spring.datasource.url", before);
            }
        }
    }

    @Test
    void theEnvironmentVariableIsRefusedByTheLauncherItself(@TempDir Path otherHome) throws Exception {
        ProcessBuilder launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.fraudstats.cli.Main", "bench", "--scale", "tiny");
        launcher.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/real");
        launcher.environment().put("FRAUDSTATS_HOME", otherHome.toString());
        Process process = launcher.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isEqualTo(2);
        assertThat(err).isEqualTo("fraudstats bench: " + REFUSAL + " (see --help)\n");
        assertThat(otherHome).isEmptyDirectory();
    }

    /** Three-valued and: false if either is, true if both are, else open. */
    private static Boolean both(Boolean a, Boolean b) {
        return Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? Boolean.FALSE : a != null && b != null ? Boolean.TRUE : null;
    }

    private static final String REFUSAL = "SPRING_DATASOURCE_URL (spring.datasource.url) is set, and the bench runs only on a "
            + "PostgreSQL of its own in a throwaway directory (it empties tables between measurements): unset it";

    /** The application every other command runs on, with its embedded database in the test's FRAUDSTATS_HOME. */
    private static ConfigurableApplicationContext realApplication() {
        return new SpringApplication(FraudstatsApplication.class).run("--fraudstats.home=" + home);
    }

    /** As ./fraudstats runs a command; the bench must never ask for the caller's application. */
    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Services none = new Services(() -> {
            throw new AssertionError("the bench asked for the application of the real home");
        }, true);
        int code = Cli.run(none, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** The rows the bench's drops hold: the same generator, scale, days and seed. */
    private static long generatedRows(int days) throws IOException {
        Path drops = Files.createTempDirectory("bench-smoke-drops");
        try {
            return SyntheticDrops.write(drops, BenchScale.TINY.ingestScale(), Bench.DROPS_FROM, Bench.DROPS_FROM.plusDays(days - 1L),
                    Bench.SEED, 0.0, Catalog.foshan()).rows();
        } finally {
            try (Stream<Path> walk = Files.walk(drops)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** What a printed figure can have been before it was rounded to the digits shown: [low, high]. */
    private record Interval(double low, double high) {

        private static final Pattern NUMBER = Pattern.compile("[0-9][0-9,]*(\\.[0-9]+)?");

        static Interval of(String cell) {
            Matcher m = NUMBER.matcher(cell);
            assertThat(m.find()).as(cell).isTrue();
            double shown = Double.parseDouble(m.group().replace(",", ""));
            double half = 0.5 * Math.pow(10, -(m.group(1) == null ? 0 : m.group(1).length() - 1));
            return new Interval(shown - half, shown + half);
        }

        Interval over(Interval divisor) {
            return new Interval(low / divisor.high, divisor.low <= 0 ? Double.POSITIVE_INFINITY : high / divisor.low);
        }

        boolean overlaps(Interval other) {
            return low <= other.high && other.low <= high;
        }

        /** Null when rounding leaves it open. */
        Boolean atMost(double limit) {
            return high <= limit ? Boolean.TRUE : low > limit ? Boolean.FALSE : null;
        }

        Boolean atLeast(double limit) {
            return low >= limit ? Boolean.TRUE : high < limit ? Boolean.FALSE : null;
        }

        Boolean below(double limit) {
            return high < limit ? Boolean.TRUE : low >= limit ? Boolean.FALSE : null;
        }
    }
}
