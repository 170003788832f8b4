package org.fraudstats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Rerun;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.generate.SyntheticDrops;
import org.fraudstats.ingest.DailyRollups;
import org.fraudstats.ingest.DropLoadResult;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Figures;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.SqlFiles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * `bench`: times the pipeline against the bare PostgreSQL way of doing the same work, on the same data, in one
 * run: loading drops (against COPY of the same files), recomputing metrics (against a hand-written rollup on
 * the same tables), rendering bulletins, and the heap the loader needs. It empties and refills the facts
 * between measurements, so it is made only by {@link ThrowawayBench}, with the beans of an application running
 * on a PostgreSQL started for the run in a throwaway directory; it is no Spring bean, so no other application
 * context holds one.
 */
final class Bench {

    /** Where the drops start; the metrics' three years end on {@link #LAST_DAY}. */
    static final LocalDate DROPS_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
    static final long SEED = 7;
    private static final int RUNS = 3;

    private final Ingest ingest;
    private final DailyRollups rollups;
    private final Figures figures;
    private final Rerun rerun;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final DataSource dataSource;
    private final Catalog catalog;
    private final FraudstatsHome home;
    private final int renderThreads;

    Bench(Ingest ingest, DailyRollups rollups, Figures figures, Rerun rerun, JdbcTemplate jdbc, NamedParameterJdbcTemplate named,
          DataSource dataSource, Catalog catalog, FraudstatsHome home, int renderThreads) {
        this.renderThreads = renderThreads;
        this.ingest = ingest;
        this.rollups = rollups;
        this.figures = figures;
        this.rerun = rerun;
        this.jdbc = jdbc;
        this.named = named;
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.home = home;
    }

    BenchReport run(BenchScale scale, int years, int bulletinDays, Consumer<String> log) throws Exception {
        if (catalog.districtCodes().size() != 5) {
            throw new IllegalStateException("the bench fills 5 districts; this catalogue has " + catalog.districtCodes().size());
        }
        jdbc.execute(SqlFiles.load("bench/setup.sql"));
        // every row and note goes to the log as soon as it is known: a long run stopped early keeps what it measured
        List<Measurement> rows = new Logged<>(m -> log.accept("result: " + String.join(" | ", m.measure(), m.pipeline(),
                m.baseline(), m.ratio(), m.goal(), m.verdict())));
        List<String> notes = new Logged<>(n -> log.accept("note: " + n));
        List<String> machine = machine();
        log.accept("machine: " + String.join(", ", machine));

        ingestAndHeap(scale, rows, notes, log);
        metrics(scale, years, rows, notes, log);
        bulletins(bulletinDays, scale.bulletinYearGoalSeconds(), rows, notes, log);
        return new BenchReport(scale.name().toLowerCase(Locale.ROOT), years, machine, rows, notes);
    }

    // ---------------------------------------------------------------- 1. ingest, and the heap while loading

    private void ingestAndHeap(BenchScale scale, List<Measurement> rows, List<String> notes, Consumer<String> log) throws Exception {
        int days = scale.ingestDays();
        LocalDate to1 = DROPS_FROM.plusDays(days - 1);
        LocalDate to4 = DROPS_FROM.plusDays(4L * days - 1);
        Path inbox = drops(scale, to4, log);

        reset();
        log.accept("ingest 1x: loading " + days + " drops through the pipeline");
        HeapWatch watch1 = HeapWatch.start();
        long start = System.nanoTime();
        List<DropLoadResult> loaded1 = ingest.load(inbox, DROPS_FROM, to1, r -> { });
        long pipelineNanos = System.nanoTime() - start;
        HeapWatch.Peak heap1 = watch1.stop();
        long rows1 = loaded1.stream().mapToLong(DropLoadResult::rowsRead).sum();

        log.accept("ingest 1x: COPY of the same " + days + " drops into bare tables");
        CopyBaseline.Result copy = CopyBaseline.load(dataSource, inbox, DROPS_FROM, to1);
        double pipelineRate = rows1 / seconds(pipelineNanos);
        double copyRate = copy.rows() / seconds(copy.nanos());
        double ratio = pipelineRate / copyRate;
        rows.add(new Measurement("ingest rows/s (" + days + " drops, " + count(rows1) + " rows)",
                count(Math.round(pipelineRate)) + " rows/s", count(Math.round(copyRate)) + " rows/s (COPY)",
                ratio(ratio), "≥ 0.5× COPY", ratio >= 0.5));
        notes.add(String.format(Locale.ROOT, "Ingest: `Ingest.load` of %d synthetic %s-scale drops (%s rows read, %.1f s) against "
                        + "pgjdbc `COPY … FROM STDIN (FORMAT csv, HEADER)` of the very same files into bare typed tables without "
                        + "keys (%s rows, %.1f s), on the same server, one after the other.",
                days, scale.ingestScale().name().toLowerCase(Locale.ROOT), count(rows1), seconds(pipelineNanos),
                count(copy.rows()), seconds(copy.nanos())));

        reset();
        log.accept("ingest 4x: loading " + 4 * days + " drops to watch the heap");
        HeapWatch watch4 = HeapWatch.start();
        start = System.nanoTime();
        List<DropLoadResult> loaded4 = ingest.load(inbox, DROPS_FROM, to4, r -> { });
        long nanos4 = System.nanoTime() - start;
        HeapWatch.Peak heap4 = watch4.stop();
        long rows4 = loaded4.stream().mapToLong(DropLoadResult::rowsRead).sum();

        rows.add(new Measurement("peak heap, ingest 1× (" + count(rows1) + " rows)",
                mb(heap1.peakUsed()) + " (live " + mb(heap1.peakLive()) + ")", "—", "—", "< 512 MB", heap1.peakUsed() < 512L << 20));
        double growth = (double) heap4.peakUsed() / heap1.peakUsed();
        rows.add(new Measurement("peak heap, ingest 4× (" + count(rows4) + " rows)",
                mb(heap4.peakUsed()) + " (live " + mb(heap4.peakLive()) + ")", mb(heap1.peakUsed()) + " at 1×", ratio(growth),
                "< 512 MB, flat (≤ 1.5× of 1×)", heap4.peakUsed() < 512L << 20 && growth <= 1.5));
        notes.add(String.format(Locale.ROOT, "Heap: used heap sampled every 2 ms during each load after a `System.gc()` baseline "
                        + "(%s before 1×, %s before 4×); peak = the largest sample, garbage included; live = the largest heap "
                        + "left after a collection. The 4× load (%d drops) ran at %s rows/s. Max heap %s.",
                mb(heap1.baseline()), mb(heap4.baseline()), 4 * days, count(Math.round(rows4 / seconds(nanos4))),
                mb(Runtime.getRuntime().maxMemory())));
    }

    /** The synthetic drops of the scale, in the throwaway home (the same seed writes the same bytes every run). */
    private Path drops(BenchScale scale, LocalDate to, Consumer<String> log) throws IOException {
        Path inbox = home.resolve("drops");
        log.accept("generating " + scale.ingestScale() + " drops " + DROPS_FROM + ".." + to + " seed " + SEED);
        SyntheticDrops.write(inbox, scale.ingestScale(), DROPS_FROM, to, SEED, 0.0, catalog);
        return inbox;
    }

    // ---------------------------------------------------------------- 2. metrics on national-size fact tables

    private void metrics(BenchScale scale, int years, List<Measurement> rows, List<String> notes, Consumer<String> log) throws Exception {
        LocalDate first = LAST_DAY.minusYears(years).plusDays(1);
        int days = (int) (LAST_DAY.toEpochDay() - first.toEpochDay() + 1);
        long cases = scale.cases(years);
        long freezes = scale.freezes(years);
        reset();
        log.accept("filling " + count(cases) + " cases and " + count(freezes) + " freezes over " + days + " days");
        Map<String, Object> params = new HashMap<>();
        params.put("cases", cases);
        params.put("freezes", freezes);
        params.put("days", days);
        params.put("first", first);
        params.put("districts", String.join(",", catalog.districtCodes()));
        params.put("fraudTypes", String.join(",", catalog.fraudTypes().keySet()));
        params.put("warningsPerDay", scale.warningsPerDay());
        named.queryForObject(SqlFiles.load("bench/fill-months.sql"), params, Integer.class);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int casesFilled;
        int freezesFilled;
        try {
            // cases and freezes are independent draws: two connections fill them side by side
            Future<Integer> c = pool.submit(() -> named.update(SqlFiles.load("bench/fill-cases.sql"), params));
            Future<Integer> f = pool.submit(() -> named.update(SqlFiles.load("bench/fill-freezes.sql"), params));
            casesFilled = c.get();
            freezesFilled = f.get();
        } finally {
            pool.shutdown();
        }
        int refunds = named.update(SqlFiles.load("bench/fill-refunds.sql"), params);
        long fillNanos = System.nanoTime() - start;
        // the fill bypasses the loader, so the daily rollups every figure reads are rebuilt from the facts it
        // wrote, all days at once, by the loader's own statements; before warning_day is filled, which has no
        // fact_warning rows behind it (the rebuild would empty it)
        log.accept("rebuilding the daily rollups of " + days + " days from the facts");
        // the rollups' views join the facts through the key registers: their statistics too, or the plans guess
        jdbc.execute("ANALYZE fact_case, fact_freeze, fact_refund, fact_case_key, fact_freeze_key, fact_refund_key");
        start = System.nanoTime();
        // every day a filled fact falls on: refunds come up to 60 days after their case
        rollups.rebuild(first, LAST_DAY.plusDays(90));
        long rollupNanos = System.nanoTime() - start;
        named.update(SqlFiles.load("bench/fill-warning-days.sql"), params);
        log.accept("VACUUM ANALYZE");
        start = System.nanoTime();
        jdbc.execute("VACUUM ANALYZE fact_case, fact_freeze, fact_refund, warning_day, case_day, action_day, action_account_day, refund_day, refund_case_day, case_stop_time");
        long vacuumNanos = System.nanoTime() - start;
        String size = jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class);
        notes.add(String.format(Locale.ROOT, "Metrics: facts filled set-based (sql/bench/fill-*.sql) with %s cases, %s freezes, "
                        + "%s refunds and %d days × 5 districts of warning_day over %s..%s in %.1f s, their daily rollups "
                        + "rebuilt from the facts (`DailyRollups.rebuild`, the loader's sql/ingest/rollup-*.sql) in %.1f s, then"
                        + " vacuumed and analysed in %.1f s; database %s. The pipeline reads the rollups, the bare queries the "
                        + "facts. "
                        + "Each side timed %d times interleaved, best run kept.",
                count(casesFilled), count(freezesFilled), count(refunds), days, first, LAST_DAY, seconds(fillNanos),
                seconds(rollupNanos), seconds(vacuumNanos), size, RUNS));

        log.accept("metrics: every day of " + years + " years");
        Map<String, Object> all = Map.of("from", first, "to", LAST_DAY);
        long[] byDay = best(() -> figures.byDay(first, LAST_DAY).size(),
                () -> named.query(SqlFiles.load("bench/bare-rollup.sql"), all, rs -> {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    return n;
                }));
        double r = (double) byDay[0] / byDay[1];
        rows.add(new Measurement("all metrics, every day × area, " + years + " years (" + count(casesFilled) + " cases)",
                secs(byDay[0]), secs(byDay[1]), ratio(r), "≤ 1.0× bare", r <= 1.0));

        log.accept("metrics: one night");
        Map<String, Object> night = Map.of("from", LAST_DAY, "to", LAST_DAY);
        long[] oneNight = best(() -> figures.range(LAST_DAY, LAST_DAY).size(),
                () -> named.queryForList(SqlFiles.load("bench/bare-range.sql"), night).size());
        rows.add(new Measurement("one night's recompute (" + LAST_DAY + ")", secs(oneNight[0]), secs(oneNight[1]),
                ratio((double) oneNight[0] / oneNight[1]), "< 0.1 s", oneNight[0] < 100_000_000L));

        log.accept("metrics: one year city-wide");
        LocalDate yearFrom = LAST_DAY.minusYears(1).plusDays(1);
        Map<String, Object> year = Map.of("from", yearFrom, "to", LAST_DAY);
        List<List<AreaFigures>> pipelineYear = new ArrayList<>();
        List<List<Map<String, Object>>> bareYear = new ArrayList<>();
        long[] oneYear = best(() -> pipelineYear.add(figures.range(yearFrom, LAST_DAY)),
                () -> bareYear.add(named.queryForList(SqlFiles.load("bench/bare-range.sql"), year)));
        r = (double) oneYear[0] / oneYear[1];
        rows.add(new Measurement("one year city-wide, exact distinct counts", secs(oneYear[0]), secs(oneYear[1]),
                ratio(r), "≤ 1.5× bare", r <= 1.5));
        notes.add("Bare queries: sql/bench/bare-rollup.sql (per day and district, and the city per day) and "
                + "sql/bench/bare-range.sql (per district and the city over a period): the same aggregates with "
                + "GROUPING SETS, count(DISTINCT …) and percentile_cont. " + agreement(pipelineYear.get(0), bareYear.get(0)));
    }

    /** Whether the pipeline and the bare query give the same year, area by area. */
    private String agreement(List<AreaFigures> pipeline, List<Map<String, Object>> bare) {
        Map<String, Map<String, Object>> byArea = new HashMap<>();
        bare.forEach(row -> byArea.put("city".equals(row.get("area")) ? catalog.cityCode() : (String) row.get("area"), row));
        List<String> differences = new ArrayList<>();
        for (AreaFigures f : pipeline) {
            Map<String, Object> b = byArea.getOrDefault(f.districtCode(), Map.of());
            // every metric, so that a figure added to metrics.md is compared too, or reported missing from the bare query
            for (org.fraudstats.metrics.Metric metric : org.fraudstats.metrics.Metric.values()) {
                compare(differences, f.districtCode(), metric.key(), f.value(metric), b.get(metric.key()));
            }
        }
        AreaFigures city = pipeline.stream().filter(f -> f.districtCode().equals(catalog.cityCode())).findFirst().orElseThrow();
        String figures = String.format(Locale.ROOT, "The year's city figures: %s cases, %s distinct stopped accounts, %s distinct "
                        + "frozen accounts, %s refunded cases, median %s min to stop", count(city.cases()), count(city.stopAccounts()),
                count(city.freezeAccounts()), count(city.refundCases()), city.medianMinutesToStop());
        return differences.isEmpty()
                ? figures + "; the bare query agrees on every metric of every area."
                : figures + "; the bare query differs on " + differences.size() + " figures: " + String.join(", ", differences.subList(0, Math.min(5, differences.size())));
    }

    private static void compare(List<String> differences, String area, String metric, Object pipeline, Object bare) {
        BigDecimal p = pipeline == null ? null : new BigDecimal(pipeline.toString());
        BigDecimal b = bare == null ? null : new BigDecimal(bare.toString());
        boolean same = metric.startsWith("median") ? Objects.equals(p == null ? null : p.stripTrailingZeros(), b == null ? null : b.stripTrailingZeros())
                : (p == null ? BigDecimal.ZERO : p).compareTo(b == null ? BigDecimal.ZERO : b) == 0;
        if (!same) {
            differences.add(area + " " + metric + " " + p + " vs " + b);
        }
    }

    // ---------------------------------------------------------------- 3. bulletins on the filled tables

    private void bulletins(int days, int goalSeconds, List<Measurement> rows, List<String> notes, Consumer<String> log) throws Exception {
        LocalDate from = LAST_DAY.minusDays(days - 1);
        Path out = home.resolve("out");
        log.accept("bulletins: rendering " + days + " daily PDF+XLSX pairs with rerun");
        long start = System.nanoTime();
        Rerun.Result result = rerun.run(from, LAST_DAY, out, EnumSet.allOf(BulletinPublisher.Format.class), false);
        long nanos = System.nanoTime() - start;
        if (result.status() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("rerun " + from + ".." + LAST_DAY + " " + result.status() + ": " + result.failure());
        }
        long pdfs = filesEndingWith(out, ".pdf");
        long workbooks = filesEndingWith(out, ".xlsx");
        double perPair = seconds(nanos) / days;
        double year = perPair * 365;
        rows.add(new Measurement("bulletins: a year of daily PDF+XLSX pairs" + (days < 365 ? " (the last " + days + " rendered, ×365/" + days
                + ": an upper bound)" : ""),
                String.format(Locale.ROOT, "%.0f s (%.2f s/pair)", year, perPair), "—", "—", "< " + goalSeconds + " s for the year", year < goalSeconds));
        notes.add(String.format(Locale.ROOT, "Bulletins: the real `rerun` job (%d render threads) rendered %d daily bulletins %s..%s "
                        + "(%d PDFs and %d workbooks) from the filled tables in %.1f s%s.",
                renderThreads, days, from, LAST_DAY, pdfs, workbooks, seconds(nanos),
                days < 365 ? "; the year is projected as 365 × the time per pair, an upper bound, since a day's year to date "
                        + "reads more the later the day" : ", the year-to-date figures of both years included"));
    }

    // ---------------------------------------------------------------- helpers

    /** A list that reports what is added to it. */
    private static final class Logged<T> extends ArrayList<T> {
        private final Consumer<T> log;

        Logged(Consumer<T> log) {
            this.log = log;
        }

        @Override
        public boolean add(T item) {
            log.accept(item);
            return super.add(item);
        }
    }

    /** A clean slate: harmless here, where the whole server is the bench's throwaway one. */
    private void reset() {
        jdbc.execute(SqlFiles.load("bench/reset.sql"));
    }

    /** Best of {@link #RUNS} runs of each, interleaved so both see the same cache: {pipeline nanos, bare nanos}. */
    private static long[] best(Callable<?> pipeline, Callable<?> bare) throws Exception {
        long p = Long.MAX_VALUE;
        long b = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            pipeline.call();
            p = Math.min(p, System.nanoTime() - start);
            start = System.nanoTime();
            bare.call();
            b = Math.min(b, System.nanoTime() - start);
        }
        return new long[] {p, b};
    }

    private List<String> machine() {
        List<String> m = new ArrayList<>();
        String cpu = cpuModel();
        m.add(Runtime.getRuntime().availableProcessors() + " cores" + (cpu == null ? "" : " (" + cpu + ")"));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.add(String.format(Locale.ROOT, "%.0f GB RAM", os.getTotalMemorySize() / 1e9));
        }
        m.add("max heap " + mb(Runtime.getRuntime().maxMemory()));
        m.add(System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.add("Java " + System.getProperty("java.runtime.version"));
        String version = jdbc.queryForObject("SELECT version()", String.class);
        m.add((version.contains(" on ") ? version.substring(0, version.indexOf(" on ")) : version)
                + " (embedded, in a throwaway directory deleted after the run: "
                + jdbc.queryForObject(SqlFiles.load("bench/server-settings.sql"), String.class) + ")");
        return m;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static long filesEndingWith(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String secs(long nanos) {
        double s = seconds(nanos);
        return s < 10 ? String.format(Locale.ROOT, "%.3f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1048576.0));
    }
}
