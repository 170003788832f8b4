package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.UnusualDistricts;
import org.fraudstats.press.UnusualNote;
import org.springframework.stereotype.Component;

/**
 * The 异常提示 of a day's bulletin and mail, its baseline's days whose data has not arrived left out
 * ({@link MissingData}), and its days before the first day anything was loaded ({@link FirstDayLoaded}): their zeros
 * are no data, and as zero cases they lowered λ and raised alarms.
 */
@Component
public class UnusualNotes {

    private final UnusualDistricts unusual;
    private final MissingData missingData;
    private final FirstDayLoaded firstDayLoaded;
    private final Catalog catalog;

    UnusualNotes(UnusualDistricts unusual, MissingData missingData, FirstDayLoaded firstDayLoaded, Catalog catalog) {
        this.unusual = unusual;
        this.firstDayLoaded = firstDayLoaded;
        this.missingData = missingData;
        this.catalog = catalog;
    }

    /** The note of {@code day}, as computed now (a day whose own data has not arrived: {@link UnusualNote#NOT_JUDGED}, by the caller). */
    public String of(LocalDate day) {
        LocalDate baselineFrom = day.minusDays(UnusualDistricts.BASELINE_DAYS);
        List<LocalDate> notArrived = new ArrayList<>(missingData.daysNotArrived(baselineFrom, day.minusDays(1)));
        // nor a day before anything was loaded: a deployment's first days, or a backfill of them, were judged against
        // 28 days of no records as if they were days of no fraud (南海区警情6宗，为近28日日均0.1宗的56.0倍, tester)
        LocalDate firstDay = firstDayLoaded.get().orElse(day);
        for (LocalDate d = baselineFrom; d.isBefore(firstDay) && d.isBefore(day); d = d.plusDays(1)) {
            if (!notArrived.contains(d)) {
                notArrived.add(d);
            }
        }
        int arrived = UnusualDistricts.arrivedDays(day, notArrived);
        if (arrived < UnusualDistricts.MIN_ARRIVED_DAYS) {
            return UnusualNote.baselineTooShort(arrived);
        }
        return UnusualNote.text(unusual.on(day, notArrived), catalog);
    }
}
