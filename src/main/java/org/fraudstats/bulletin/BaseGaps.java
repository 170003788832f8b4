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
 * @param yoy         the days of the 同比 base period
 * @param pop         the days of the 环比 base period
 * @param yearToDate  the days of this year's 1 January to the bulletin's end, or of last year's same days: either
 *                    side of the 今年以来 comparison
 */
public record BaseGaps(List<LocalDate> yoy, List<LocalDate> pop, List<LocalDate> yearToDate) {

    public static final BaseGaps NONE = new BaseGaps(List.of(), List.of(), List.of());

    public BaseGaps {
        yoy = List.copyOf(yoy);
        pop = List.copyOf(pop);
        yearToDate = List.copyOf(yearToDate);
    }

    public boolean none() {
        return yoy.isEmpty() && pop.isEmpty() && yearToDate.isEmpty();
    }
}
