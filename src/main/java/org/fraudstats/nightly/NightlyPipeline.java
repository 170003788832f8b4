package org.fraudstats.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.FirstDayLoaded;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.bulletin.Published;
import org.fraudstats.delivery.Deliveries;
import org.fraudstats.ingest.DropLoadResult;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.storage.RunLock;
import org.springframework.stereotype.Service;

/**
 * The nightly pipeline for business day D, the one place it is defined; `fraudstats nightly` and the schedules
 * of jobs/*.yml run it:
 * <ol>
 * <li>load every drop up to D not loaded yet (late drops included), and check the rollups of the days those
 *     loads changed against the facts ({@link RollupCheck}): a mismatch fails the night before anything renders;</li>
 * <li>find the published days and periods whose figures a load changed since they were rendered
 *     ({@link StaleBulletins});</li>
 * <li>render and publish: each such day again (a new revision when its figures moved), then D's own bulletin;</li>
 * <li>re-render the range bulletins found in step 2;</li>
 * <li>mail what was published ({@link Deliveries}): its own step, which never fails the night.</li>
 * </ol>
 * Running it twice for one D loads nothing and re-renders the same revisions.
 */
@Service
public class NightlyPipeline {

    private static final Set<BulletinPublisher.Format> EVERY_FORMAT = EnumSet.allOf(BulletinPublisher.Format.class);

    /** What a nightly run did; dataMissing when D's drop had not arrived. */
    public record Result(LocalDate date, boolean dataMissing, List<DropLoadResult> loads, List<Published> bulletins) {
        public int exitCode() {
            return dataMissing ? 1 : 0;
        }
    }

    private final Ingest ingest;
    private final BulletinPublisher publisher;
    private final StaleBulletins stale;
    private final RunLock runLock;
    private final Deliveries deliveries;
    private final RollupCheck rollupCheck;
    private final MissingData missingData;

    private final FirstDayLoaded firstDayLoaded;

    NightlyPipeline(Ingest ingest, BulletinPublisher publisher, StaleBulletins stale, RunLock runLock, Deliveries deliveries,
            RollupCheck rollupCheck, MissingData missingData, FirstDayLoaded firstDayLoaded) {
        this.firstDayLoaded = firstDayLoaded;
        this.rollupCheck = rollupCheck;
        this.missingData = missingData;
        this.ingest = ingest;
        this.publisher = publisher;
        this.stale = stale;
        this.runLock = runLock;
        this.deliveries = deliveries;
    }

    /** Runs the night of {@code date}, saying what it does, one line at a time, to {@code log}. */
    public Result run(LocalDate date, Path inbox, Path out, Consumer<String> log) {
        // a bad jobs/distribution.yml, or a name the bulletin cannot print, stops the night before it loads anything,
        // not after it published
        checkConfiguration();

        // 1. load
        List<DropLoadResult> loads = load(date, inbox, log);
        // after the load: a folder that landed while the night started is loaded, and then its day is not missing
        boolean missing = !missingData.dropLoaded(date);
        List<Long> executions = loads.stream().map(DropLoadResult::jobExecutionId).filter(Objects::nonNull).toList();
        Long jobExecutionId = executions.isEmpty() ? null : executions.get(executions.size() - 1);

        // 2. what the loads (tonight's, or earlier ones by hand) changed of what was published
        StaleBulletins.Stale toRender = stale.of(date);
        List<LocalDate> changed = toRender.days();
        // a published daily of a day before a deployment's records-start (one published before the setting was said) is
        // not revised: no bulletin counts its day, and a correction "电诈警情 3 → 0" went to leadership for a load of
        // strays (review); `rerun` refuses those days too
        Optional<LocalDate> start = firstDayLoaded.recordsStart();
        if (start.isPresent() && changed.stream().anyMatch(d -> d.isBefore(start.get()))) {
            List<LocalDate> before = changed.stream().filter(d -> d.isBefore(start.get())).toList();
            log.accept(before.get(0) + (before.size() > 1 ? " and " + (before.size() - 1) + " more" : "") + "  not revised: before the "
                    + "records start (" + start.get() + ", fraudstats.records-start), which no bulletin counts");
            changed = changed.stream().filter(d -> !d.isBefore(start.get())).toList();
        }
        List<StaleBulletins.Period> ranges = toRender.ranges();
        if (start.isPresent()) {
            // a range wholly before the start likewise; one holding it is revised, counted from it
            ranges = ranges.stream().filter(r -> !r.to().isBefore(start.get())).toList();
        }

        // the rollups every figure reads, checked against the facts for every day changed since the last check that
        // passed (tonight's loads, earlier ones by hand, a night that failed on a mismatch) and the days tonight
        // renders: a mismatch is a wrong figure, so nothing is rendered from it, and every later night finds it again
        TreeSet<LocalDate> rendered = new TreeSet<>(changed);
        rendered.add(date);
        ranges.forEach(r -> r.from().datesUntil(r.to().plusDays(1)).forEach(rendered::add));
        rollupCheck.requireRightRollups(rendered, rendered.last(), log);

        // 3. render and publish the changed days, then D's bulletin
        List<Published> bulletins = new ArrayList<>();
        Published today;
        LocalDate first = changed.isEmpty() || changed.get(0).isAfter(date) ? date : changed.get(0);
        try (RunLock.Held held = runLock.days("nightly", first, date)) {
            for (LocalDate day : changed) {
                // tonight's own day, when a late record changed its published first edition, is rendered once, below
                if (!day.equals(date)) {
                    bulletins.add(logged(publisher.daily(day, out, EVERY_FORMAT, jobExecutionId, null), log));
                }
            }
            String notice = missing ? MissingData.notice(date) : null;
            today = logged(publisher.daily(date, out, EVERY_FORMAT, jobExecutionId, notice), log);
            bulletins.add(today);
        }

        // 4. after the day's own bulletin, which leadership reads first: the changed range bulletins, each under its
        // own lock; one that cannot be revised tonight (a rerun holds its days, a failure) stays stale and is tried
        // the next night
        for (StaleBulletins.Period range : ranges) {
            try (RunLock.Held held = runLock.days("range bulletin", range.from(), range.to())) {
                bulletins.add(logged(publisher.range(range.from(), range.to(), out, EVERY_FORMAT, jobExecutionId), log));
            } catch (RuntimeException e) {
                log.accept(range.from() + "_" + range.to() + "  not revised tonight, tried again next night: " + e.getMessage());
            }
        }
        // 5. mail: after publishing, and never a reason for the night to fail (the mails wait and are retried): D's
        // bulletin and the revisions published tonight. A changed day or range rendered again with the figures it had
        // is no news: a first edition a rerun had published (never mailed, by design) went to every list when a late
        // record of its day moved none of its figures (tester F)
        deliveries.afterPublishing(bulletins.stream().filter(b -> b == today || b.newRevision()).toList(), out, log);
        return new Result(date, missing, loads, bulletins);
    }

    /** A range bulletin (周报, 月报) for [from, to], as the weekly and monthly schedules render it. */
    public Published rangeBulletin(LocalDate from, LocalDate to, Path out) {
        Published published;
        try (RunLock.Held held = runLock.days("range bulletin", from, to)) {
            // as a night does: a week rendered after a night that failed on a mismatch carried the wrong figure
            rollupCheck.requireRightRollups(from.datesUntil(to.plusDays(1)).toList(), to, line -> { });
            published = publisher.range(from, to, out, EVERY_FORMAT, null);
        }
        deliveries.afterPublishing(List.of(published), out, line -> { });
        return published;
    }

    /** The days of [from, to] whose data has not arrived (数据未到), oldest first. */
    public List<LocalDate> daysNotArrived(LocalDate from, LocalDate to) {
        return missingData.daysNotArrived(from, to);
    }

    /** As the schedule runs a range bulletin: 0 when its data had all arrived, 1 when published with 数据未到, as a night. */
    public int scheduledRangeBulletin(LocalDate from, LocalDate to, Path out) {
        return rangeBulletin(from, to, out).notice() == null ? 0 : 1;
    }

    /**
     * Reads jobs/distribution.yml and checks the catalogue's names against the bulletin font: either wrong stops
     * `serve` before it starts, with one line.
     */
    public void checkConfiguration() {
        deliveries.checkConfiguration();
        publisher.checkCatalogue();
    }

    /** The retry pass `serve` runs every few minutes: mails whose pause is over, sent or retried later. */
    public void retryMail(Consumer<String> log) {
        // the lists as the file says them now: a bulletin this pass records (one a killed night left unrecorded) went to
        // the lists serve read at its start, someone removed since included, someone added not (tester mail32)
        try {
            deliveries.checkConfiguration();
        } catch (org.fraudstats.delivery.DistributionException e) {
            log.accept("warning: " + e.getMessage() + ": mails this pass records go to the lists read before");
        }
        try {
            deliveries.sendDue(log);
        } catch (RuntimeException e) {
            log.accept("warning: mail retry pass failed, tried again at the next: " + e.getMessage());
        }
    }

    /** Whether the drop of {@code date} has arrived under {@code inbox}, or was loaded already from another folder. */
    public boolean dropArrived(LocalDate date, Path inbox) {
        return Files.isDirectory(inbox.resolve(date.toString())) || missingData.dropLoaded(date);
    }

    private List<DropLoadResult> load(LocalDate date, Path inbox, Consumer<String> log) {
        if (!Files.isDirectory(inbox)) {
            // still 数据未到 (no drop is there), but the operator reading the night's log must see why: a share not
            // mounted or FRAUDSTATS_INBOX mistyped looks, from the bulletin alone, like a late feed
            log.accept("warning: the inbox " + inbox + (Files.exists(inbox) ? " is not a folder" : " does not exist")
                    + ": no drop can arrive there (FRAUDSTATS_INBOX, default $FRAUDSTATS_HOME/inbox)");
            return List.of();
        }
        // every night looks at the whole inbox: name what it loaded, and D's drop, but only count the old ones
        int[] unchangedBefore = {0};
        List<DropLoadResult> loads = ingest.load(inbox, null, date, r -> {
            if (r.unchangedSinceLoaded() && r.date().isBefore(date)) {
                unchangedBefore[0]++;
            } else {
                log.accept(NightlyLines.loaded(r));
            }
            r.datedAway().forEach(warning -> log.accept(r.date() + "  warning: " + warning));
        });
        if (unchangedBefore[0] > 0) {
            log.accept(unchangedBefore[0] + " earlier drops unchanged (already loaded)");
        }
        return loads;
    }

    private static Published logged(Published published, Consumer<String> log) {
        log.accept(NightlyLines.published(published));
        return published;
    }
}
