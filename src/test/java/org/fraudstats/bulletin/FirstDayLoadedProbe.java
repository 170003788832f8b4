package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.Optional;

import org.fraudstats.settings.FraudstatsSettings;

/** {@link FirstDayLoaded} without a database, for a deployment that says its records' start: the setting is the answer. */
public final class FirstDayLoadedProbe {

    private final FirstDayLoaded firstDayLoaded;

    public FirstDayLoadedProbe(FraudstatsSettings settings) {
        this.firstDayLoaded = new FirstDayLoaded(null, settings);
    }

    public Optional<LocalDate> firstDay() {
        return firstDayLoaded.get();
    }
}
