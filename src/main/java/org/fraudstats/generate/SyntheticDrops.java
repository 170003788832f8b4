package org.fraudstats.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.fraudstats.catalog.Catalog;

/**
 * Writes synthetic drops (feeds.md) shaped like Foshan's 2022 figures, for load tests and demos: per city-year about
 * 17 000 cases, 21 000 accounts stopped for 4.1亿 yuan, ~3 000 freezes, ~400 refunded cases for ~4300万 yuan and
 * 2.2 million warnings of which ~500 000 are face-to-face dissuasions.
 *
 * <p>The output depends on the seed and the first day alone: the same command writes the same bytes, and drops
 * generated day by day (one command per day, as a tester builds a history) differ from one another. Memory does not grow with scale or period: warnings, the bulk of the
 * volume, stream straight to disk; only rows due in a later drop (late cases, next-day freezes, refunds weeks
 * later, corrections) wait in a backlog, which holds at most ~45 days of those small feeds.
 */
public final class SyntheticDrops {

    static final double CASES_PER_DAY = 17_000 / 365.0;
    static final double WARNINGS_PER_DAY = 2_200_000 / 365.0;
    private static final String[] CHANNELS = {"SMS", "CALL", "VISIT", "APP"};
    private static final double[] CHANNEL_WEIGHTS = {.45, .22, .28, .05};
    private static final String[] OUTCOMES = {"DISSUADED", "UNREACHED", "ALREADY_DEFRAUDED"};
    /** Outcome weights per channel: a visit nearly always dissuades (0.28 x 0.81 = 22.7% of all warnings). */
    private static final double[][] OUTCOME_WEIGHTS = {{.30, .68, .02}, {.55, .40, .05}, {.81, .12, .07}, {.40, .58, .02}};

    private final Path outDir;
    private final Scale scale;
    private final LocalDate from;
    private final LocalDate to;
    private final double badRowRate;
    private final SplittableRandom root;
    private final BadRows badRows;
    private final CaseFactory cases;
    private final TreeMap<LocalDate, Map<Feed, List<String[]>>> backlog = new TreeMap<>();
    private Map<Feed, DropWriter> writers;
    private LocalDate today;

    private final boolean monthly;
    /** Whether a drop folder already there is this generator's own, to replace (the demo's), or a refusal. */
    private final boolean replaceOwn;

    private SyntheticDrops(Path outDir, Scale scale, LocalDate from, LocalDate to, long seed, double badRowRate, Catalog catalog,
                           boolean monthly, boolean replaceOwn) {
        this.replaceOwn = replaceOwn;
        this.monthly = monthly;
        this.outDir = outDir;
        this.scale = scale;
        this.from = from;
        this.to = to;
        this.badRowRate = badRowRate;
        // the first day is in the stream's seed: with the seed alone, every one-day run began with the same draws,
        // so a history generated one day at a time repeated the same day's content (ids and dates aside)
        this.root = new SplittableRandom(seed ^ (from.toEpochDay() * 0x9E3779B97F4A7C15L));
        this.badRows = new BadRows(catalog);
        this.cases = new CaseFactory(catalog);
    }

    /**
     * Writes {@code outDir/YYYY-MM-DD/{cases,freezes,refunds,warnings}.csv} for every day from {@code from} to
     * {@code to} inclusive, each drop folder whole or not at all (written as {@code .YYYY-MM-DD.partial}, renamed when
     * whole); a folder of the same name already there fails the run and is left as it is (the generate command refuses
     * before writing: {@link #existingDrops}).
     *
     * @param badRowRate share of all data rows that are bad (rule 3 of feeds.md), 0 to 0.5
     */
    public static Summary write(Path outDir, Scale scale, LocalDate from, LocalDate to, long seed, double badRowRate,
                                Catalog catalog) throws IOException {
        check(from, to, badRowRate);
        return new SyntheticDrops(outDir, scale, from, to, seed, badRowRate, catalog, false, false).run();
    }

    /**
     * As {@link #write}, into the demo's own inbox, whose drop folders of the same days it wrote before and replaces
     * (a longer --days after a shorter one, a demo interrupted): anywhere else a folder already there is refused, and
     * its files are never touched (review 36e: a real drop arriving while generate wrote lost its files).
     */
    public static Summary writeReplacingOwn(Path outDir, Scale scale, LocalDate from, LocalDate to, long seed, double badRowRate,
                                            Catalog catalog, boolean monthly) throws IOException {
        check(from, to, badRowRate);
        return new SyntheticDrops(outDir, scale, from, to, seed, badRowRate, catalog, monthly, true).run();
    }

    /**
     * The same kind of data as {@link #write}, but one drop per calendar month, in a folder named after the month's
     * last day (or {@code to}): a year of history imported at once, as a new deployment does with last year's
     * exports, loads in 12 drops instead of 365. Each day's rows, and the rows arriving late within the month, are in
     * the month's files in day order; rows due in a later month wait for that month's drop, as they wait for a later
     * day's drop in {@link #write}.
     */
    public static Summary writeMonthly(Path outDir, Scale scale, LocalDate from, LocalDate to, long seed, double badRowRate,
                                       Catalog catalog) throws IOException {
        check(from, to, badRowRate);
        return new SyntheticDrops(outDir, scale, from, to, seed, badRowRate, catalog, true, false).run();
    }

    /** The folders an interrupted run left ({@code .2022-10-01.partial}): this generator's, and no drop. */
    private void deleteUnfinished() throws IOException {
        if (!Files.isDirectory(outDir)) {
            return;
        }
        try (var children = Files.list(outDir)) {
            for (Path child : children.filter(c -> UNFINISHED.matcher(c.getFileName().toString()).matches()).toList()) {
                deleteTree(child);
            }
        }
    }

    private static final java.util.regex.Pattern UNFINISHED = java.util.regex.Pattern.compile("\\.\\d{4}-\\d{2}-\\d{2}\\.partial");

    private static void deleteTree(Path folder) throws IOException {
        try (var all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The file that says a folder's drops are synthetic, written by the generate command before its first drop. */
    public static final String MARKER = ".fraudstats-synthetic";

    /** Says of {@code outDir} that its drops are synthetic (ingest passes a file at the inbox's top by). */
    public static void markSynthetic(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path marker = outDir.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "Synthetic drops written by fraudstats generate: never an inbox of real drops.\n");
        }
    }

    /** A drop folder (named by a date) under {@code outDir} when it has no {@link #MARKER}: drops generate did not write. */
    public static java.util.Optional<Path> notGenerated(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir) || Files.exists(outDir.resolve(MARKER))) {
            return java.util.Optional.empty();
        }
        try (var children = Files.list(outDir)) {
            return children.filter(c -> c.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}") && Files.isDirectory(c))
                    .sorted().findFirst();
        }
    }

    /** The drop folders of [from, to] (daily drops) already under {@code outDir}: generate writes only new ones. */
    public static List<Path> existingDrops(Path outDir, LocalDate from, LocalDate to) {
        List<Path> existing = new ArrayList<>();
        if (Files.isDirectory(outDir)) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Path folder = outDir.resolve(d.format(DateTimeFormatter.ISO_LOCAL_DATE));
                if (Files.exists(folder)) {
                    existing.add(folder);
                }
            }
        }
        return existing;
    }

    private static void check(LocalDate from, LocalDate to, double badRowRate) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (!(badRowRate >= 0 && badRowRate <= 0.5)) {
            throw new IllegalArgumentException("badRowRate must be between 0 and 0.5: " + badRowRate);
        }
    }

    private Summary run() throws IOException {
        deleteUnfinished();
        long[] rows = new long[Feed.values().length];
        long bad = 0;
        long bytes = 0;
        int days = 0;
        for (today = from; !today.isAfter(to); today = today.plusDays(1), days++) {
            // one split per day and per purpose, so the same seed always draws the same numbers in the same place
            SplittableRandom day = root.split();
            LocalDate drop = dropOf(today);
            String name = drop.format(DateTimeFormatter.ISO_LOCAL_DATE);
            // written under a hidden name and renamed when whole: an interrupted generate left a drop folder whose files
            // were cut mid-row or empty, which ingest would load as a day (r36c); a partial folder is not a date, and
            // ingest passes it by with a warning
            Path dir = outDir.resolve("." + name + ".partial");
            if (writers == null) {
                // a drop begins: with daily drops every day, so their bytes are what they always were
                Files.createDirectories(dir);
                writers = new EnumMap<>(Feed.class);
                for (Feed feed : Feed.values()) {
                    writers.put(feed, new DropWriter(dir, feed, day.split(), badRows, badRowRate));
                }
            }
            Map<Feed, List<String[]>> due = backlog.remove(today);
            if (due != null) {
                for (Map.Entry<Feed, List<String[]>> e : due.entrySet()) {
                    for (String[] row : e.getValue()) {
                        writers.get(e.getKey()).row(row);
                    }
                }
            }
            SplittableRandom caseRng = day.split();
            cases.day(caseRng, today, Shapes.poisson(caseRng, CASES_PER_DAY * scale.factor()), this::emit);
            warnings(day.split());
            if (!today.equals(drop)) {
                continue;
            }
            for (Feed feed : Feed.values()) {
                DropWriter w = writers.get(feed);
                w.close();
                rows[feed.ordinal()] += w.rows();
                bad += w.badRows();
                bytes += Files.size(dir.resolve(feed.fileName));
            }
            Path whole = outDir.resolve(name);
            if (replaceOwn && Files.isDirectory(whole)) {
                // the demo writing its own drops again: replaced
                deleteTree(whole);
            }
            // a folder there otherwise (a real drop arrived meanwhile) is left whole: the move fails on it
            Files.move(dir, whole, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            writers = null;
        }
        return new Summary(days, rows[0], rows[1], rows[2], rows[3], bad, bytes);
    }

    /** The folder date of the drop that carries day's rows: the day itself, or its month's last day (at most to). */
    private LocalDate dropOf(LocalDate day) {
        if (!monthly) {
            return day;
        }
        LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
        return monthEnd.isAfter(to) ? to : monthEnd;
    }

    /** Today's rows go straight out; later ones wait; rows due after the last drop are never delivered. */
    private void emit(Feed feed, LocalDate drop, String[] row) throws IOException {
        if (drop.equals(today)) {
            writers.get(feed).row(row);
        } else if (!drop.isAfter(to)) {
            backlog.computeIfAbsent(drop, d -> new EnumMap<>(Feed.class)).computeIfAbsent(feed, f -> new ArrayList<>()).add(row);
        }
    }

    /** Streamed, never held: a few percent were issued one or two days before the drop that carries them. */
    private void warnings(SplittableRandom rng) throws IOException {
        DropWriter out = writers.get(Feed.WARNINGS);
        String prefix = "WN" + today.format(DateTimeFormatter.BASIC_ISO_DATE);
        int n = Shapes.poisson(rng, WARNINGS_PER_DAY * scale.factor());
        // a serial of six digits, as the case system's ids (DigitRuns.isCaseSystemId): of seven, a rejected warning's
        // id was masked in rejects as a card number would be (r36c L12); more only at a ministry's scale
        int width = Math.max(6, Integer.toString(n).length());
        for (int i = 1; i <= n; i++) {
            int late = Shapes.pick(rng, new double[] {.965, .03, .005});
            LocalDate issued = today.minusDays(late).isBefore(from) ? today : today.minusDays(late);
            long at = Shapes.momentOf(rng, issued) + (Shapes.chance(rng, 0.3) ? rng.nextInt(60) : 0);
            int channel = Shapes.pick(rng, CHANNEL_WEIGHTS);
            int outcome = Shapes.pick(rng, OUTCOME_WEIGHTS[channel]);
            String seq = Integer.toString(i);
            String[] row = {prefix + "0".repeat(Math.max(0, width - seq.length())) + seq, Shapes.timestamp(rng, at),
                    cases.districtCode(cases.district(rng)), CHANNELS[channel], OUTCOMES[outcome]};
            out.row(row);
            if (Shapes.chance(rng, 0.001)) { // the handler updates the outcome after the first export
                String[] c = row.clone();
                c[4] = OUTCOMES[(outcome + 1) % OUTCOMES.length];
                out.row(c);
            }
        }
    }
}
