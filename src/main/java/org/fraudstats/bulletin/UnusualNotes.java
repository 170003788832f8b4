package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.List;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.UnusualDistricts;
import org.fraudstats.press.UnusualNote;
import org.springframework.stereotype.Component;

/**
 * The 异常提示 of a day's bulletin and mail, its baseline's days whose data has not arrived left out
 * ({@link MissingData}): their zeros are no data, and as zero cases they lowered λ and raised alarms.
 */
@Component
public class UnusualNotes {

    private final UnusualDistricts unusual;
    private final MissingData missingData;
    private final Catalog catalog;

    UnusualNotes(UnusualDistricts unusual, MissingData missingData, Catalog catalog) {
        this.unusual = unusual;
        this.missingData = missingData;
        this.catalog = catalog;
    }

    /** The note of {@code day}, as computed now (a day whose own data has not arrived: {@link UnusualNote#NOT_JUDGED}, by the caller). */
    public String of(LocalDate day) {
        List<LocalDate> notArrived = missingData.daysNotArrived(day.minusDays(UnusualDistricts.BASELINE_DAYS), day.minusDays(1));
        int arrived = UnusualDistricts.arrivedDays(day, notArrived);
        if (arrived < UnusualDistricts.MIN_ARRIVED_DAYS) {
            return UnusualNote.baselineTooShort(arrived);
        }
        return UnusualNote.text(unusual.on(day, notArrived), catalog);
    }
}
