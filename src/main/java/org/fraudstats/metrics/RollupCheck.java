package org.fraudstats.metrics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks the daily rollups against the facts (sql/metrics/verify-rollups.sql): every rollup row of a range of
 * days recomputed straight from the facts by the rollup's one definition, and compared with what the loader
 * stored. A difference means a figure read from the rollups would be wrong.
 */
@Service
public class RollupCheck {

    private final NamedParameterJdbcTemplate jdbc;

    RollupCheck(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The differences over [from, to], oldest day first; empty when the rollups are right. */
    public List<RollupDifference> differences(LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("metrics/verify-rollups.sql"), Map.of("from", from, "to", to),
                (rs, i) -> new RollupDifference(rs.getString("rollup"), rs.getObject("business_day", LocalDate.class),
                        rs.getString("district_code"), rs.getString("about"), rs.getString("stored"),
                        rs.getString("from_facts")));
    }

    /**
     * A warning of amounts of 10 billion yuan or more among the facts of [from, to], loaded before money's 10-digit bound
     * (sql/metrics/outsized-amounts.sql), or empty: such a row is most likely an account number in an amount column,
     * which the figures and bulletins print as money.
     */
    public java.util.Optional<String> outsizedAmounts(LocalDate from, LocalDate to) {
        return outsized(from, to).map(o -> o.english);
    }

    private java.util.Optional<OutsizedAmounts> outsized(LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("metrics/outsized-amounts.sql"), Map.of("from", from, "to", to), (rs, i) -> {
            long total = rs.getLong("total");
            String record = rs.getString("feed") + " record " + org.fraudstats.storage.DigitRuns.maskId(rs.getString("id"));
            LocalDate day = rs.getObject("business_day", LocalDate.class);
            return new OutsizedAmounts(total + (total == 1 ? " amount" : " amounts") + " of 10 billion yuan or more in " + from + ".."
                    + to + ", the first: " + record + " on " + day + ": an account number in an amount column? send the record again with its amount",
                    from + " 至 " + to + " 有 " + total + " 笔金额在 100 亿元以上（第一笔：" + record.replace(" record ", " 记录 ") + "，" + day
                            + "），可能是账号误填入了金额栏：请数据提供方重新报送该记录的正确金额");
        }).stream().findFirst();
    }

    /**
     * Refuses to go on when the facts of [from, to] hold an amount of 10 billion yuan or more ({@link #outsizedAmounts}),
     * which would be printed as money, most likely an account number in clear: every bulletin asks it of each span of
     * days it reads before it renders, and every listing of figures (`metrics`, /figures, /api/v1/metrics) of the days it
     * sums (review 31b, 31c: only `verify` warned, by hand).
     *
     * @param what what was not done, said after the line ("nothing was rendered")
     */
    public void requireNoOutsizedAmounts(LocalDate from, LocalDate to, String what) {
        java.util.Optional<OutsizedAmounts> found = outsized(from, to);
        if (found.isPresent()) {
            throw new OutsizedAmounts(found.get().english + "; " + what, found.get().chinese());
        }
    }

    /** Facts hold an amount that would be printed as an account number ({@link #requireNoOutsizedAmounts}). */
    public static final class OutsizedAmounts extends IllegalStateException {
        /** The audit's result of a read so refused. */
        public static final String REFUSED = "refused: an amount of 10 billion yuan or more";

        private final String english;
        private final String chinese;

        OutsizedAmounts(String english, String chinese) {
            super(english);
            this.english = english;
            this.chinese = chinese;
        }

        /** The same in the portal's words. */
        public String chinese() {
            return chinese;
        }
    }

    /**
     * The differences on every day a load or a repair changed since the last check that found none, on every day a
     * check found differing and none has found right since, and on {@code alsoDays} (the days a night or a range
     * bulletin is about to render); days of archived months left out. When there are none, the check is recorded as
     * passed through the latest change; the days that differ are kept, so that every later check takes them again
     * until `verify --repair` mends them: checking only a night's own loads' days stopped the night that found a
     * difference, and the next night, whose load did not touch that day, published its year to date and 环比 base
     * from it (review 29); a difference found only on a rendered day was forgotten by the next check that did not
     * render it (review 29b). Days are checked as runs of consecutive days, so that a late record of last year does not
     * make the check read the whole year between.
     */
    public List<RollupDifference> differencesSinceLastCheck(Collection<LocalDate> alsoDays) {
        OffsetDateTime began = begins();
        long upTo = jdbc.queryForObject(SqlFiles.load("metrics/latest-change-number.sql"), Map.of(), Long.class);
        Set<LocalDate> archived = new HashSet<>(jdbc.queryForList(SqlFiles.load("metrics/archived-months.sql"), Map.of(), LocalDate.class));
        SortedSet<LocalDate> wanted = new TreeSet<>();
        alsoDays.stream().filter(d -> !archived.contains(d.withDayOfMonth(1))).forEach(wanted::add);
        wanted.addAll(jdbc.queryForList(SqlFiles.load("metrics/days-changed-since-check.sql"), Map.of("upTo", upTo), LocalDate.class));
        wanted.addAll(jdbc.queryForList(SqlFiles.load("metrics/suspect-days.sql"), Map.of(), LocalDate.class));
        List<LocalDate> days = new ArrayList<>(wanted);
        List<RollupDifference> differences = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= days.size(); i++) {
            if (i == days.size() || !days.get(i).equals(days.get(i - 1).plusDays(1))) {
                differences.addAll(differences(days.get(start), days.get(i - 1)));
                start = i;
            }
        }
        keep(days, differences, began);
        if (differences.isEmpty()) {
            jdbc.update(SqlFiles.load("metrics/record-rollups-checked.sql"), Map.of("upTo", upTo));
        }
        return differences;
    }

    /** When a check begins, by the database's clock: what {@link #keep} is told. */
    public OffsetDateTime begins() {
        return jdbc.queryForObject(SqlFiles.load("metrics/check-begins.sql"), Map.of(), OffsetDateTime.class);
    }

    /**
     * Keeps what a check of {@code checked} found: the days that differ become suspect, taken by every later check; the
     * others are suspect no more, unless a check that began after this one found them differing meanwhile (review 29c).
     * `verify` keeps what it finds too, so a difference it prints stops the nights as one a night found does. Cleared
     * by runs of consecutive days, not day by day: a verify of centuries bound a parameter per day (review 29d).
     */
    public void keep(Collection<LocalDate> checked, List<RollupDifference> differences, OffsetDateTime began) {
        recordDiffering(differences);
        List<LocalDate> days = new ArrayList<>(new TreeSet<>(checked));
        int start = 0;
        for (int i = 1; i <= days.size(); i++) {
            if (i == days.size() || !days.get(i).equals(days.get(i - 1).plusDays(1))) {
                clearFoundRight(days.get(start), days.get(i - 1), began);
                start = i;
            }
        }
    }

    /** As {@link #keep(Collection, List, OffsetDateTime)}, of every day of [from, to]. */
    public void keep(LocalDate from, LocalDate to, List<RollupDifference> differences, OffsetDateTime began) {
        recordDiffering(differences);
        clearFoundRight(from, to, began);
    }

    private void recordDiffering(List<RollupDifference> differences) {
        for (LocalDate day : differences.stream().map(RollupDifference::day).collect(java.util.stream.Collectors.toCollection(TreeSet::new))) {
            jdbc.update(SqlFiles.load("metrics/record-suspect-day.sql"), Map.of("day", day));
        }
    }

    /** The days found differing were dated just before, after {@code began}: the clearing leaves them. */
    private void clearFoundRight(LocalDate from, LocalDate to, OffsetDateTime began) {
        jdbc.update(SqlFiles.load("metrics/clear-suspect-days.sql"), Map.of("from", from, "to", to, "began", began));
    }

    /** The number of the latest committed change of figures: what a check that passes is recorded as checked through. */
    public long latestChange() {
        return jdbc.queryForObject(SqlFiles.load("metrics/latest-change-number.sql"), Map.of(), Long.class);
    }

    /**
     * A `verify` of [from, to] that found nothing passes for a night's check when every day changed since the last check
     * that passed, up to change {@code upTo}, lies within it: the watermark moves, and those days can be archived
     * (an archive of a month holding a day no check has passed is refused, V37).
     */
    public boolean passIfItCoversEveryChange(LocalDate from, LocalDate to, long upTo) {
        LocalDate[] span = jdbc.queryForObject(SqlFiles.load("metrics/unchecked-span.sql"), Map.of("upTo", upTo),
                (rs, i) -> new LocalDate[] {rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)});
        LocalDate first = span[0];
        LocalDate last = span[1];
        if (first != null && (first.isBefore(from) || last.isAfter(to))) {
            return false;
        }
        jdbc.update(SqlFiles.load("metrics/record-rollups-checked.sql"), Map.of("upTo", upTo));
        return true;
    }

    /**
     * As {@link #differencesSinceLastCheck}, each difference said to {@code log}, and a {@link RollupMismatch} thrown
     * when one is on a day up to {@code readsUpTo}, the last day the caller's bulletins read (none reads a later day:
     * a rerun of last year is not refused for a mismatch of this week, which is still kept and found again).
     */
    public void requireRightRollups(Collection<LocalDate> alsoDays, LocalDate readsUpTo, java.util.function.Consumer<String> log) {
        List<RollupDifference> differences = differencesSinceLastCheck(alsoDays);
        differences.forEach(d -> log.accept("rollup differs from the facts: " + d.line()));
        List<RollupDifference> read = differences.stream().filter(d -> !d.day().isAfter(readsUpTo)).toList();
        if (!read.isEmpty()) {
            throw new RollupMismatch(read);
        }
    }

    /** One rollup row that is not what the facts say: {@code stored} or {@code fromFacts} is empty when that side has no row. */
    public record RollupDifference(String rollup, LocalDate day, String districtCode, String about, String stored,
            String fromFacts) {

        /** The rollups whose values hold amounts (sql/metrics/verify-rollups.sql). */
        private static final Set<String> MONEY_ROLLUPS = Set.of("case_day", "action_day", "refund_day");

        /**
         * One line for a statistician: where, and both values. A case is named as the rejects name it: a good row
         * whose fields were shifted can store an account number as a case_id, and this line goes to stdout, the
         * night's failure on /runs and the log (review 30).
         */
        public String line() {
            // and a money rollup's values masked as any line of the loader's: an amount loaded before money's 10-digit
            // bound may be a card number (review 30b); not a stop time's, whose date, district and seconds read as one
            // run of digits and were masked whole (review 30c)
            boolean money = MONEY_ROLLUPS.contains(rollup);
            return rollup + " " + day + " " + districtCode + (about.isEmpty() ? "" : " " + org.fraudstats.storage.DigitRuns.maskId(about))
                    + ": rollup [" + (money ? org.fraudstats.storage.DigitRuns.mask(stored) : stored) + "], facts ["
                    + (money ? org.fraudstats.storage.DigitRuns.mask(fromFacts) : fromFacts) + "]";
        }
    }
}
