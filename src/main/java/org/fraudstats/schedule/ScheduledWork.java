package org.fraudstats.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What the schedules of jobs/*.yml run: {@link PipelineWork}, the nightly pipeline, or in tests a fake that
 * records its calls, so the scheduling can be tested without loading or rendering anything.
 */
interface ScheduledWork {

    /**
     * The nightly run for business day {@code date}: load what arrived, re-render what changed, render the day.
     *
     * @return 0 when the day's drop was there and everything ran; non-zero when the drop was missing
     *         (the bulletin then carries a 数据未到 notice) or something failed
     */
    int nightly(LocalDate date, Path inbox, Path out);

    /**
     * A range bulletin (周报, 月报) for [from, to].
     *
     * @return 0 when its data had all arrived; non-zero when it was published with a 数据未到 notice
     */
    int rangeBulletin(LocalDate from, LocalDate to, Path out);

    /** The days of [from, to] whose data has not arrived (数据未到), oldest first. */
    List<LocalDate> daysNotArrived(LocalDate from, LocalDate to);

    /** Whether the drop of {@code date} has arrived under {@code inbox}. */
    boolean dropArrived(LocalDate date, Path inbox);

    /**
     * Refuses to serve with a bad jobs/distribution.yml, before anything is sent, or with a district or fraud type
     * named in characters the bulletin font cannot draw.
     */
    default void checkConfiguration() {
    }

    /** Sends the mails whose retry pause is over; never throws. */
    default void retryMail() {
    }
}
