package org.fraudstats.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.fraudstats.schedule.ScheduleRuns.Status;
import org.fraudstats.settings.BusinessTime;
import org.springframework.stereotype.Component;

/**
 * The nights a range bulletin (周报, 月报) waits for: the nightly runs of its period's days that have still to finish,
 * so that it is rendered with their figures, not with 数据未到 and then revised.
 */
@Component
class NightsToCome {

    /** How often a range bulletin looks again whether the nightly run of its last days has finished. */
    static final Duration NIGHTLY_LOOK_INTERVAL = Duration.ofMinutes(1);

    /**
     * A night RUNNING for longer than this is not waited for: its node may have died in a cluster where no other
     * fire of the nightly schedule comes before the next night (a single node that restarts takes it over at once).
     */
    static final Duration NIGHT_STUCK_AFTER = Duration.ofHours(3);

    private final ScheduleRuns runs;
    private final ScheduleDefinitions definitions;
    private final Clock clock;

    NightsToCome(ScheduleRuns runs, ScheduleDefinitions definitions, Clock clock) {
        this.runs = runs;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** A night a range bulletin waits for, whether it failed, and when to look again. */
    record Night(LocalDate day, boolean failed, Duration lookAgainIn) {
    }

    /**
     * The oldest night up to {@code to} that an enabled nightly schedule has still to finish (not yet claimed
     * but due, running, or waiting for its drop until the deadline), or null. A range bulletin waits for it:
     * when the service comes back on a Monday after a Sunday night down, both schedules fire at once, and the
     * 周报 rendered before Sunday's night would go to leadership with 数据未到 and zeros, then again as r2. A
     * nightly schedule that never ran is not waited for (its first fire starts at its own yesterday, which may
     * never be the range's last day), nor is a night RUNNING for over {@link #NIGHT_STUCK_AFTER}.
     */
    Night oldest(LocalDate to) {
        for (ScheduleDefinition nightly : definitions.enabled()) {
            if (nightly.work() != ScheduleDefinition.Work.NIGHTLY) {
                continue;
            }
            LocalDate latest = nightly.cadence().latestComplete(BusinessTime.today(clock));
            ScheduleRuns.Open open = runs.open(nightly.name(), ScheduleRunner.failedRetriedSince(nightly, latest));
            if (open.lastFinished() == null && open.firstUnfinished() == null) {
                continue;
            }
            for (LocalDate night = ScheduleRunner.first(nightly, latest, open); !night.isAfter(latest) && !night.isAfter(to);
                 night = nightly.cadence().next(night)) {
                ScheduleRuns.Row row = runs.find(nightly.name(), night);
                if (row != null && (row.status() == Status.DONE || row.status() == Status.MISSING_DATA
                        || row.status() == Status.FAILED && runs.doneByHandSince(night, row.startedAt()))) {
                    // finished, or failed and done by hand since (./fraudstats nightly --date D): the week waited
                    // for it until the nightly's next fire, up to a day, and /runs said it failed (tester A)
                    continue;
                }
                boolean stuck = row != null && row.status() == Status.RUNNING
                        && row.startedAt().toInstant().plus(NIGHT_STUCK_AFTER).isBefore(clock.instant());
                if (stuck) {
                    break;
                }
                // a failed night (a bad drop) is waited for, not taken for finished: rendered now, the week would
                // say 数据未到 of days whose drops came, with their figures missing. It is tried again at the
                // nightly's own pace, so the week looks at that pace too
                boolean failed = row != null && row.status() == Status.FAILED;
                return new Night(night, failed, failed ? nightly.retryInterval() : NIGHTLY_LOOK_INTERVAL);
            }
        }
        return null;
    }
}
