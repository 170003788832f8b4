package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fraudstats.bulletin.data.FigureSnapshot;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Metric;

/**
 * The figures a published revision printed, read back from the snapshot kept with it (bulletin_revision.figures):
 * what a mail about that revision must say, whatever was loaded since.
 */
public final class PublishedFigures {

    /** Parsed once: a page or a mail asks it up to eight things. */
    private final FigureSnapshot.Read snapshot;

    private PublishedFigures(FigureSnapshot.Read snapshot) {
        this.snapshot = snapshot;
    }

    /** @param snapshot the revision's bulletin_revision.figures, as text */
    public static PublishedFigures of(String snapshot) {
        return new PublishedFigures(FigureSnapshot.read(snapshot));
    }

    /**
     * An area's figures over the bulletin's own period, as printed; empty when the revision did not keep one of those
     * {@code needed} (kept before it was added to metrics.md). A figure not needed and not kept reads as 0 or
     * undefined: print only those named.
     */
    public Optional<AreaFigures> period(String areaCode, LocalDate from, LocalDate to, Set<Metric> needed) {
        return FigureSnapshot.figures(snapshot, "areas", areaCode, areaCode, from, to, needed);
    }

    /** An area's figures over the 同比 base period, as printed (needed: as {@link #period}). */
    public Optional<AreaFigures> yearOnYearBase(String areaCode, Set<Metric> needed) {
        return FigureSnapshot.figures(snapshot, "yoy_base", areaCode, areaCode, null, null, needed);
    }

    /** An area's figures over the 环比 base period, as printed (needed: as {@link #period}). */
    public Optional<AreaFigures> periodOnPeriodBase(String areaCode, Set<Metric> needed) {
        return FigureSnapshot.figures(snapshot, "pop_base", areaCode, areaCode, null, null, needed);
    }

    /**
     * The city's year to date (1 January to {@code to}, or from the first day of the records when they began after 1
     * January, as the revision named it), as printed (needed: as {@link #period}).
     */
    public Optional<AreaFigures> cityYearToDate(String cityCode, LocalDate to, Set<Metric> needed) {
        return FigureSnapshot.figures(snapshot, "ytd", "city", cityCode,
                FigureSnapshot.yearToDateFrom(snapshot).orElse(to.withDayOfYear(1)), to, needed);
    }

    /** The 异常提示 a daily printed; empty when the revision did not keep it (published before it was kept). */
    public Optional<String> unusualNote() {
        return FigureSnapshot.unusualNote(snapshot);
    }

    /** The days not arrived in the bases, whose changes the revision did not compute. */
    public BaseGaps gaps() {
        return FigureSnapshot.gaps(snapshot);
    }

    /** The days of its year to date whose data had not arrived (FigureSnapshot.yearToDateNotArrived). */
    public List<LocalDate> yearToDateNotArrived() {
        return FigureSnapshot.yearToDateNotArrived(snapshot);
    }

    /** Every day the revision printed as not arrived, its own ({@code ownDay}) under its notice included. */
    public java.util.SortedSet<LocalDate> saidNotArrived(LocalDate ownDay) {
        return FigureSnapshot.saidNotArrived(snapshot, ownDay);
    }

    /** The 数据未到 notice a daily printed above everything; empty when it printed none. */
    public Optional<String> missingNote() {
        return FigureSnapshot.missingNote(snapshot);
    }
}
