package org.fraudstats.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Published;
import org.fraudstats.ingest.DropLoadResult;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.schedule.ScheduledWork;
import org.fraudstats.storage.RunLock;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The nightly run for business day D: load every drop up to D not loaded yet (late drops included), re-render
 * the published bulletins of every day whose figures those loads changed (each change a new revision), render
 * D's daily bulletin, then re-render the published range bulletins whose period holds a changed day. Running it twice for one D loads nothing and re-renders the same revisions.
 */
@Service
public class NightlyPipeline implements ScheduledWork {

    /** What a nightly run did; dataMissing when D's drop had not arrived. */
    public record Result(LocalDate date, boolean dataMissing, List<DropLoadResult> loads, List<Published> bulletins) {
        public int exitCode() {
            return dataMissing ? 1 : 0;
        }
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    private final Ingest ingest;
    private final BulletinPublisher publisher;
    private final NamedParameterJdbcTemplate jdbc;
    private final RunLock runLock;

    NightlyPipeline(Ingest ingest, BulletinPublisher publisher, NamedParameterJdbcTemplate jdbc, RunLock runLock) {
        this.ingest = ingest;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.runLock = runLock;
    }

    public Result run(LocalDate date, Path inbox, Path out, Consumer<String> log) {
        boolean missing = !dropArrived(date, inbox);
        // every night looks at the whole inbox: name what it loaded, and D's drop, but only count the old ones
        int[] unchangedBefore = {0};
        List<DropLoadResult> loads = Files.isDirectory(inbox) ? ingest.load(inbox, null, date, r -> {
            if (r.alreadyLoaded() && r.date().isBefore(date)) {
                unchangedBefore[0]++;
            } else {
                log.accept(describe(r));
            }
        }) : List.of();
        if (unchangedBefore[0] > 0) {
            log.accept(unchangedBefore[0] + " earlier drops unchanged (already loaded)");
        }
        List<Long> executions = loads.stream().map(DropLoadResult::jobExecutionId).filter(Objects::nonNull).toList();
        List<LocalDate> changed = jdbc.queryForList(SqlFiles.load("nightly/stale-days.sql"), Map.of("date", date), LocalDate.class);
        Long jobExecutionId = executions.isEmpty() ? null : executions.get(executions.size() - 1);

        List<Period> ranges = jdbc.query(SqlFiles.load("nightly/stale-ranges.sql"), Map.of("date", date),
                (rs, i) -> new Period(rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class)));

        List<Published> bulletins = new ArrayList<>();
        LocalDate first = changed.isEmpty() || changed.get(0).isAfter(date) ? date : changed.get(0);
        try (RunLock.Held held = runLock.days("nightly", first, date)) {
            for (LocalDate day : changed) {
                // only days already published are revised; a late record of a day never published waits for a rerun
                if (!day.equals(date)) {
                    Published p = publisher.daily(day, out, EnumSet.allOf(BulletinPublisher.Format.class), jobExecutionId, null);
                    bulletins.add(p);
                    log.accept(describe(p));
                }
            }
            Published today = publisher.daily(date, out, EnumSet.allOf(BulletinPublisher.Format.class), jobExecutionId,
                    missing ? "数据未到：" + date + " 的数据尚未到达，本期数字不含当日数据，数据到达后将以修订版重发。" : null);
            bulletins.add(today);
            log.accept(describe(today));
        }
        // after the day's own bulletin, which leadership reads first; each range under its own lock, and one that
        // cannot be revised tonight (a rerun holds its days, a failure) stays stale and is tried the next night
        for (Period range : ranges) {
            try (RunLock.Held held = runLock.days("range bulletin", range.from(), range.to())) {
                Published p = publisher.range(range.from(), range.to(), out, EnumSet.allOf(BulletinPublisher.Format.class), jobExecutionId);
                bulletins.add(p);
                log.accept(describe(p));
            } catch (RuntimeException e) {
                log.accept(range.from() + "_" + range.to() + "  not revised tonight, tried again next night: " + e.getMessage());
            }
        }
        return new Result(date, missing, loads, bulletins);
    }

    @Override
    public int nightly(LocalDate date, Path inbox, Path out) {
        return run(date, inbox, out, line -> { }).exitCode();
    }

    @Override
    public int rangeBulletin(LocalDate from, LocalDate to, Path out) {
        try (RunLock.Held held = runLock.days("range bulletin", from, to)) {
            publisher.range(from, to, out, EnumSet.allOf(BulletinPublisher.Format.class), null);
        }
        return 0;
    }

    @Override
    public boolean dropArrived(LocalDate date, Path inbox) {
        return Files.isDirectory(inbox.resolve(date.toString()));
    }

    private static String describe(DropLoadResult r) {
        return r.alreadyLoaded() ? r.date() + "  drop unchanged (already loaded)"
                : r.date() + "  drop loaded: " + r.rowsRead() + " rows read, " + r.rowsRejected() + " rejected, " + r.rowsChanged() + " changed";
    }

    private static String describe(Published p) {
        String files = p.files().stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("");
        if (p.revision() > 1 && p.newRevision()) {
            return p.period() + "  revised to r" + p.revision() + " (" + String.join("; ", p.changes()) + "): " + files;
        }
        return p.period() + "  bulletin r" + p.revision() + ": " + files;
    }
}
