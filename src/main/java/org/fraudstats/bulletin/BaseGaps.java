package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.List;

/**
 * The days whose data has not arrived (数据未到) inside what a bulletin compares with: a base period holding one is
 * short of that day's figures, and a change against it reads as a rise that did not happen (a week after a missing
 * Sunday would show 环比 +16.7% on the same daily volume). Such a change is not computed, as for a bulletin whose own
 * period holds a missing day, and the bulletin names the days. Loading the day's drop (even an empty one, when the
 * day truly had nothing) makes its data arrived and the next render computes the change again.
 *
 * <p>A base that begins before the first day anything was loaded for and ends after it is short in the same way
 * ({@link BeforeRecords}): a deployment whose history starts on 1 October compared its first 今年以来 with a 去年同期
 * holding only October's days, +900% in front of leadership.
 *
 * @param yoy           the days of the 同比 base period
 * @param pop           the days of the 环比 base period
 * @param yearToDate    the days of this year's 1 January to the bulletin's end, or of last year's same days: either
 *                      side of the 今年以来 comparison
 * @param beforeRecords which bases begin before the first day loaded and end after it
 * @param noRecords     which bases lie wholly before it: said, and no change against them; not part of {@link #equals}
 */
public record BaseGaps(List<LocalDate> yoy, List<LocalDate> pop, List<LocalDate> yearToDate, BeforeRecords beforeRecords,
                       NoRecords noRecords) {

    public static final BaseGaps NONE = new BaseGaps(List.of(), List.of(), List.of());

    /**
     * The bases wholly before the first day of the records: their figures are 0 because there is no record, not because
     * nothing happened, and a first year's bulletin said 同比—（基期为0） and 去年同期 0宗, which a leader reads as "no case
     * last year" (review). No change is computed against such a base (see {@link #yoyWhole}); when the first day is
     * the first one loaded its figures are 0 and none was computed before either, so two renders that differ in it
     * print the same figures, and it takes no part in {@link BaseGaps#equals} (a history's first year of bulletins
     * would otherwise be republished as corrections for a word).
     *
     * @param lastYearToDate last year's days to date (the 今年以来 comparison's 去年同期)
     */
    public record NoRecords(LocalDate firstDay, boolean yoy, boolean pop, boolean lastYearToDate) {

        public static final NoRecords NONE = new NoRecords(null, false, false, false);

        /** Whether [from, to] ends before {@code firstDay}. */
        public static boolean before(LocalDate firstDay, LocalDate to) {
            return firstDay != null && to.isBefore(firstDay);
        }

        public boolean none() {
            return !yoy && !pop && !lastYearToDate;
        }
    }

    /**
     * The bases that reach back before the first day anything was loaded for ({@code firstDay}) and hold days from it
     * on: their sums count only the days since, so a change against them would compare a whole period with a part of
     * one. A base wholly before that day holds no record at all: its figures are 0 and no change is computed anyway,
     * said as for any base of 0 (marking it too would re-publish every bulletin of a history's first year, each one
     * unchanged, as a correction).
     */
    public record BeforeRecords(LocalDate firstDay, boolean yoy, boolean pop, boolean yearToDate) {

        public static final BeforeRecords NONE = new BeforeRecords(null, false, false, false);

        /** Whether [from, to] begins before {@code firstDay} and holds days from it on. */
        public static boolean straddles(LocalDate firstDay, LocalDate from, LocalDate to) {
            return firstDay != null && from.isBefore(firstDay) && !to.isBefore(firstDay);
        }

        public boolean none() {
            return !yoy && !pop && !yearToDate;
        }

        /** How a note names them: "含无记录的日期（最早记录为2021-10-01）". */
        public String said() {
            return "含无记录的日期（最早记录为" + firstDay + "）";
        }
    }

    public BaseGaps(List<LocalDate> yoy, List<LocalDate> pop, List<LocalDate> yearToDate) {
        this(yoy, pop, yearToDate, BeforeRecords.NONE);
    }

    public BaseGaps(List<LocalDate> yoy, List<LocalDate> pop, List<LocalDate> yearToDate, BeforeRecords beforeRecords) {
        this(yoy, pop, yearToDate, beforeRecords, NoRecords.NONE);
    }

    /** What decides which changes print: the days not arrived and the bases beginning before the records, not {@link NoRecords}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BaseGaps g && yoy.equals(g.yoy) && pop.equals(g.pop) && yearToDate.equals(g.yearToDate)
                && beforeRecords.equals(g.beforeRecords);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(yoy, pop, yearToDate, beforeRecords);
    }

    /** Whether the base (of the year to date: last year's side) lies wholly before the records. */
    public boolean noRecords(ComparedBase base) {
        return switch (base) {
            case YOY -> noRecords.yoy();
            case POP -> noRecords.pop();
            case YEAR_TO_DATE -> noRecords.lastYearToDate();
        };
    }

    public BaseGaps {
        yoy = List.copyOf(yoy);
        pop = List.copyOf(pop);
        yearToDate = List.copyOf(yearToDate);
        beforeRecords = beforeRecords == null ? BeforeRecords.NONE : beforeRecords;
        noRecords = noRecords == null ? NoRecords.NONE : noRecords;
    }

    public boolean none() {
        return yoy.isEmpty() && pop.isEmpty() && yearToDate.isEmpty() && beforeRecords.none();
    }

    /**
     * Whether a change against the 同比 base is computed: no day not arrived in it, none before the records, and not
     * wholly before them. Such a base is said to have no record, yet its figures need not be 0: a stop-payment
     * effective the evening before the first case's day counts in it, and before a deployment's {@code records-start}
     * was counted from the start, three stray cases printed 同比 +11566.7% above the note that said the base had no
     * records (review).
     */
    public boolean yoyWhole() {
        return yoy.isEmpty() && !beforeRecords.yoy() && !noRecords.yoy();
    }

    public boolean popWhole() {
        return pop.isEmpty() && !beforeRecords.pop() && !noRecords.pop();
    }

    public boolean yearToDateWhole() {
        return yearToDate.isEmpty() && !beforeRecords.yearToDate() && !noRecords.lastYearToDate();
    }

    /** The days not arrived in the base. */
    public List<LocalDate> notArrived(ComparedBase base) {
        return switch (base) {
            case YOY -> yoy;
            case POP -> pop;
            case YEAR_TO_DATE -> yearToDate;
        };
    }

    /** Whether the base reaches before the first day loaded. */
    public boolean beforeRecords(ComparedBase base) {
        return switch (base) {
            case YOY -> beforeRecords.yoy();
            case POP -> beforeRecords.pop();
            case YEAR_TO_DATE -> beforeRecords.yearToDate();
        };
    }
}
