package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily rollups every figure reads (tables: V5__warning_day.sql, V16__daily_rollups.sql; their views over the facts: V19__fact_partitions.sql), recomputed from the facts
 * by sql/ingest/rollup-*.sql, one per rollup: a load recomputes the days it changed, in its own transaction;
 * {@link #rebuild} the days of a range, for writers that put facts in place without the loader (the bench's
 * set-based fill, tests that write the facts they need by hand); {@link #repair} rebuilds a range after a fact
 * was corrected by hand and records it as a change of figures, numbered like a load.
 */
@Service
public class DailyRollups {

    /** How many days one rebuild statement covers. */
    static final int SLICE_DAYS = 31;

    /** sql/ingest/rollup-*.sql: one per daily rollup. */
    private static final List<String> ROLLUPS =
            List.of("warnings", "cases", "actions", "action-accounts", "refunds", "refund-cases", "stop-times");

    private final NamedParameterJdbcTemplate named;

    DailyRollups(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /**
     * Makes every rollup row of the business days [from, to] what the facts say, in one transaction: rows the
     * facts imply are written, rows they do not are deleted. warning_day is among them, so a caller that fills
     * warning_day without fact_warning (the bench) rebuilds first and fills warning_day afterwards.
     */
    @Transactional
    public void rebuild(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("rebuild " + from + ".." + to + ": the range ends before it starts");
        }
        // A month of days per statement: each day's rollup rows depend on that day alone, so slices give the same
        // rows, and every statement stays the size of a month. Three national years in one statement per rollup
        // (12M freezes) ran over half an hour in rollup-action-accounts.sql alone; by months it is linear in the
        // days (a month 4.7 s, a year 50 s, on the bench's national data).
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(SLICE_DAYS)) {
            LocalDate end = start.plusDays(SLICE_DAYS - 1).isAfter(to) ? to : start.plusDays(SLICE_DAYS - 1);
            recompute(named, start.datesUntil(end.plusDays(1)).map(LocalDate::toString).collect(Collectors.joining(",")));
        }
    }

    /** Why a repair of a period reaching archived months is refused. */
    public static String repairRefused(LocalDate from, LocalDate to, String archived) {
        return "repair of " + from + ".." + to + " refused: the facts of " + archived + " were archived, so their rollups, the "
                + "only figures left of them, would be rebuilt as zero and the nightly would publish that; repair live months only";
    }

    /** The archived months the days [from, to] reach, "2022-08, 2022-09", if any. */
    public java.util.Optional<String> archivedMonths(LocalDate from, LocalDate to) {
        return java.util.Optional.ofNullable(named.queryForObject(SqlFiles.load("ingest/archived-months-between.sql"),
                Map.of("from", from, "to", to), String.class));
    }

    /**
     * `verify --repair`: rebuilds the rollups of [from, to] from the facts and records the repair as a change of
     * {@code days}, numbered like a load (sql/ingest/record-repair.sql, V23), so that the nightly revises those days'
     * published bulletins and a headline over them waits for a bulletin rendered after it, as after a load. Runs in
     * the caller's transaction, which must be REPEATABLE READ and must have found {@code days}, the days whose rollup
     * rows differ from the facts, itself: then they are exactly the days this rebuild changes, read from the one
     * snapshot it rebuilds from; every other day of the range is rewritten to what it held. The caller holds the
     * loader's lock, so no load takes a number or rewrites a rollup meanwhile. A range reaching an archived month is
     * refused, as a load never recomputes such a day (sql/ingest/archived-months-between.sql).
     *
     * @param days          the days whose figures change, not empty
     * @param rowsRewritten the differing rows, as `verify` counts them
     * @param by            who repairs, as the audit log names them
     * @return the repair's number, from the loads' counter
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long repair(LocalDate from, LocalDate to, SortedSet<LocalDate> days, long rowsRewritten, String by) {
        if (days.isEmpty() || days.first().isBefore(from) || days.last().isAfter(to)) {
            throw new IllegalArgumentException("repair " + from + ".." + to + ": the changed days " + days + " are not a part of it");
        }
        java.util.Optional<String> archived = archivedMonths(from, to);
        if (archived.isPresent()) {
            throw new IllegalStateException(repairRefused(from, to, archived.get()));
        }
        rebuild(from, to);
        Long number = named.queryForObject(SqlFiles.load("ingest/record-repair.sql"), Map.of("from", from, "to", to,
                "by", by, "rowsRewritten", rowsRewritten), Long.class);
        named.update(SqlFiles.load("ingest/record-repaired-days.sql"), Map.of("loadNumber", number,
                "days", days.stream().map(LocalDate::toString).collect(Collectors.joining(","))));
        return number;
    }

    /** Recomputes every rollup on {@code days}, comma-separated ISO dates, in the caller's transaction. */
    static void recompute(NamedParameterJdbcTemplate named, String days) {
        recompute(named, days, days);
    }

    /**
     * Recomputes every rollup on {@code days}, but warning_day only on {@code warningDays} (null: none), the days
     * whose warnings changed: warning_day is computed from fact_warning alone, so no other day can need it.
     */
    static void recompute(NamedParameterJdbcTemplate named, String days, String warningDays) {
        for (String rollup : ROLLUPS) {
            String on = rollup.equals("warnings") ? warningDays : days;
            if (on != null) {
                named.update(SqlFiles.load("ingest/rollup-" + rollup + ".sql"), Map.of("days", on));
            }
        }
    }
}
